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
import java.util.Optional;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_NUMERIC_OVERFLOW;
import static java.util.Objects.requireNonNull;

/**
 * Evaluates a {@link ScanExpression} over the rows of a page. Every node's value is computed exactly
 * and then brought to the node's type the way the engine does: decimals rounded half away from zero
 * to the scale, then checked against the precision; integers checked against the range of their
 * type. A value that does not fit is an error, as in the engine. Rows are computed in unscaled longs
 * when every step fits one (TPC-H's prices and discounts always do), otherwise as BigDecimals.
 */
public final class ScanExpressionEvaluator
{
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final ScanExpression expression;
    // the columns the expression reads: a NULL in any of them makes it NULL (every operation is strict)
    private final int[] channels;

    public ScanExpressionEvaluator(ScanExpression expression)
    {
        this.expression = requireNonNull(expression, "expression is null");
        this.channels = columns(expression).distinct().toArray();
    }

    private static java.util.stream.IntStream columns(ScanExpression expression)
    {
        return switch (expression) {
            case ScanExpression.Column column -> java.util.stream.IntStream.of(column.channel());
            case ScanExpression.Literal _ -> java.util.stream.IntStream.empty();
            case ScanExpression.Cast cast -> columns(cast.argument());
            case ScanExpression.Arithmetic arithmetic -> java.util.stream.IntStream.concat(columns(arithmetic.left()), columns(arithmetic.right()));
        };
    }

    /**
     * A block with as many positions as the page: the expression's value at each of the first
     * {@code count} {@code positions}, NULL at the others (which nothing reads).
     */
    public Block evaluate(Page page, int[] positions, int count)
    {
        Type type = expression.type();
        int positionCount = page.getPositionCount();
        // node by node over all rows in unscaled longs; a row where a step leaves a long is computed again exactly
        boolean[] inexact = new boolean[count];
        long[] computed = evaluateLongs(expression, page, positions, count, inexact);
        boolean[] nulls = new boolean[positionCount];
        java.util.Arrays.fill(nulls, true);
        boolean longDecimal = type instanceof DecimalType decimal && !decimal.isShort();
        long[] values = new long[longDecimal ? positionCount * 2 : positionCount];
        for (int i = 0; i < count; i++) {
            int position = positions[i];
            if (anyNull(page, position)) {
                continue;
            }
            nulls[position] = false;
            if (!inexact[i]) {
                if (longDecimal) {
                    values[position * 2] = computed[i] >> 63;
                    values[position * 2 + 1] = computed[i];
                }
                else {
                    values[position] = computed[i];
                }
                continue;
            }
            // the exact path decides, and reports a value that does not fit its type
            BigInteger exact = evaluate(expression, page, position).unscaledValue();
            if (longDecimal) {
                Int128 wide = Int128.valueOf(exact);
                values[position * 2] = wide.getHigh();
                values[position * 2 + 1] = wide.getLow();
            }
            else {
                values[position] = exact.longValueExact();
            }
        }
        Block block = longDecimal
                ? new io.trino.spi.block.Int128ArrayBlock(positionCount, Optional.of(nulls), values)
                : new io.trino.spi.block.LongArrayBlock(positionCount, Optional.of(nulls), values);
        if (type instanceof IntegerType || type instanceof SmallintType || type instanceof TinyintType) {
            // narrower integers live in their own block kinds
            BlockBuilder builder = type.createBlockBuilder(null, positionCount);
            for (int position = 0; position < positionCount; position++) {
                if (nulls[position]) {
                    builder.appendNull();
                }
                else {
                    type.writeLong(builder, values[position]);
                }
            }
            return builder.build();
        }
        return block;
    }

