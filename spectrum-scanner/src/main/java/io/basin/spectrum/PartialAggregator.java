package io.basin.spectrum;

import io.airlift.slice.Slice;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.RealType;
import io.trino.spi.type.Type;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_NUMERIC_OVERFLOW;
import static io.trino.spi.type.TypeUtils.readNativeValue;
import static io.trino.spi.type.TypeUtils.writeNativeValue;
import static java.util.Objects.requireNonNull;

/**
 * Runs a {@link PartialAggregation} over the pages of one task: groups in a hash map by their key
 * values, one state per group and aggregate, and the result as one page at the end.
 */
final class PartialAggregator
{
    private static final BigInteger MAX_DECIMAL = BigInteger.TEN.pow(38);

    private final int[] groupingChannels;
    private final List<Type> groupingTypes;
    private final State[] states;
    private final Map<Object, Integer> groupIds = new HashMap<>();
    private final List<Object> groupKeys = new ArrayList<>();
    private final List<Type> outputTypes;

    PartialAggregator(PartialAggregation aggregation, List<ScanColumn> columns)
    {
        requireNonNull(aggregation, "aggregation is null");
        this.groupingChannels = aggregation.groupingChannels().stream().mapToInt(Integer::intValue).toArray();
        this.groupingTypes = aggregation.groupingChannels().stream().map(channel -> columns.get(channel).type()).toList();
        this.states = aggregation.aggregates().stream().map(aggregate -> state(aggregate, columns)).toArray(State[]::new);
        List<Type> types = new ArrayList<>(groupingTypes);
        aggregation.aggregates().forEach(aggregate -> types.add(aggregate.outputType()));
        this.outputTypes = List.copyOf(types);
    }

    private static State state(PartialAggregation.Aggregate aggregate, List<ScanColumn> columns)
    {
        int channel = aggregate.argument().orElse(-1);
        Type input = channel < 0 ? null : columns.get(channel).type();
        if (channel >= 0 && !PartialAggregation.supports(aggregate.function(), input, aggregate.outputType())) {
            throw new IllegalArgumentException("The scan workers cannot compute %s of %s as %s".formatted(aggregate.function(), input, aggregate.outputType()));
        }
        return switch (aggregate.function()) {
            case COUNT_ALL -> new CountState(-1);
            case COUNT -> new CountState(channel);
            case SUM -> switch (input) {
                case DoubleType _, RealType _ -> new DoubleSumState(channel, input);
                case Type _ when aggregate.outputType() instanceof BigintType -> new LongSumState(channel, input);
                default -> new DecimalSumState(channel, input, (DecimalType) aggregate.outputType());
            };
            case MIN -> new ExtremeState(channel, input, false);
            case MAX -> new ExtremeState(channel, input, true);
        };
    }

    void add(Page page, int[] positions, int count)
    {
        int[] groups = new int[count];
        for (int i = 0; i < count; i++) {
            groups[i] = groupOf(page, positions[i]);
        }
        int groupCount = groupKeys.size();
        for (State state : states) {
            state.add(page, positions, groups, count, groupCount);
        }
    }

    private int groupOf(Page page, int position)
    {
        Object key;
        if (groupingChannels.length == 0) {
            key = List.of();
        }
        else if (groupingChannels.length == 1) {
            key = readNativeValue(groupingTypes.getFirst(), page.getBlock(groupingChannels[0]), position);
        }
        else {
            Object[] values = new Object[groupingChannels.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = readNativeValue(groupingTypes.get(i), page.getBlock(groupingChannels[i]), position);
            }
            key = Arrays.asList(values);
        }
        Integer group = groupIds.get(key);
        if (group == null) {
            group = groupKeys.size();
            groupIds.put(key, group);
            groupKeys.add(key);
        }
        return group;
    }

    /** The partial results, or null when no row was aggregated. */
    Page result()
    {
        if (groupKeys.isEmpty()) {
            return null;
        }
        PageBuilder builder = new PageBuilder(groupKeys.size(), outputTypes);
        for (int group = 0; group < groupKeys.size(); group++) {
            builder.declarePosition();
            Object key = groupKeys.get(group);
            if (groupingChannels.length == 1) {
                writeNativeValue(groupingTypes.getFirst(), builder.getBlockBuilder(0), key);
            }
            else {
                List<?> values = (List<?>) key;
                for (int i = 0; i < values.size(); i++) {
                    writeNativeValue(groupingTypes.get(i), builder.getBlockBuilder(i), values.get(i));
                }
            }
            for (int i = 0; i < states.length; i++) {
                states[i].write(group, builder.getBlockBuilder(groupingChannels.length + i));
            }
        }
        return builder.build();
    }

    private interface State
    {
        void add(Page page, int[] positions, int[] groups, int count, int groupCount);

        void write(int group, BlockBuilder output);
    }

