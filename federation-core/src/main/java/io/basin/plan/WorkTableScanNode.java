package io.basin.plan;

import io.trino.spi.type.Type;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Inside the recursive term of a {@link RecursiveUnionNode}: the rows the previous round added. */
public record WorkTableScanNode(String workTable, List<Type> types)
        implements PlanNode
{
    public WorkTableScanNode
    {
        requireNonNull(workTable, "workTable is null");
        types = List.copyOf(requireNonNull(types, "types is null"));
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of();
    }

    @Override
    public List<Type> outputTypes()
    {
        return types;
    }
}