    /**
     * The expression's value for each of the positions as an unscaled long at its scale; rows where
     * a step leaves a long or the type are marked {@code inexact} (their values are meaningless),
     * as are rows where an operand is NULL (their values are not used).
     */
    private static long[] evaluateLongs(ScanExpression expression, Page page, int[] positions, int count, boolean[] inexact)
    {
        long[] result = new long[count];
        switch (expression) {
            case ScanExpression.Column column -> {
                Block block = page.getBlock(column.channel());
                boolean wide = column.type() instanceof DecimalType decimal && !decimal.isShort();
                for (int i = 0; i < count; i++) {
                    int position = positions[i];
                    if (block.isNull(position)) {
                        continue;
                    }
                    if (wide) {
                        Int128 value = (Int128) column.type().getObject(block, position);
                        if (value.getHigh() != value.getLow() >> 63) {
                            inexact[i] = true;
                        }
                        result[i] = value.getLow();
                    }
                    else {
                        result[i] = column.type().getLong(block, position);
                    }
                }
            }
            case ScanExpression.Literal literal -> {
                long value;
                if (literal.value() instanceof Int128 wide) {
                    if (wide.getHigh() != wide.getLow() >> 63) {
                        java.util.Arrays.fill(inexact, 0, count, true);
                        return result;
                    }
                    value = wide.getLow();
                }
                else {
                    value = (Long) literal.value();
                }
                java.util.Arrays.fill(result, 0, count, value);
            }
            case ScanExpression.Cast cast -> {
                long[] argument = evaluateLongs(cast.argument(), page, positions, count, inexact);
                int from = scale(cast.argument().type());
                int to = scale(cast.type());
                for (int i = 0; i < count; i++) {
                    if (!inexact[i]) {
                        try {
                            result[i] = checkFits(rescale(argument[i], from, to), cast.type());
                        }
                        catch (ArithmeticException e) {
                            inexact[i] = true;
                        }
                    }
                }
            }
            case ScanExpression.Arithmetic arithmetic -> {
                long[] left = evaluateLongs(arithmetic.left(), page, positions, count, inexact);
                long[] right = evaluateLongs(arithmetic.right(), page, positions, count, inexact);
                int leftScale = scale(arithmetic.left().type());
                int rightScale = scale(arithmetic.right().type());
                int resultScale = scale(arithmetic.type());
                boolean multiply = arithmetic.operator() == ScanExpression.Operator.MULTIPLY;
                boolean add = arithmetic.operator() == ScanExpression.Operator.ADD;
                int valueScale = multiply ? leftScale + rightScale : Math.max(leftScale, rightScale);
                for (int i = 0; i < count; i++) {
                    if (inexact[i]) {
                        continue;
                    }
                    try {
                        long value;
                        if (multiply) {
                            value = Math.multiplyExact(left[i], right[i]);
                        }
                        else {
                            long l = rescale(left[i], leftScale, valueScale);
                            long r = rescale(right[i], rightScale, valueScale);
                            value = add ? Math.addExact(l, r) : Math.subtractExact(l, r);
                        }
                        result[i] = checkFits(rescale(value, valueScale, resultScale), arithmetic.type());
                    }
                    catch (ArithmeticException e) {
                        inexact[i] = true;
                    }
                }
            }
        }
        return result;
    }

    private boolean anyNull(Page page, int position)
    {
        for (int channel : channels) {
            if (page.getBlock(channel).isNull(position)) {
                return true;
            }
        }
        return false;
    }

    /** {@code value} from {@code from} decimal places to {@code to}, rounding half away from zero. */
    private static long rescale(long value, int from, int to)
    {
        if (to == from) {
            return value;
        }
        if (Math.abs(to - from) >= POWERS_OF_TEN.length) {
            throw new ArithmeticException("scale difference");
        }
        if (to > from) {
            return Math.multiplyExact(value, POWERS_OF_TEN[to - from]);
        }
        long divisor = POWERS_OF_TEN[from - to];
        long quotient = value / divisor;
        long remainder = Math.abs(value % divisor);
        // remainder < divisor <= 10^18: doubling it stays in range
        return remainder * 2 >= divisor ? quotient + Long.signum(value) : quotient;
    }

    private static long checkFits(long value, Type type)
    {
        boolean fits = switch (type) {
            case DecimalType decimal -> decimal.getPrecision() >= POWERS_OF_TEN.length || Math.abs(value) < POWERS_OF_TEN[decimal.getPrecision()];
            case BigintType _ -> true;
            case IntegerType _ -> value == (int) value;
            case SmallintType _ -> value == (short) value;
            case TinyintType _ -> value == (byte) value;
            default -> false;
        };
        if (!fits) {
            throw new ArithmeticException("out of range");
        }
        return value;
    }

    private static int scale(Type type)
    {
        return type instanceof DecimalType decimal ? decimal.getScale() : 0;
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
