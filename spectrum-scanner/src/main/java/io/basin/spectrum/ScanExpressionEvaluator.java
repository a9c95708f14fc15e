package io.basin.spectrum;

import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_NUMERIC_OVERFLOW;
import static java.util.Objects.requireNonNull;

/**
 * Evaluates a {@link ScanExpression} over the rows of a page. Every node's value is computed exactly
 * (as a BigDecimal) and then brought to the node's type the way the engine does: decimals rounded
 * half away from zero to the scale, then checked against the precision; integers checked against
 * the range of their type. A value that does not fit is an error, as in the engine.
 */
public final class ScanExpressionEvaluator
{
    private final ScanExpression expression;

    public ScanExpressionEvaluator(ScanExpression expression)
    {
        this.expression = requireNonNull(expression, "expression is null");
    }

    /**
     * A block with as many positions as the page: the expression's value at each of the first
     * {@code count} {@code positions}, NULL at the others (which nothing reads).
     */
    public Block evaluate(Page page, int[] positions, int count)
    {
        Type type = expression.type();
        int positionCount = page.getPositionCount();
        BigDecimal[] values = new BigDecimal[positionCount];
        for (int i = 0; i < count; i++) {
            values[positions[i]] = evaluate(expression, page, positions[i]);
        }
        BlockBuilder builder = type.createBlockBuilder(null, positionCount);
        for (BigDecimal value : values) {
            write(type, builder, value);
        }
        return builder.build();
    }

    /** The value of the expression in the row at {@code position}, or null. */
    public BigDecimal evaluate(Page page, int position)
    {
        return evaluate(expression, page, position);
    }

    private static BigDecimal evaluate(ScanExpression expression, Page page, int position)
    {
        return switch (expression) {
            case ScanExpression.Column column -> {
                Block block = page.getBlock(column.channel());
                yield block.isNull(position) ? null : read(column.type(), block, position);
            }
            case ScanExpression.Literal literal -> toBigDecimal(literal.value(), literal.type());
            case ScanExpression.Cast cast -> {
                BigDecimal argument = evaluate(cast.argument(), page, position);
                yield argument == null ? null : fit(argument, cast.type());
            }
            case ScanExpression.Arithmetic arithmetic -> {
                BigDecimal left = evaluate(arithmetic.left(), page, position);
                if (left == null) {
                    yield null;
                }
                BigDecimal right = evaluate(arithmetic.right(), page, position);
                if (right == null) {
                    yield null;
                }
                BigDecimal exact = switch (arithmetic.operator()) {
                    case ADD -> left.add(right);
                    case SUBTRACT -> left.subtract(right);
                    case MULTIPLY -> left.multiply(right);
                };
                yield fit(exact, arithmetic.type());
            }
        };
    }

    /** {@code value} as a value of {@code type}: rounded to a decimal's scale, or an error when out of range. */
    static BigDecimal fit(BigDecimal value, Type type)
    {
        if (type instanceof DecimalType decimal) {
            BigDecimal rounded = value.setScale(decimal.getScale(), RoundingMode.HALF_UP);
            if (rounded.unscaledValue().abs().compareTo(BigInteger.TEN.pow(decimal.getPrecision())) >= 0) {
                throw new TrinoException(LAKE_NUMERIC_OVERFLOW, "numeric field overflow: %s does not fit %s".formatted(value.toPlainString(), type.getDisplayName()));
            }
            return rounded;
        }
        // integer results come from integers only (see ScanExpression): no fraction to round
        long min;
        long max;
        switch (type) {
            case BigintType _ -> {
                min = Long.MIN_VALUE;
                max = Long.MAX_VALUE;
            }
            case IntegerType _ -> {
                min = Integer.MIN_VALUE;
                max = Integer.MAX_VALUE;
            }
            case SmallintType _ -> {
                min = Short.MIN_VALUE;
                max = Short.MAX_VALUE;
            }
            case TinyintType _ -> {
                min = Byte.MIN_VALUE;
                max = Byte.MAX_VALUE;
            }
            default -> throw new IllegalArgumentException("Unsupported expression type " + type);
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new TrinoException(LAKE_NUMERIC_OVERFLOW, type.getDisplayName() + " out of range");
        }
        return value;
    }

    private static BigDecimal read(Type type, Block block, int position)
    {
        if (type instanceof DecimalType decimal && !decimal.isShort()) {
            return new BigDecimal(((Int128) type.getObject(block, position)).toBigInteger(), decimal.getScale());
        }
        return BigDecimal.valueOf(type.getLong(block, position), type instanceof DecimalType decimal ? decimal.getScale() : 0);
    }

    private static BigDecimal toBigDecimal(Object value, Type type)
    {
        int scale = type instanceof DecimalType decimal ? decimal.getScale() : 0;
        return value instanceof Int128 int128 ? new BigDecimal(int128.toBigInteger(), scale) : BigDecimal.valueOf((Long) value, scale);
    }

    private static void write(Type type, BlockBuilder builder, BigDecimal value)
    {
        if (value == null) {
            builder.appendNull();
        }
        else if (type instanceof DecimalType decimal && !decimal.isShort()) {
            type.writeObject(builder, Int128.valueOf(value.unscaledValue()));
        }
        else {
            type.writeLong(builder, value.unscaledValue().longValueExact());
        }
    }
}
