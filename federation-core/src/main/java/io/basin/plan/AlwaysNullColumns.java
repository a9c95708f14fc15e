package io.basin.plan;

import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.InputReference;

/**
 * Whether a plan's output column holds only NULL by construction ({@code VALUES (1, NULL)},
 * {@code SELECT NULL, ...}). Such a column has no type of its own (the planner gives it boolean),
 * so a statement that assigns it to a typed target (INSERT) writes a NULL of the target's type
 * instead of casting, as PostgreSQL resolves an untyped NULL by its target.
 */
public final class AlwaysNullColumns
{
    private AlwaysNullColumns() {}

    public static boolean isAlwaysNull(PlanNode node, int channel)
    {
        return switch (node) {
            case ValuesNode values -> values.rows().stream().allMatch(row -> isNullConstant(row.get(channel)));
            case ProjectNode project -> isAlwaysNull(project.source(), project.projections().get(channel));
            // multi-row VALUES with expressions in it is planned as a union of its rows
            case SetOperationNode setOperation -> setOperation.inputs().stream().allMatch(source -> isAlwaysNull(source, channel));
            default -> false;
        };
    }

    private static boolean isAlwaysNull(PlanNode source, Expression expression)
    {
        return switch (expression) {
            case Constant constant -> constant.isNull();
            case InputReference reference -> isAlwaysNull(source, reference.field());
            default -> false;
        };
    }

    private static boolean isNullConstant(Expression expression)
    {
        return expression instanceof Constant constant && constant.isNull();
    }
}
