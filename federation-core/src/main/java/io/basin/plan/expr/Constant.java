package io.basin.plan.expr;

import io.airlift.slice.Slice;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * A literal. {@code value} is null for SQL NULL, otherwise the Trino stack representation of
 * {@code type}: {@code Boolean}; {@code Long} for tinyint/smallint/integer/bigint, date (days since
 * epoch), timestamp(p &le; 6) (micros since epoch), short decimal (unscaled), real (float bits, as in
 * Trino) and Basin intervals; {@code Double}; {@code Slice} for varchar/char/varbinary;
 * {@code io.trino.spi.type.Int128} for long decimals.
 */
public record Constant(Object value, Type type)
        implements Expression
{
    public Constant
    {
        requireNonNull(type, "type is null");
        if (value != null && !type.getJavaType().isInstance(value) && !(type.getJavaType() == long.class && value instanceof Long)
                && !(type.getJavaType() == double.class && value instanceof Double)
                && !(type.getJavaType() == boolean.class && value instanceof Boolean)) {
            throw new IllegalArgumentException("value " + value.getClass().getSimpleName() + " does not match type " + type);
        }
    }

    public boolean isNull()
    {
        return value == null;
    }

    @Override
    public <R, C> R accept(ExpressionVisitor<R, C> visitor, C context)
    {
        return visitor.visitConstant(this, context);
    }

    @Override
    public String toString()
    {
        if (value == null) {
            return "null:" + type;
        }
        if (value instanceof Slice slice) {
            return "'" + slice.toStringUtf8().replace("'", "''") + "':" + type;
        }
        return value + ":" + type;
    }
}
