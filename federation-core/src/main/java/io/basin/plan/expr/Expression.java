package io.basin.plan.expr;

import io.trino.spi.type.Type;

/**
 * Basin's own scalar expression tree, translated once from Calcite's {@code RexNode}s. Plan nodes,
 * operators and the scan fleet see only this type, never Calcite. Constants carry values in the
 * Trino "stack" representation of their type (see {@link Constant}).
 */
public sealed interface Expression
        permits InputReference, Constant, Call, SpecialForm
{
    Type type();

    <R, C> R accept(ExpressionVisitor<R, C> visitor, C context);
}
