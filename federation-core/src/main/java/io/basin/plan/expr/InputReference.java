package io.basin.plan.expr;

import io.trino.spi.type.Type;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/** A reference to channel {@code field} of the input page. */
public record InputReference(int field, Type type)
        implements Expression
{
    public InputReference
    {
        checkArgument(field >= 0, "field is negative");
        requireNonNull(type, "type is null");
    }

    @Override
    public <R, C> R accept(ExpressionVisitor<R, C> visitor, C context)
    {
        return visitor.visitInputReference(this, context);
    }

    @Override
    public String toString()
    {
        return "$" + field;
    }
}
