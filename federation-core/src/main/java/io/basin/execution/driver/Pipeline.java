package io.basin.execution.driver;

import io.basin.execution.operator.OperatorFactory;
import io.basin.execution.operator.Sink;
import io.basin.execution.operator.Source;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** One source, a chain of streaming operators, one sink (DuckDB's pipeline). */
public record Pipeline(int id, Source source, List<OperatorFactory> operators, Sink sink)
{
    public Pipeline
    {
        requireNonNull(source, "source is null");
        operators = List.copyOf(requireNonNull(operators, "operators is null"));
        requireNonNull(sink, "sink is null");
    }

    public String describe()
    {
        StringBuilder builder = new StringBuilder("Pipeline ").append(id).append(": ").append(source.describe());
        for (OperatorFactory operator : operators) {
            builder.append(" -> ").append(operator.describe());
        }
        return builder.append(" -> ").append(sink.describe()).toString();
    }
}
