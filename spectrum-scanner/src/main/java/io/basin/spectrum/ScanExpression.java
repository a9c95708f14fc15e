package io.basin.spectrum;

import io.trino.spi.type.BigintType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;

import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A small arithmetic expression the scan workers evaluate per row before aggregating it, so that
 * {@code sum(price * (1 - discount))} is pushed into the scan like {@code sum(price)}. Only exact
 * numbers take part (integers and decimals); every node carries the result type the engine gave
 * it, and {@link ScanExpressionEvaluator} computes it as the engine does: decimals exactly, rounded
 * half away from zero to the result scale, and a value that does not fit the result type is an
 * error (22003), never a wrapped or truncated number.
 */
public sealed interface ScanExpression
{
    Type type();

    /** The scan column at {@code channel}. */
    record Column(int channel, Type type)
            implements ScanExpression
    {
        public Column
        {
            checkArgument(channel >= 0, "channel is negative");
            checkArgument(supportedType(type), "unsupported type %s", type);
        }
    }

    /** A non-null literal in the stack representation of its type: Long, or Int128 for a long decimal. */
    record Literal(Object value, Type type)
            implements ScanExpression
    {
        public Literal
        {
            requireNonNull(value, "value is null");
            checkArgument(supportedType(type), "unsupported type %s", type);
            checkArgument(type.getJavaType() == long.class ? value instanceof Long : value instanceof Int128, "value %s does not match %s", value, type);
        }
    }

    enum Operator
    {
        ADD, SUBTRACT, MULTIPLY
    }

    /**
     * {@code left operator right}: both operands of the result type for integers; for a decimal
     * result, decimal operands of any precision and scale.
     */
    record Arithmetic(Operator operator, ScanExpression left, ScanExpression right, Type type)
            implements ScanExpression
    {
        public Arithmetic
        {
            requireNonNull(operator, "operator is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            checkArgument(supports(left.type(), right.type(), type), "cannot compute %s of %s and %s as %s", operator, left.type(), right.type(), type);
        }

        public static boolean supports(Type left, Type right, Type type)
        {
            return type instanceof DecimalType && left instanceof DecimalType && right instanceof DecimalType
                    || isInteger(type) && left.equals(type) && right.equals(type);
        }
    }

    /** A cast of an integer or decimal to a decimal, or of an integer to a wider integer. */
    record Cast(ScanExpression argument, Type type)
            implements ScanExpression
    {
        public Cast
        {
            requireNonNull(argument, "argument is null");
            checkArgument(supports(argument.type(), type), "cannot cast %s to %s", argument.type(), type);
        }

        public static boolean supports(Type argument, Type type)
        {
            return supportedType(argument) && (type instanceof DecimalType || isInteger(type) && integerWidth(argument) <= integerWidth(type));
        }
    }

    /** The same expression reading each column {@code channel} at {@code mapping.applyAsInt(channel)}. */
    default ScanExpression withChannels(java.util.function.IntUnaryOperator mapping)
    {
        return switch (this) {
            case Column column -> new Column(mapping.applyAsInt(column.channel()), column.type());
            case Literal literal -> literal;
            case Cast cast -> new Cast(cast.argument().withChannels(mapping), cast.type());
            case Arithmetic arithmetic -> new Arithmetic(arithmetic.operator(), arithmetic.left().withChannels(mapping), arithmetic.right().withChannels(mapping), arithmetic.type());
        };
    }

    /** The expression for EXPLAIN, with the names of the scan's columns. */
    default String describe(List<String> columnNames)
    {
        return switch (this) {
            case Column column -> columnNames.get(column.channel());
            case Literal literal -> literal.type() instanceof DecimalType decimal
                    ? new java.math.BigDecimal(literal.value() instanceof Long value ? java.math.BigInteger.valueOf(value) : ((Int128) literal.value()).toBigInteger(), decimal.getScale()).toPlainString()
                    : literal.value().toString();
            case Cast cast -> "CAST(%s AS %s)".formatted(cast.argument().describe(columnNames), cast.type().getDisplayName());
            case Arithmetic arithmetic -> "(%s %s %s)".formatted(arithmetic.left().describe(columnNames), switch (arithmetic.operator()) {
                case ADD -> "+";
                case SUBTRACT -> "-";
                case MULTIPLY -> "*";
            }, arithmetic.right().describe(columnNames));
        };
    }

    /** Whether expressions compute values of this type: integers and decimals. */
    static boolean supportedType(Type type)
    {
        return isInteger(type) || type instanceof DecimalType;
    }

    private static boolean isInteger(Type type)
    {
        return PartialAggregation.isInteger(type);
    }

    private static int integerWidth(Type type)
    {
        return switch (type) {
            case TinyintType _ -> 1;
            case SmallintType _ -> 2;
            case IntegerType _ -> 3;
            case BigintType _ -> 4;
            default -> Integer.MAX_VALUE;
        };
    }
}
