package io.basin.plan;

import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Window functions sharing one PARTITION BY / ORDER BY; appends one column per function. */
public record WindowNode(PlanNode source, List<Integer> partitionChannels, List<Ordering> orderings, List<WindowFunction> functions)
        implements PlanNode
{
    public enum FrameType { ROWS, RANGE }

    public enum BoundType { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    public record FrameBound(BoundType type, long offset)
    {
        public FrameBound
        {
            requireNonNull(type, "type is null");
        }
    }

    public record Frame(FrameType type, FrameBound start, FrameBound end)
    {
        public Frame
        {
            requireNonNull(type, "type is null");
            requireNonNull(start, "start is null");
            requireNonNull(end, "end is null");
        }
    }

    /**
     * {@code name}: row_number, rank, dense_rank, percent_rank, cume_dist, ntile, lag, lead,
     * first_value, last_value, nth_value, count, sum, avg, min, max. Constant arguments (offsets,
     * defaults, n) are carried in {@code constantArguments} as Java stack values.
     */
    public record WindowFunction(String name, List<Integer> arguments, List<Object> constantArguments, Type type, Frame frame)
    {
        public WindowFunction
        {
            requireNonNull(name, "name is null");
            arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
            constantArguments = java.util.Collections.unmodifiableList(new ArrayList<>(requireNonNull(constantArguments, "constantArguments is null")));
            requireNonNull(type, "type is null");
            requireNonNull(frame, "frame is null");
        }
    }

    public WindowNode
    {
        requireNonNull(source, "source is null");
        partitionChannels = List.copyOf(requireNonNull(partitionChannels, "partitionChannels is null"));
        orderings = List.copyOf(requireNonNull(orderings, "orderings is null"));
        functions = List.copyOf(requireNonNull(functions, "functions is null"));
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of(source);
    }

    @Override
    public List<Type> outputTypes()
    {
        List<Type> types = new ArrayList<>(source.outputTypes());
        functions.forEach(function -> types.add(function.type()));
        return types;
    }
}
