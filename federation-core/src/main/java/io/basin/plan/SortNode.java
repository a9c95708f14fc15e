package io.basin.plan;

import io.trino.spi.type.Type;

import java.util.List;
import java.util.OptionalLong;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/** ORDER BY, optionally with LIMIT (a top-N) and OFFSET. */
public record SortNode(PlanNode source, List<Ordering> orderings, OptionalLong limit, long offset)
        implements PlanNode
{
    public SortNode
    {
        requireNonNull(source, "source is null");
        orderings = List.copyOf(requireNonNull(orderings, "orderings is null"));
        checkArgument(!orderings.isEmpty(), "orderings is empty");
        requireNonNull(limit, "limit is null");
        checkArgument(offset >= 0, "offset is negative");
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of(source);
    }

    @Override
    public List<Type> outputTypes()
    {
        return source.outputTypes();
    }
}
