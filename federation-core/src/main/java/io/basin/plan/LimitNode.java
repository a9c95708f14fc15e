package io.basin.plan;

import io.trino.spi.type.Type;

import java.util.List;
import java.util.OptionalLong;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/** LIMIT / OFFSET without ORDER BY. */
public record LimitNode(PlanNode source, OptionalLong limit, long offset)
        implements PlanNode
{
    public LimitNode
    {
        requireNonNull(source, "source is null");
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
