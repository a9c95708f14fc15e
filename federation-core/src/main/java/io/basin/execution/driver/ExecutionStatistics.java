package io.basin.execution.driver;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The run-time counters of one query's pipelines, for EXPLAIN ANALYZE: given to
 * {@link PipelineExecutor#execute(List, io.basin.execution.QueryContext, ExecutionStatistics)},
 * which then counts rows and times every stage per page. Queries run without it pay nothing.
 * Thread-safe.
 */
public final class ExecutionStatistics
{
    /** The stats of a pipeline's stages: its source, its operators in order, its sink. */
    public record PipelineStats(OperatorStats source, List<OperatorStats> operators, OperatorStats sink)
    {
        public PipelineStats
        {
            requireNonNull(source, "source is null");
            operators = List.copyOf(requireNonNull(operators, "operators is null"));
            requireNonNull(sink, "sink is null");
        }
    }

    /** Counters of one pipeline; by identity, as pipelines of equal shape are different runs. */
    private final Map<Pipeline, StageCounters[]> pipelines = new IdentityHashMap<>();

    /** The counters of {@code pipeline}'s stages: [source, operators..., sink]. */
    synchronized StageCounters[] counters(Pipeline pipeline)
    {
        return pipelines.computeIfAbsent(pipeline, _ -> {
            StageCounters[] stages = new StageCounters[pipeline.operators().size() + 2];
            for (int i = 0; i < stages.length; i++) {
                stages[i] = new StageCounters();
            }
            return stages;
        });
    }

    /** What {@code pipeline}'s stages did, if it ran with these statistics. */
    public synchronized Optional<PipelineStats> stats(Pipeline pipeline)
    {
        StageCounters[] stages = pipelines.get(pipeline);
        if (stages == null) {
            return Optional.empty();
        }
        // a stage's output is the next stage's input: the driver passes every non-empty page on
        int sinkIndex = stages.length - 1;
        OperatorStats source = stages[0].snapshot(pipeline.source().describe(), stages[1].inputRows());
        List<OperatorStats> operators = new ArrayList<>();
        for (int i = 1; i < sinkIndex; i++) {
            operators.add(stages[i].snapshot(pipeline.operators().get(i - 1).describe(), stages[i + 1].inputRows()));
        }
        OperatorStats sink = stages[sinkIndex].snapshot(pipeline.sink().describe(), 0);
        return Optional.of(new PipelineStats(source, operators, sink));
    }
}
