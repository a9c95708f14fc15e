package io.basin.sql.planner.physical;

import io.basin.execution.driver.Pipeline;
import io.basin.execution.operator.Sink;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Pipelines in execution order; the last one fills {@code result}. {@code origins} tells which plan node each stage runs. */
public record LocalExecutionPlan(List<Pipeline> pipelines, Sink result, StageOrigins origins)
{
    public LocalExecutionPlan
    {
        pipelines = List.copyOf(requireNonNull(pipelines, "pipelines is null"));
        requireNonNull(result, "result is null");
        requireNonNull(origins, "origins is null");
    }

    public String describe()
    {
        StringBuilder builder = new StringBuilder();
        for (Pipeline pipeline : pipelines) {
            builder.append(pipeline.describe()).append('\n');
        }
        return builder.toString();
    }
}
