package io.basin.plan.expr;

public interface ExpressionVisitor<R, C>
{
    R visitInputReference(InputReference reference, C context);

    R visitConstant(Constant constant, C context);

    R visitCall(Call call, C context);

    R visitSpecialForm(SpecialForm specialForm, C context);
}
