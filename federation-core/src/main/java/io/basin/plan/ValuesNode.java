package io.basin.plan;

import io.basin.plan.expr.Expression;
import io.trino.spi.type.Type;

import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/** Literal rows; each row has one constant expression per type. */
public record ValuesNode(List<Type> types, List<List<Expression>> rows)
        implements PlanNode
{
    public ValuesNode
    {
        types = List.copyOf(requireNonNull(types, "types is null"));
        rows = requireNonNull(rows, "rows is null").stream().map(List::copyOf).toList();
        for (List<Expression> row : rows) {
            checkArgument(row.size() == types.size(), "row width does not match types");
        }
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
