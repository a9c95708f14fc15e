package io.basin.sql.planner;

import io.basin.execution.driver.ExecutionStatistics;
import io.basin.execution.driver.OperatorStats;
import io.basin.execution.driver.Pipeline;
import io.basin.execution.memory.QueryMemoryPool;
import io.basin.execution.operator.TableScanSource;
import io.basin.plan.PlanNode;
import io.basin.plan.RecursiveUnionNode;
import io.basin.plan.SharedNode;
import io.basin.sql.planner.physical.LocalExecutionPlan;
import io.basin.sql.planner.physical.StageOrigins;
import io.basin.sql.planner.physical.StageOrigins.Role;
import io.trino.spi.metrics.Count;
import io.trino.spi.metrics.Distribution;
import io.trino.spi.metrics.Metric;
import io.trino.spi.metrics.Metrics;
import io.trino.spi.metrics.Timing;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Renders EXPLAIN ANALYZE: the plan tree EXPLAIN shows, each node followed by what its operators
 * did when the query ran (rows out and in, own wall and CPU time summed over drivers, peak
 * memory), a join's build rows, a dynamic filter's dropped rows, the connector's own counters
 * under each scan, and the query's planning and execution time at the end.
 */
public final class ExplainAnalyzePrinter
{
    private static final String DETAIL_INDENT = "      ";

    /** Where a stage sits in its pipeline. */
    private enum Position { SOURCE, OPERATOR, SINK }

    /**
     * One stage of a pipeline that ran for a plan node; {@code entry} when the stage before it in
     * the pipeline works for another node, so that its input rows are the node's input;
     * {@code withFilter} when it also evaluates the filter below its node (whose output is then
     * this node's input).
     */
    private record NodeStage(OperatorStats stats, Role role, Position position, boolean entry, boolean withFilter, Object stage) {}

    /**
     * The query's measured run.
     *
     * @param resultRows rows the query returned (and EXPLAIN ANALYZE discarded)
     */
    public record Run(LocalExecutionPlan plan, ExecutionStatistics statistics, long planningNanos, long executionNanos, long peakMemoryBytes, long resultRows)
    {
        public Run
        {
            requireNonNull(plan, "plan is null");
            requireNonNull(statistics, "statistics is null");
        }
    }

    private final Map<PlanNode, List<NodeStage>> stages = new IdentityHashMap<>();
    private final StringBuilder output = new StringBuilder();
    private final Set<SharedNode> printedShared = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final boolean verbose;

    private ExplainAnalyzePrinter(Run run, boolean verbose)
    {
        this.verbose = verbose;
        for (Pipeline pipeline : run.plan().pipelines()) {
            run.statistics().stats(pipeline).ifPresent(stats -> {
                StageOrigins origins = run.plan().origins();
                collect(origins, pipeline.source(), stats.source(), Position.SOURCE, null);
                Object previous = pipeline.source();
                for (int i = 0; i < stats.operators().size(); i++) {
                    collect(origins, pipeline.operators().get(i), stats.operators().get(i), Position.OPERATOR, previous);
                    previous = pipeline.operators().get(i);
                }
                collect(origins, pipeline.sink(), stats.sink(), Position.SINK, previous);
            });
        }
    }

    /** With {@code verbose}, each node also lists every operator that ran for it, with its own numbers. */
    public static String print(PlanNode root, List<String> outputNames, Run run, boolean verbose)
    {
        ExplainAnalyzePrinter printer = new ExplainAnalyzePrinter(run, verbose);
        printer.output.append("Output[").append(String.join(", ", outputNames)).append("]\n");
        printer.output.append(DETAIL_INDENT).append("rows=").append(run.resultRows()).append('\n');
        printer.print(root, 1, false);
        printer.output.append("Planning Time: ").append(milliseconds(run.planningNanos())).append('\n');
        printer.output.append("Execution Time: ").append(milliseconds(run.executionNanos())).append('\n');
        printer.output.append("Peak Memory: ").append(QueryMemoryPool.formatBytes(run.peakMemoryBytes()));
        return printer.output.toString();
    }

    private void collect(StageOrigins origins, Object stage, OperatorStats stats, Position position, Object previous)
    {
        for (StageOrigins.Origin origin : origins.of(stage)) {
            boolean entry = previous != null && origins.of(previous).stream().noneMatch(before -> before.node() == origin.node());
            boolean withFilter = origin.role() == Role.MAIN && origins.of(stage).stream().anyMatch(other -> other.role() == Role.WITH_PARENT);
            stages.computeIfAbsent(origin.node(), _ -> new ArrayList<>()).add(new NodeStage(stats, origin.role(), position, entry, withFilter, stage));
        }
    }

