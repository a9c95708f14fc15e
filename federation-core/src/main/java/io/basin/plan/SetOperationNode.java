package io.basin.plan;

import io.trino.spi.type.Type;

import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/** UNION / INTERSECT / EXCEPT over inputs with identical types; {@code all} keeps duplicates. */
public record SetOperationNode(Kind kind, boolean all, List<PlanNode> inputs, List<Type> types)
        implements PlanNode
{
    public enum Kind { UNION, INTERSECT, EXCEPT }

    public SetOperationNode
    {
        requireNonNull(kind, "kind is null");
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        types = List.copyOf(requireNonNull(types, "types is null"));
        checkArgument(inputs.size() >= 2, "set operation needs two inputs");
    }

    @Override
    public List<PlanNode> sources()
    {
        return inputs;
    }

    @Override
    public List<Type> outputTypes()
    {
        return types;
    }
}
