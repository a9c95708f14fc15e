package io.basin.spectrum;

import io.airlift.slice.Slice;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.VariableWidthBlock;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Decimals;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Int128Math;
import io.trino.spi.type.RealType;
import io.trino.spi.type.Type;

import java.util.Arrays;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_NUMERIC_OVERFLOW;
import static io.trino.spi.type.TypeUtils.readNativeValue;
import static io.trino.spi.type.TypeUtils.writeNativeValue;

/**
 * The partial result of one aggregate of a {@link PartialAggregator}, per group: added to page by
 * page from the vectors of {@link AggregationInputs}, in primitive arrays indexed by group.
 */
sealed interface AggregateState
{
    void add(AggregationInputs inputs, int[] groups, int count, int groupCount);

    void write(int group, BlockBuilder output);

    /** The state of {@code aggregate} of a column or expression of type {@code input} (null for count(*)). */
    static AggregateState of(PartialAggregation.Aggregate aggregate, Type input)
    {
        int channel = aggregate.argument().orElse(-1);
        if (channel >= 0 && !PartialAggregation.supports(aggregate.function(), input, aggregate.outputType())) {
            throw new IllegalArgumentException("The scan workers cannot compute %s of %s as %s".formatted(aggregate.function(), input, aggregate.outputType()));
        }
        return switch (aggregate.function()) {
            case COUNT_ALL -> new Count(-1, false);
            case COUNT -> new Count(channel, vectorized(input));
            case SUM -> switch (input) {
                case DoubleType _, RealType _ -> new DoubleSum(channel, input);
                case Type _ when aggregate.outputType() instanceof BigintType -> new LongSum(channel);
                default -> new DecimalSum(channel, (DecimalType) aggregate.outputType());
            };
            case MIN -> RowFilter.orderedAsLong(input) ? new LongExtreme(channel, input, false) : new Extreme(channel, input, false);
            case MAX -> RowFilter.orderedAsLong(input) ? new LongExtreme(channel, input, true) : new Extreme(channel, input, true);
        };
    }

    /** Whether values of the type read into a {@link LongVector}: those held in a long, and long decimals. */
    private static boolean vectorized(Type type)
    {
        return type.getJavaType() == long.class || type instanceof DecimalType;
    }

    final class Count
            implements AggregateState
    {
        private final int channel;
        // whether the column's nulls are read from its vector (shared with other aggregates of it)
        private final boolean vectorized;
        private long[] counts = new long[16];

        Count(int channel, boolean vectorized)
        {
            this.channel = channel;
            this.vectorized = vectorized;
        }

        @Override
        public void add(AggregationInputs inputs, int[] groups, int count, int groupCount)
        {
            if (groupCount > counts.length) {
                counts = Arrays.copyOf(counts, Math.max(groupCount, counts.length * 2));
            }
            long[] counts = this.counts;
            boolean[] nulls = null;
            if (channel >= 0) {
                if (vectorized || inputs.isExpression(channel)) {
                    LongVector vector = inputs.vector(channel);
                    nulls = vector.mayHaveNull ? vector.nulls : null;
                }
                else {
                    Block block = inputs.page.getBlock(channel);
                    if (block.mayHaveNull()) {
                        int[] positions = inputs.positions;
                        for (int i = 0; i < count; i++) {
                            if (!block.isNull(positions[i])) {
                                counts[groups[i]]++;
                            }
                        }
                        return;
                    }
                }
            }
            if (nulls == null) {
                long[] groupRows = inputs.groupRows();
                if (groupRows != null) {
                    for (int group = 0; group < groupCount; group++) {
                        counts[group] += groupRows[group];
                    }
                    return;
                }
                for (int i = 0; i < count; i++) {
                    counts[groups[i]]++;
                }
                return;
            }
            for (int i = 0; i < count; i++) {
                if (!nulls[i]) {
                    counts[groups[i]]++;
                }
            }
        }

        @Override
        public void write(int group, BlockBuilder output)
        {
            BigintType.BIGINT.writeLong(output, counts[group]);
        }
    }