    private static final class CountState
            implements State
    {
        private final int channel;
        private long[] counts = new long[16];

        CountState(int channel)
        {
            this.channel = channel;
        }

        @Override
        public void add(Page page, int[] positions, int[] groups, int count, int groupCount)
        {
            if (groupCount > counts.length) {
                counts = Arrays.copyOf(counts, Math.max(groupCount, counts.length * 2));
            }
            Block block = channel < 0 ? null : page.getBlock(channel);
            for (int i = 0; i < count; i++) {
                if (block == null || !block.isNull(positions[i])) {
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

    private static final class LongSumState
            implements State
    {
        private final int channel;
        private final Type input;
        private long[] sums = new long[16];
        private boolean[] seen = new boolean[16];

        LongSumState(int channel, Type input)
        {
            this.channel = channel;
            this.input = input;
        }

        @Override
        public void add(Page page, int[] positions, int[] groups, int count, int groupCount)
        {
            if (groupCount > sums.length) {
                int size = Math.max(groupCount, sums.length * 2);
                sums = Arrays.copyOf(sums, size);
                seen = Arrays.copyOf(seen, size);
            }
            Block block = page.getBlock(channel);
            for (int i = 0; i < count; i++) {
                int position = positions[i];
                if (!block.isNull(position)) {
                    int group = groups[i];
                    try {
                        sums[group] = Math.addExact(sums[group], input.getLong(block, position));
                    }
                    catch (ArithmeticException e) {
                        throw new TrinoException(LAKE_NUMERIC_OVERFLOW, "bigint out of range", e);
                    }
                    seen[group] = true;
                }
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

    /** Sums of integers and decimals as unscaled 128-bit integers (a sum overflows only past 38 digits). */
    private static final class DecimalSumState
            implements State
    {
        private final int channel;
        private final Type input;
        private final DecimalType output;
        private BigInteger[] sums = new BigInteger[16];
        private long[] pending = new long[16];
        private boolean[] seen = new boolean[16];

        DecimalSumState(int channel, Type input, DecimalType output)
        {
            this.channel = channel;
            this.input = input;
            this.output = output;
        }

        @Override
        public void add(Page page, int[] positions, int[] groups, int count, int groupCount)
        {
            if (groupCount > sums.length) {
                int size = Math.max(groupCount, sums.length * 2);
                sums = Arrays.copyOf(sums, size);
                pending = Arrays.copyOf(pending, size);
                seen = Arrays.copyOf(seen, size);
            }
            Block block = page.getBlock(channel);
            boolean longDecimal = input instanceof DecimalType decimal && !decimal.isShort();
            for (int i = 0; i < count; i++) {
                int position = positions[i];
                if (block.isNull(position)) {
                    continue;
                }
                int group = groups[i];
                seen[group] = true;
                if (longDecimal) {
                    flush(group, ((Int128) input.getObject(block, position)).toBigInteger());
                    continue;
                }
                // short values add up in a long until it would overflow
                long value = input.getLong(block, position);
                long sum = pending[group] + value;
                if (((pending[group] ^ sum) & (value ^ sum)) < 0) {
                    flush(group, BigInteger.valueOf(pending[group]).add(BigInteger.valueOf(value)));
                    pending[group] = 0;
                }
                else {
                    pending[group] = sum;
                }
            }
        }

        private void flush(int group, BigInteger value)
        {
            sums[group] = sums[group] == null ? value : sums[group].add(value);
        }

        @Override
        public void write(int group, BlockBuilder output)
        {
            if (!seen[group]) {
                output.appendNull();
                return;
            }
            BigInteger sum = BigInteger.valueOf(pending[group]);
            if (sums[group] != null) {
                sum = sum.add(sums[group]);
            }
            if (sum.abs().compareTo(MAX_DECIMAL) >= 0) {
                throw new TrinoException(LAKE_NUMERIC_OVERFLOW, "numeric field overflow: the sum does not fit " + this.output.getDisplayName());
            }
            this.output.writeObject(output, Int128.valueOf(sum));
        }
    }

    private static final class DoubleSumState
            implements State
    {
        private final int channel;
        private final boolean real;
        private double[] sums = new double[16];
        private boolean[] seen = new boolean[16];

        DoubleSumState(int channel, Type input)
        {
            this.channel = channel;
            this.real = input instanceof RealType;
        }

        @Override
        public void add(Page page, int[] positions, int[] groups, int count, int groupCount)
        {
            if (groupCount > sums.length) {
                int size = Math.max(groupCount, sums.length * 2);
                sums = Arrays.copyOf(sums, size);
                seen = Arrays.copyOf(seen, size);
            }
            Block block = page.getBlock(channel);
            for (int i = 0; i < count; i++) {
                int position = positions[i];
                if (!block.isNull(position)) {
                    double value = real ? RealType.REAL.getFloat(block, position) : DoubleType.DOUBLE.getDouble(block, position);
                    sums[groups[i]] += value;
                    seen[groups[i]] = true;
                }
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

    /** min or max, kept as the type's native values and compared in the type's order. */
    private static final class ExtremeState
            implements State
    {
        private final int channel;
        private final Type type;
        private final boolean max;
        private Object[] values = new Object[16];

        ExtremeState(int channel, Type type, boolean max)
        {
            this.channel = channel;
            this.type = type;
            this.max = max;
        }

        @Override
        public void add(Page page, int[] positions, int[] groups, int count, int groupCount)
        {
            if (groupCount > values.length) {
                values = Arrays.copyOf(values, Math.max(groupCount, values.length * 2));
            }
            Block block = page.getBlock(channel);
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
