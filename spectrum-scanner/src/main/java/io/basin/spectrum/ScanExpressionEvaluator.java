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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

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
    private final Steps steps;
    // whether this evaluator alone uses its steps, so that each call is a new page for them
    private final boolean ownSteps;
    private final Step root;

    public ScanExpressionEvaluator(ScanExpression expression)
    {
        this(expression, new Steps(null), true);
    }

    /** An evaluator whose steps are shared with others over the same pages: see {@link Steps}. */
    ScanExpressionEvaluator(ScanExpression expression, Steps steps)
    {
        this(expression, steps, false);
    }

    private ScanExpressionEvaluator(ScanExpression expression, Steps steps, boolean ownSteps)
    {
        this.expression = requireNonNull(expression, "expression is null");
        this.steps = requireNonNull(steps, "steps is null");
        this.ownSteps = ownSteps;
        this.root = steps.step(expression);
    }

    /**
     * The steps of several evaluators over the same pages (the aggregates of one partial
     * aggregation): a subexpression they have in common (q1's {@code price * (1 - discount)}, inside
     * {@code price * (1 - discount) * (1 + tax)}) is computed once per page, and columns may come
     * from vectors their user has already read. {@link #nextPage()} before evaluating a new page.
     */
    static final class Steps
    {
        private final Map<ScanExpression, Step> steps = new HashMap<>();
        private final IntFunction<LongVector> columns;
        private long page;

        /** @param columns the vector of a column of the current page, or null for the steps to read columns themselves */
        Steps(IntFunction<LongVector> columns)
        {
            this.columns = columns;
        }

        void nextPage()
        {
            page++;
        }

        private Step step(ScanExpression expression)
        {
            Step step = steps.get(expression);
            if (step == null) {
                step = switch (expression) {
                    case ScanExpression.Column column -> new ColumnStep(column, columns);
                    case ScanExpression.Literal literal -> new LiteralStep(literal);
                    case ScanExpression.Cast cast -> new RescaleStep(step(cast.argument()), scale(cast.argument().type()), cast.type());
                    case ScanExpression.Arithmetic arithmetic -> new ArithmeticStep(arithmetic, step(arithmetic.left()), step(arithmetic.right()));
                };
                steps.put(expression, step);
            }
            return step;
        }
    }

    /**
     * A block with as many positions as the page: the expression's value at each of the first
     * {@code count} {@code positions}, NULL at the others (which nothing reads).
     */
    public Block evaluate(Page page, int[] positions, int count)
    {
        LongVector vector = evaluateVector(page, positions, count);
        Type type = expression.type();
        int positionCount = page.getPositionCount();
        boolean[] nulls = new boolean[positionCount];
        Arrays.fill(nulls, true);
        boolean longDecimal = type instanceof DecimalType decimal && !decimal.isShort();
        long[] values = new long[longDecimal ? positionCount * 2 : positionCount];
        for (int i = 0; i < count; i++) {
            int position = positions[i];
            if (vector.nulls[i]) {
                continue;
            }
            nulls[position] = false;
            if (longDecimal) {
                values[position * 2] = vector.wide ? vector.highs[i] : vector.values[i] >> 63;
                values[position * 2 + 1] = vector.values[i];
            }
            else {
                values[position] = vector.values[i];
            }
        }
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
        return longDecimal
                ? new io.trino.spi.block.Int128ArrayBlock(positionCount, Optional.of(nulls), values)
                : new io.trino.spi.block.LongArrayBlock(positionCount, Optional.of(nulls), values);
    }

    /**
     * The expression's values at the first {@code count} {@code positions}, row {@code i} for
     * {@code positions[i]}: node by node over all rows in unscaled longs; a row where a step leaves
     * a long (or its type) is computed again exactly, which decides its value or reports that it
     * does not fit its type. The vector is reused by the next call.
     */
    LongVector evaluateVector(Page page, int[] positions, int count)
    {
        if (ownSteps) {
            steps.nextPage();
        }
        root.evaluate(steps.page, page, positions, count);
        LongVector vector = root.out;
        if (!root.anyInexact) {
            return vector;
        }
        boolean longDecimal = expression.type() instanceof DecimalType decimal && !decimal.isShort();
        if (longDecimal && !vector.wide) {
            for (int i = 0; i < count; i++) {
                vector.highs[i] = vector.values[i] >> 63;
            }
            vector.wide = true;
        }
        boolean[] inexact = root.inexact;
        for (int i = 0; i < count; i++) {
            if (!inexact[i] || vector.nulls[i]) {
                continue;
            }
            BigInteger exact = evaluate(expression, page, positions[i]).unscaledValue();
            if (longDecimal) {
                Int128 wide = Int128.valueOf(exact);
                vector.highs[i] = wide.getHigh();
                vector.values[i] = wide.getLow();
            }
            else {
                vector.values[i] = exact.longValueExact();
            }
        }
        return vector;
    }

    /**
     * One node of the expression over a page's rows: its values as unscaled longs at its scale in
     * {@code out} (nulls where an operand is null), and the rows where some step left a long or
     * the node's type marked {@code inexact} (their values are meaningless).
     */
    private abstract static class Step
    {
        LongVector out = new LongVector();
        boolean[] inexact = new boolean[0];
        boolean anyInexact;
        // the page last computed (see Steps)
        private long page = -1;

        /** Computes the step for the page numbered {@code pageNumber}, unless it is already computed. */
        final void evaluate(long pageNumber, Page page, int[] positions, int count)
        {
            if (this.page != pageNumber) {
                run(pageNumber, page, positions, count);
                this.page = pageNumber;
            }
        }

        abstract void run(long pageNumber, Page page, int[] positions, int count);

        final void resetInexact(int count)
        {
            if (inexact.length < count) {
                inexact = new boolean[Math.max(count, inexact.length * 2)];
            }
            else {
                Arrays.fill(inexact, 0, count, false);
            }
            anyInexact = false;
        }

        /** out and inexact for {@code count} rows: nulls and inexact rows of {@code operands} carried over. */
        final void start(int count, Step... operands)
        {
            out.reset(count);
            resetInexact(count);
            for (Step operand : operands) {
                if (operand.out.mayHaveNull) {
                    boolean[] operandNulls = operand.out.nulls;
                    boolean[] nulls = out.nulls;
                    for (int i = 0; i < count; i++) {
                        nulls[i] |= operandNulls[i];
                    }
                    out.mayHaveNull = true;
                }
                if (operand.anyInexact) {
                    boolean[] operandInexact = operand.inexact;
                    for (int i = 0; i < count; i++) {
                        inexact[i] |= operandInexact[i];
                    }
                    anyInexact = true;
                }
            }
        }
    }

    private static final class ColumnStep
            extends Step
    {
        private final int channel;
        private final Type type;
        private final IntFunction<LongVector> columns;

        ColumnStep(ScanExpression.Column column, IntFunction<LongVector> columns)
        {
            this.channel = column.channel();
            this.type = column.type();
            this.columns = columns;
        }

        @Override
        void run(long pageNumber, Page page, int[] positions, int count)
        {
            if (columns != null) {
                out = columns.apply(channel);
            }
            else {
                out.load(page.getBlock(channel), type, positions, count);
            }
            resetInexact(count);
            if (out.wide) {
                // a long decimal beyond a long is computed exactly
                for (int i = 0; i < count; i++) {
                    inexact[i] = out.isWide(i);
                }
                anyInexact = true;
            }
        }
    }

    private static final class LiteralStep
            extends Step
    {
        private final long value;
        private final boolean wide;

        private LiteralStep(long value)
        {
            this.value = value;
            this.wide = false;
        }

        /** The literal at the scale {@code rescale} brings it to, or null when that leaves a long. */
        LiteralStep rescaled(Rescale rescale)
        {
            if (wide || rescale.impossible() || rescale.divisor != 1) {
                return null;
            }
            long[] values = {value};
            boolean[] inexact = new boolean[1];
            return rescale.apply(values, inexact, 1) ? null : new LiteralStep(values[0]);
        }

        LiteralStep(ScanExpression.Literal literal)
        {
            if (literal.value() instanceof Int128 int128) {
                this.wide = int128.getHigh() != int128.getLow() >> 63;
                this.value = int128.getLow();
            }
            else {
                this.wide = false;
                this.value = (Long) literal.value();
            }
        }

        @Override
        void run(long pageNumber, Page page, int[] positions, int count)
        {
            start(count);
            Arrays.fill(out.values, 0, count, value);
            if (wide) {
                Arrays.fill(inexact, 0, count, true);
                anyInexact = true;
            }
        }
    }

    /** The range of the values of an integer or decimal type that fit a long. */
    private record Bounds(long min, long max)
    {
        static Bounds of(Type type)
        {
            return switch (type) {
                case DecimalType decimal when decimal.getPrecision() < POWERS_OF_TEN.length ->
                        new Bounds(-POWERS_OF_TEN[decimal.getPrecision()] + 1, POWERS_OF_TEN[decimal.getPrecision()] - 1);
                case IntegerType _ -> new Bounds(Integer.MIN_VALUE, Integer.MAX_VALUE);
                case SmallintType _ -> new Bounds(Short.MIN_VALUE, Short.MAX_VALUE);
                case TinyintType _ -> new Bounds(Byte.MIN_VALUE, Byte.MAX_VALUE);
                default -> new Bounds(Long.MIN_VALUE, Long.MAX_VALUE);
            };
        }
    }

    /**
     * A change of scale: multiplying by a power of ten, or dividing with rounding half away from
     * zero, then the check against the type's range. Casts are this; so is the last step of an
     * arithmetic node, from the scale of its exact value to the scale of its type.
     */
    private static final class Rescale
    {
        static final Rescale NONE = new Rescale(0, 0, BigintType.BIGINT);

        // 1 for no change; 0 when the scales are too far apart for a long (every row exact then)
        private final long multiplier;
        private final long divisor;
        private final Bounds bounds;

        Rescale(int from, int to, Type type)
        {
            int difference = Math.abs(to - from);
            long factor = difference < POWERS_OF_TEN.length ? POWERS_OF_TEN[difference] : 0;
            this.multiplier = to >= from ? factor : 1;
            this.divisor = to < from ? factor : 1;
            this.bounds = Bounds.of(type);
        }

        boolean impossible()
        {
            return multiplier == 0 || divisor == 0;
        }

        /** Rescales {@code values} in place, marking the rows that leave the type's range; whether any does. */
        boolean apply(long[] values, boolean[] inexact, int count)
        {
            if (multiplier == 1 && divisor == 1 && bounds.min() == Long.MIN_VALUE && bounds.max() == Long.MAX_VALUE) {
                return false;
            }
            long min = bounds.min();
            long max = bounds.max();
            boolean any = false;
            if (divisor != 1) {
                long divisor = this.divisor;
                for (int i = 0; i < count; i++) {
                    long value = values[i];
                    long quotient = value / divisor;
                    long remainder = Math.abs(value - quotient * divisor);
                    // remainder < divisor <= 10^18: doubling it stays in range
                    long result = remainder * 2 >= divisor ? quotient + Long.signum(value) : quotient;
                    values[i] = result;
                    boolean out = result < min || result > max;
                    inexact[i] |= out;
                    any |= out;
                }
                return any;
            }
            long multiplier = this.multiplier;
            for (int i = 0; i < count; i++) {
                long value = values[i];
                long result = value * multiplier;
                boolean out = Math.multiplyHigh(value, multiplier) != result >> 63 || result < min || result > max;
                values[i] = result;
                inexact[i] |= out;
                any |= out;
            }
            return any;
        }
    }

    private static final class RescaleStep
            extends Step
    {
        private final Step argument;
        private final Rescale rescale;

        RescaleStep(Step argument, int fromScale, Type type)
        {
            this.argument = argument;
            this.rescale = new Rescale(fromScale, scale(type), type);
        }

        @Override
        void run(long pageNumber, Page page, int[] positions, int count)
        {
            argument.evaluate(pageNumber, page, positions, count);
            start(count, argument);
            if (rescale.impossible()) {
                Arrays.fill(inexact, 0, count, true);
                anyInexact = true;
                return;
            }
            System.arraycopy(argument.out.values, 0, out.values, 0, count);
            anyInexact |= rescale.apply(out.values, inexact, count);
        }
    }

    private static final class ArithmeticStep
            extends Step
    {
        private final ScanExpression.Operator operator;
        private final Step left;
        private final Step right;
        // operands of + and - brought to the larger scale
        private final Rescale leftRescale;
        private final Rescale rightRescale;
        // the exact value to the result's scale and range
        private final Rescale resultRescale;

        ArithmeticStep(ScanExpression.Arithmetic arithmetic, Step left, Step right)
        {
            this.operator = arithmetic.operator();
            int leftScale = scale(arithmetic.left().type());
            int rightScale = scale(arithmetic.right().type());
            int valueScale = operator == ScanExpression.Operator.MULTIPLY ? leftScale + rightScale : Math.max(leftScale, rightScale);
            Rescale leftRescale = new Rescale(leftScale, valueScale, BigintType.BIGINT);
            Rescale rightRescale = new Rescale(rightScale, valueScale, BigintType.BIGINT);
            // a literal operand (q1's 1 in 1 - discount) is brought to the common scale once, not per row
            boolean multiply = operator == ScanExpression.Operator.MULTIPLY;
            if (!multiply && left instanceof LiteralStep literal && literal.rescaled(leftRescale) != null) {
                left = literal.rescaled(leftRescale);
                leftRescale = Rescale.NONE;
            }
            if (!multiply && right instanceof LiteralStep literal && literal.rescaled(rightRescale) != null) {
                right = literal.rescaled(rightRescale);
                rightRescale = Rescale.NONE;
            }
            this.left = left;
            this.right = right;
            this.leftRescale = leftRescale;
            this.rightRescale = rightRescale;
            this.resultRescale = new Rescale(valueScale, scale(arithmetic.type()), arithmetic.type());
        }

        @Override
        void run(long pageNumber, Page page, int[] positions, int count)
        {
            left.evaluate(pageNumber, page, positions, count);
            right.evaluate(pageNumber, page, positions, count);
            start(count, left, right);
            if (leftRescale.impossible() || rightRescale.impossible() || resultRescale.impossible()) {
                Arrays.fill(inexact, 0, count, true);
                anyInexact = true;
                return;
            }
            long[] values = out.values;
            long[] leftValues = left.out.values;
            long[] rightValues = right.out.values;
            boolean[] inexact = this.inexact;
            boolean any = false;
            if (operator == ScanExpression.Operator.MULTIPLY) {
                for (int i = 0; i < count; i++) {
                    long l = leftValues[i];
                    long r = rightValues[i];
                    long product = l * r;
                    boolean out = Math.multiplyHigh(l, r) != product >> 63;
                    values[i] = product;
                    inexact[i] |= out;
                    any |= out;
                }
            }
            else {
                // the operands at the common scale go through the result's array, then the sum lands there
                System.arraycopy(leftValues, 0, values, 0, count);
                any |= leftRescale.apply(values, inexact, count);
                long[] rightScaled = rightValues;
                if (rightRescale.multiplier != 1) {
                    rightScaled = scratch(count);
                    System.arraycopy(rightValues, 0, rightScaled, 0, count);
                    any |= rightRescale.apply(rightScaled, inexact, count);
                }
                if (operator == ScanExpression.Operator.ADD) {
                    for (int i = 0; i < count; i++) {
                        long l = values[i];
                        long r = rightScaled[i];
                        long sum = l + r;
                        boolean out = ((l ^ sum) & (r ^ sum)) < 0;
                        values[i] = sum;
                        inexact[i] |= out;
                        any |= out;
                    }
                }
                else {
                    for (int i = 0; i < count; i++) {
                        long l = values[i];
                        long r = rightScaled[i];
                        long difference = l - r;
                        boolean out = ((l ^ r) & (l ^ difference)) < 0;
                        values[i] = difference;
                        inexact[i] |= out;
                        any |= out;
                    }
                }
            }
            any |= resultRescale.apply(values, inexact, count);
            anyInexact |= any;
        }

        private long[] scratch = new long[0];

        private long[] scratch(int count)
        {
            if (scratch.length < count) {
                scratch = new long[Math.max(count, scratch.length * 2)];
            }
            return scratch;
        }
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