    /** {@code inRecursion}: below a recursive union, whose rounds run their own pipelines, measured only as a whole. */
    private void print(PlanNode node, int depth, boolean inRecursion)
    {
        String indent = "    ".repeat(depth - 1);
        output.append(indent).append("└─ ").append(PlanPrinter.describe(node));
        if (node instanceof SharedNode shared && !printedShared.add(shared)) {
            output.append(" (shown above)\n");
            return;
        }
        output.append("  => ").append(PlanPrinter.types(node.outputTypes())).append('\n');
        List<NodeStage> nodeStages = stages.getOrDefault(node, List.of());
        if (!nodeStages.isEmpty()) {
            for (String line : details(nodeStages)) {
                output.append(indent).append(DETAIL_INDENT).append(line).append('\n');
            }
            if (verbose) {
                for (NodeStage stage : nodeStages) {
                    if (stage.role() != Role.WITH_PARENT) {
                        output.append(indent).append(DETAIL_INDENT).append(operatorLine(stage)).append('\n');
                    }
                }
            }
        }
        else if (inRecursion) {
            output.append(indent).append(DETAIL_INDENT).append("(measured with the recursive union above)\n");
        }
        for (PlanNode source : node.sources()) {
            print(source, depth + 1, inRecursion || node instanceof RecursiveUnionNode);
        }
    }

    private static List<String> details(List<NodeStage> nodeStages)
    {
        List<String> lines = new ArrayList<>();
        // stages come in execution order: the node's rows are those of its last stage (the
        // probe of a join, the output of an aggregation, a scan after its dynamic filters)
        long outputRows = nodeStages.getLast().stats().outputRows();
        if (nodeStages.stream().allMatch(stage -> stage.role() == Role.WITH_PARENT)) {
            lines.add("rows=%d, input rows=%d (evaluated by the operator of the node above)".formatted(outputRows, nodeStages.getFirst().stats().inputRows()));
            return lines;
        }
        long inputRows = 0;
        boolean hasInput = false;
        long buildRows = 0;
        boolean hasBuild = false;
        long wall = 0;
        long cpu = 0;
        long memory = 0;
        int drivers = 0;
        for (NodeStage stage : nodeStages) {
            OperatorStats stats = stage.stats();
            switch (stage.role()) {
                case MAIN -> {
                    if (stage.entry()) {
                        // a projection fused with the filter below it reads what the filter keeps
                        inputRows += stage.withFilter() ? stats.outputRows() : stats.inputRows();
                        hasInput = true;
                    }
                }
                case BUILD -> {
                    buildRows += stats.inputRows();
                    hasBuild = true;
                }
                case DYNAMIC_FILTER, WITH_PARENT -> {}
            }
            wall += stats.wallNanos();
            cpu += stats.cpuNanos();
            memory = Math.max(memory, stats.peakMemoryBytes());
            drivers = Math.max(drivers, stats.drivers());
        }
        StringJoiner summary = new StringJoiner(", ");
        summary.add("rows=" + outputRows);
        if (hasInput) {
            summary.add("input rows=" + inputRows);
        }
        if (hasBuild) {
            summary.add("build rows=" + buildRows);
        }
        summary.add("wall=" + milliseconds(wall));
        summary.add("cpu=" + milliseconds(cpu));
        if (memory > 0) {
            summary.add("peak memory=" + QueryMemoryPool.formatBytes(memory));
        }
        summary.add("drivers=" + drivers);
        lines.add(summary.toString());
        for (NodeStage stage : nodeStages) {
            if (stage.role() == Role.DYNAMIC_FILTER) {
                OperatorStats stats = stage.stats();
                lines.add("dynamic filter: input rows=%d, filtered out=%d, wall=%s, cpu=%s".formatted(
                        stats.inputRows(), stats.inputRows() - stats.outputRows(), milliseconds(stats.wallNanos()), milliseconds(stats.cpuNanos())));
            }
            if (stage.stage() instanceof TableScanSource scan) {
                String metrics = metrics(scan.connectorMetrics());
                if (!metrics.isEmpty()) {
                    lines.add("connector: " + metrics);
                }
            }
        }
        return lines;
    }

    /** One operator of a node: a source has no input rows of its own, a sink no output rows (they leave by the next pipeline's source). */
    private static String operatorLine(NodeStage stage)
    {
        OperatorStats stats = stage.stats();
        StringJoiner line = new StringJoiner(", ", "operator " + stats.operator() + ": ", "");
        if (stage.position() != Position.SOURCE) {
            line.add("input rows=" + stats.inputRows());
        }
        if (stage.position() != Position.SINK) {
            line.add("output rows=" + stats.outputRows());
        }
        line.add("wall=" + milliseconds(stats.wallNanos()));
        line.add("cpu=" + milliseconds(stats.cpuNanos()));
        if (stats.peakMemoryBytes() > 0) {
            line.add("peak memory=" + QueryMemoryPool.formatBytes(stats.peakMemoryBytes()));
        }
        line.add("drivers=" + stats.drivers());
        return line.toString();
    }

    /** The connector's metrics by name: counts as numbers, the other kinds of metric summarized. */
    private static String metrics(Metrics metrics)
    {
        StringJoiner joiner = new StringJoiner(", ");
        for (Map.Entry<String, Metric<?>> entry : new TreeMap<>(metrics.getMetrics()).entrySet()) {
            Metric<?> metric = entry.getValue();
            String value = switch (metric) {
                case Count<?> count -> Long.toString(count.getTotal());
                case Timing<?> timing -> milliseconds(timing.getDuration().toNanos());
                case Distribution<?> distribution -> "count %d, min %s, max %s".formatted(distribution.getTotal(), distribution.getMin(), distribution.getMax());
                default -> metric.toString();
            };
            joiner.add(entry.getKey() + "=" + value);
        }
        return joiner.toString();
    }

    private static String milliseconds(long nanos)
    {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1_000_000.0);
    }
}
