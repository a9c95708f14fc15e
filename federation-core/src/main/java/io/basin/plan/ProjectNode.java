package io.basin.plan;

import io.basin.plan.expr.Expression;
import io.trino.spi.type.Type;

import java.util.List;

import static java.util.Objects.requireNonNull;

public record ProjectNode(PlanNode source, List<Expression> projections)
        implements PlanNode
{
    public ProjectNode
    {
        requireNonNull(source, "source is null");
        projections = List.copyOf(requireNonNull(projections, "projections is null"));
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of(source);
    }

    @Override
    public List<Type> outputTypes()
    {
        return projections.stream().map(Expression::type).toList();
    }
}
