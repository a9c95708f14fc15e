package io.basin.plan;

import io.trino.spi.type.Type;

import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * {@code WITH RECURSIVE}: the rows of {@code seed}, then the rows of {@code recursive} run round
 * after round, each round reading the rows the previous one added as the work table
 * {@code workTable} (see {@link WorkTableScanNode}), until a round adds none. With {@code all}
 * false (UNION) a row already produced is not produced again, which is what ends most recursions.
 */
public record RecursiveUnionNode(PlanNode seed, PlanNode recursive, String workTable, boolean all, List<Type> types)
        implements PlanNode
{
    public RecursiveUnionNode
    {
        requireNonNull(seed, "seed is null");
        requireNonNull(recursive, "recursive is null");
        requireNonNull(workTable, "workTable is null");
        types = List.copyOf(requireNonNull(types, "types is null"));
        checkArgument(seed.outputTypes().equals(types), "seed types %s do not match %s", seed.outputTypes(), types);
        checkArgument(recursive.outputTypes().equals(types), "recursive term types %s do not match %s", recursive.outputTypes(), types);
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of(seed, recursive);
    }

    @Override
    public List<Type> outputTypes()
    {
        return types;
    }
}