    final class LongSum
            implements AggregateState
    {
        private final int channel;
        private long[] sums = new long[16];
        private boolean[] seen = new boolean[16];

        LongSum(int channel)
        {
            this.channel = channel;
        }

        @Override
        public void add(AggregationInputs inputs, int[] groups, int count, int groupCount)
        {
            if (groupCount > sums.length) {
                int size = Math.max(groupCount, sums.length * 2);
                sums = Arrays.copyOf(sums, size);
                seen = Arrays.copyOf(seen, size);
            }
            LongVector vector = inputs.vector(channel);
            long[] values = vector.values;
            boolean[] nulls = vector.nulls;
            boolean mayHaveNull = vector.mayHaveNull;
            long[] sums = this.sums;
            boolean[] seen = this.seen;
            boolean overflow = false;
            if (groupCount == 1) {
                // one group (no GROUP BY): the sum stays in a register, not stored and reloaded per row
                long sum = sums[0];
                boolean any = false;
                for (int i = 0; i < count; i++) {
                    if (mayHaveNull && nulls[i]) {
                        continue;
                    }
                    long value = values[i];
                    long result = sum + value;
                    overflow |= ((sum ^ result) & (value ^ result)) < 0;
                    sum = result;
                    any = true;
                }
                sums[0] = sum;
                seen[0] |= any;
            }
            else {
                for (int i = 0; i < count; i++) {
                    if (mayHaveNull && nulls[i]) {
                        continue;
                    }
                    int group = groups[i];
                    long sum = sums[group];
                    long value = values[i];
                    long result = sum + value;
                    overflow |= ((sum ^ result) & (value ^ result)) < 0;
                    sums[group] = result;
                    seen[group] = true;
                }
            }
            if (overflow) {
                throw new TrinoException(LAKE_NUMERIC_OVERFLOW, "bigint out of range");
            }
        }

        @Override
        public void write(int group, BlockBuilder output)
        {
            if (seen[group]) {
                BigintType.BIGINT.writeLong(output, sums[group]);
            }
            else {
                output.appendNull();
            }
        }
    }

