package io.basin.plan;

import io.basin.plan.expr.Expression;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.Type;

import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

public record FilterNode(PlanNode source, Expression predicate)
        implements PlanNode
{
    public FilterNode
    {
        requireNonNull(source, "source is null");
        requireNonNull(predicate, "predicate is null");
        checkArgument(predicate.type() instanceof BooleanType, "predicate must be boolean");
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