    /**
     * Sums of integers and decimals, exact to 38 digits as the engine's: values add up in a long
     * per group until that would overflow; then (and for long decimals beyond a long) the long is
     * carried into a 128-bit sum per group, whose own wraps past 2^127 are counted, so a sum that
     * passes out of range and back is still exact. Only the final sum is checked against 38 digits.
     */
    final class DecimalSum
            implements AggregateState
    {
        private final int channel;
        private final DecimalType output;
        private long[] pending = new long[16];
        // per group: the 128-bit sum's high and low words at 2 * group, and how often it wrapped
        private long[] wideSums = new long[32];
        private long[] wraps = new long[16];
        private boolean[] seen = new boolean[16];

        DecimalSum(int channel, DecimalType output)
        {
            this.channel = channel;
            this.output = output;
        }

        @Override
        public void add(AggregationInputs inputs, int[] groups, int count, int groupCount)
        {
            if (groupCount > pending.length) {
                int size = Math.max(groupCount, pending.length * 2);
                pending = Arrays.copyOf(pending, size);
                wideSums = Arrays.copyOf(wideSums, size * 2);
                wraps = Arrays.copyOf(wraps, size);
                seen = Arrays.copyOf(seen, size);
            }
            LongVector vector = inputs.vector(channel);
            long[] values = vector.values;
            long[] highs = vector.highs;
            boolean wide = vector.wide;
            boolean[] nulls = vector.nulls;
            boolean mayHaveNull = vector.mayHaveNull;
            long[] pending = this.pending;
            boolean[] seen = this.seen;
            // without nulls every row's group is seen: marked per group, not per row
            long[] groupRows = mayHaveNull ? null : inputs.groupRows();
            if (groupRows != null) {
                for (int group = 0; group < groupCount; group++) {
                    seen[group] |= groupRows[group] > 0;
                }
            }
            boolean markSeen = groupRows == null;
            if (groupCount == 1 && !wide) {
                addToOneGroup(values, nulls, mayHaveNull, count);
                return;
            }
            for (int i = 0; i < count; i++) {
                if (mayHaveNull && nulls[i]) {
                    continue;
                }
                int group = groups[i];
                if (markSeen) {
                    seen[group] = true;
                }
                long value = values[i];
                if (wide && highs[i] != value >> 63) {
                    addWide(group, highs[i], value);
                    continue;
                }
                long sum = pending[group];
                long result = sum + value;
                if (((sum ^ result) & (value ^ result)) < 0) {
                    addWide(group, sum >> 63, sum);
                    result = value;
                }
                pending[group] = result;
            }
        }

        /** The rows of one group (no GROUP BY), none beyond a long: the pending sum stays in a register. */
        private void addToOneGroup(long[] values, boolean[] nulls, boolean mayHaveNull, int count)
        {
            long sum = pending[0];
            boolean any = false;
            for (int i = 0; i < count; i++) {
                if (mayHaveNull && nulls[i]) {
                    continue;
                }
                any = true;
                long value = values[i];
                long result = sum + value;
                if (((sum ^ result) & (value ^ result)) < 0) {
                    addWide(0, sum >> 63, sum);
                    result = value;
                }
                sum = result;
            }
            pending[0] = sum;
            seen[0] |= any;
        }

        private void addWide(int group, long high, long low)
        {
            wraps[group] += Int128Math.addWithOverflow(wideSums[2 * group], wideSums[2 * group + 1], high, low, wideSums, 2 * group);
        }

        @Override
        public void write(int group, BlockBuilder output)
        {
            if (!seen[group]) {
                output.appendNull();
                return;
            }
            long[] sum = new long[2];
            long wrapped = wraps[group] + Int128Math.addWithOverflow(wideSums[2 * group], wideSums[2 * group + 1], pending[group] >> 63, pending[group], sum, 0);
            Int128 result = Int128.valueOf(sum[0], sum[1]);
            // a sum that wrapped is beyond 2^127 - 2^63, far past 38 digits
            if (wrapped != 0 || Decimals.overflows(result)) {
                throw new TrinoException(LAKE_NUMERIC_OVERFLOW, "numeric field overflow: the sum does not fit " + this.output.getDisplayName());
            }
            this.output.writeObject(output, result);
        }
    }

    final class DoubleSum
            implements AggregateState
    {
        private final int channel;
        private final boolean real;
        private double[] sums = new double[16];
        private boolean[] seen = new boolean[16];

        DoubleSum(int channel, Type input)
        {
            this.channel = channel;
            this.real = input instanceof RealType;
        }

        @Override
        public void add(AggregationInputs inputs, int[] groups, int count, int groupCount)
        {
            if (groupCount > sums.length) {
                int size = Math.max(groupCount, sums.length * 2);
                sums = Arrays.copyOf(sums, size);
                seen = Arrays.copyOf(seen, size);
            }
            LongVector vector = inputs.vector(channel);
            long[] values = vector.values;
            boolean[] nulls = vector.nulls;
            boolean mayHaveNull = vector.mayHaveNull;
            if (groupCount == 1) {
                // one group: the same additions in the same order, in a register
                double sum = sums[0];
                boolean any = false;
                for (int i = 0; i < count; i++) {
                    if (mayHaveNull && nulls[i]) {
                        continue;
                    }
                    sum += real ? Float.intBitsToFloat((int) values[i]) : Double.longBitsToDouble(values[i]);
                    any = true;
                }
                sums[0] = sum;
                seen[0] |= any;
                return;
            }
            for (int i = 0; i < count; i++) {
                if (mayHaveNull && nulls[i]) {
                    continue;
                }
                double value = real ? Float.intBitsToFloat((int) values[i]) : Double.longBitsToDouble(values[i]);
                sums[groups[i]] += value;
                seen[groups[i]] = true;
            }
        }

        @Override
        public void write(int group, BlockBuilder output)
        {
            if (seen[group]) {
                DoubleType.DOUBLE.writeDouble(output, sums[group]);
            }
            else {
                output.appendNull();
            }
        }
    }

    /** min or max of a type whose values order like their stored longs. */
    final class LongExtreme
            implements AggregateState
    {
        private final int channel;
        private final Type type;
        private final boolean max;
        private long[] values = new long[16];
        private boolean[] seen = new boolean[16];

        LongExtreme(int channel, Type type, boolean max)
        {
            this.channel = channel;
            this.type = type;
            this.max = max;
        }

        @Override
        public void add(AggregationInputs inputs, int[] groups, int count, int groupCount)
        {
            if (groupCount > values.length) {
                int size = Math.max(groupCount, values.length * 2);
                values = Arrays.copyOf(values, size);
                seen = Arrays.copyOf(seen, size);
            }
            LongVector vector = inputs.vector(channel);
            long[] input = vector.values;
            boolean[] nulls = vector.nulls;
            boolean mayHaveNull = vector.mayHaveNull;
            for (int i = 0; i < count; i++) {
                if (mayHaveNull && nulls[i]) {
                    continue;
                }
                long value = input[i];
                int group = groups[i];
                if (!seen[group] || (max ? value > values[group] : value < values[group])) {
                    values[group] = value;
                    seen[group] = true;
                }
            }
        }

        @Override
        public void write(int group, BlockBuilder output)
        {
            if (seen[group]) {
                type.writeLong(output, values[group]);
            }
            else {
                output.appendNull();
            }
        }
    }

    /** min or max, kept as the type's native values and compared in the type's order. */
    final class Extreme
            implements AggregateState
    {
        private final int channel;
        private final Type type;
        private final boolean max;
        private Object[] values = new Object[16];

        Extreme(int channel, Type type, boolean max)
        {
            this.channel = channel;
            this.type = type;
            this.max = max;
        }

        @Override
        public void add(AggregationInputs inputs, int[] groups, int count, int groupCount)
        {
            if (groupCount > values.length) {
                values = Arrays.copyOf(values, Math.max(groupCount, values.length * 2));
            }
            int[] positions = inputs.positions;
            Block block = inputs.block(channel);
            if (block.getUnderlyingValueBlock() instanceof VariableWidthBlock) {
                addStrings(block, positions, groups, count);
                return;
            }
            for (int i = 0; i < count; i++) {
                int position = positions[i];
                if (block.isNull(position)) {
                    continue;
                }
                Object value = readNativeValue(type, block, position);
                Object current = values[groups[i]];
                if (current == null) {
                    values[groups[i]] = value;
                }
                else {
                    int comparison = compare(value, current);
                    if (max ? comparison > 0 : comparison < 0) {
                        values[groups[i]] = value;
                    }
                }
            }
        }

        /** Strings compared in place in the block's bytes; only a new extreme is copied out. */
        private void addStrings(Block block, int[] positions, int[] groups, int count)
        {
            VariableWidthBlock strings = (VariableWidthBlock) block.getUnderlyingValueBlock();
            Slice raw = strings.getRawSlice();
            for (int i = 0; i < count; i++) {
                int position = block.getUnderlyingValuePosition(positions[i]);
                if (strings.isNull(position)) {
                    continue;
                }
                int offset = strings.getRawSliceOffset(position);
                int length = strings.getSliceLength(position);
                Slice current = (Slice) values[groups[i]];
                if (current == null) {
                    values[groups[i]] = raw.copy(offset, length);
                    continue;
                }
                int comparison = raw.compareTo(offset, length, current, 0, current.length());
                if (max ? comparison > 0 : comparison < 0) {
                    values[groups[i]] = raw.copy(offset, length);
                }
            }
        }

        private int compare(Object left, Object right)
        {
            return switch (left) {
                case Slice slice -> slice.compareTo((Slice) right);
                case Int128 int128 -> int128.compareTo((Int128) right);
                case Double value -> Double.compare(value, (Double) right);
                case Boolean value -> Boolean.compare(value, (Boolean) right);
                case Long value when type instanceof RealType -> Float.compare(Float.intBitsToFloat(value.intValue()), Float.intBitsToFloat(((Long) right).intValue()));
                case Long value -> Long.compare(value, (Long) right);
                default -> throw new IllegalStateException("Cannot compare values of " + type);
            };
        }

        @Override
        public void write(int group, BlockBuilder output)
        {
            writeNativeValue(type, output, values[group]);
        }
    }
}
