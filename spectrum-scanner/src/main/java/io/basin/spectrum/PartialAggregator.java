package io.basin.spectrum;

import io.airlift.slice.Slice;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.VariableWidthBlock;
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
 * values, one state per group and aggregate, and the result as one page at the end. Groups come
 * out in the order of their first rows, so the same rows give the same page on any worker (a
 * retried remote task resumes by row count).
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
    // group of each position of the page being added (all 0 without grouping)
    private int[] groups = new int[0];
    private final LongGroups longGroups = new LongGroups();
    // the aggregated expressions, whose values are appended to each page as extra channels
    private final List<ScanExpressionEvaluator> expressions = new ArrayList<>();
    // the scan's columns, which pages may be followed by others (filter columns) that the expressions' values go in front of
    private final int[] scanChannels;

    PartialAggregator(PartialAggregation aggregation, List<ScanColumn> columns)
    {
        requireNonNull(aggregation, "aggregation is null");
        this.groupingChannels = aggregation.groupingChannels().stream().mapToInt(Integer::intValue).toArray();
        this.groupingTypes = aggregation.groupingChannels().stream().map(channel -> columns.get(channel).type()).toList();
        this.scanChannels = java.util.stream.IntStream.range(0, columns.size()).toArray();
        this.states = new State[aggregation.aggregates().size()];
        for (int i = 0; i < states.length; i++) {
            PartialAggregation.Aggregate aggregate = aggregation.aggregates().get(i);
            if (aggregate.expression().isPresent()) {
                // aggregated as the column the expression's values are appended as
                int channel = columns.size() + expressions.size();
                expressions.add(new ScanExpressionEvaluator(aggregate.expression().get()));
                aggregate = new PartialAggregation.Aggregate(aggregate.function(), java.util.OptionalInt.of(channel), aggregate.outputType());
            }
            states[i] = state(aggregate, aggregation.aggregates().get(i).inputType(columns));
        }
        this.outputTypes = aggregation.outputTypes(columns);
    }

    private static State state(PartialAggregation.Aggregate aggregate, Type input)
    {
        int channel = aggregate.argument().orElse(-1);
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
            case MIN -> RowFilter.orderedAsLong(input) ? new LongExtremeState(channel, input, false) : new ExtremeState(channel, input, false);
            case MAX -> RowFilter.orderedAsLong(input) ? new LongExtremeState(channel, input, true) : new ExtremeState(channel, input, true);
        };
    }

    void add(Page page, int[] positions, int count)
    {
        if (!expressions.isEmpty()) {
            Page input = page;
            page = page.getColumns(scanChannels);
            for (ScanExpressionEvaluator expression : expressions) {
                page = page.appendColumn(expression.evaluate(input, positions, count));
            }
        }
        if (groups.length < count) {
            groups = new int[count];
        }
        if (groupingChannels.length == 0) {
            // one group: no keys to look up
            if (count > 0 && groupKeys.isEmpty()) {
                groupIds.put(List.of(), 0);
                groupKeys.add(List.of());
            }
        }
        else {
            assignGroups(page, positions, count);
        }
        int groupCount = groupKeys.size();
        for (State state : states) {
            state.add(page, positions, groups, count, groupCount);
        }
    }

    /**
     * The group of each position: a single key whose values are longs goes through an
     * open-addressing table; keys from dictionaries (as Parquet's dictionary-encoded columns
     * decode) are looked up once per dictionary entry; anything else per row through the map.
     */
    private void assignGroups(Page page, int[] positions, int count)
    {
        if (groupingChannels.length == 1 && RowFilter.orderedAsLong(groupingTypes.getFirst())) {
            Block block = page.getBlock(groupingChannels[0]);
            Type type = groupingTypes.getFirst();
            for (int i = 0; i < count; i++) {
                int position = positions[i];
                groups[i] = block.isNull(position) ? groupOf(page, position) : longGroups.groupOf(type.getLong(block, position), page, position);
            }
            return;
        }
        // dictionaries: a cache from combined dictionary positions to groups, for small dictionaries
        Block[] blocks = new Block[groupingChannels.length];
        long combinations = 1;
        for (int k = 0; k < blocks.length; k++) {
            blocks[k] = page.getBlock(groupingChannels[k]);
            combinations *= blocks[k].getUnderlyingValueBlock().getPositionCount();
        }
        if (combinations > 0 && combinations < count && combinations <= 1 << 16) {
            int[] cache = new int[(int) combinations];
            Arrays.fill(cache, -1);
            for (int i = 0; i < count; i++) {
                int position = positions[i];
                int slot = 0;
                for (Block block : blocks) {
                    slot = slot * block.getUnderlyingValueBlock().getPositionCount() + block.getUnderlyingValuePosition(position);
                }
                int group = cache[slot];
                if (group < 0) {
                    group = groupOf(page, position);
                    cache[slot] = group;
                }
                groups[i] = group;
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            groups[i] = groupOf(page, positions[i]);
        }
    }

    /** Group ids of non-null long keys, in an open-addressing table. */
    private final class LongGroups
    {
        private long[] keys = new long[1024];
        private int[] ids = new int[1024];
        private int size;

        LongGroups()
        {
            Arrays.fill(ids, -1);
        }

        int groupOf(long key, Page page, int position)
        {
            int mask = keys.length - 1;
            int slot = hash(key) & mask;
            while (ids[slot] >= 0) {
                if (keys[slot] == key) {
                    return ids[slot];
                }
                slot = (slot + 1) & mask;
            }
            int group = PartialAggregator.this.groupOf(page, position);
            keys[slot] = key;
            ids[slot] = group;
            if (++size * 2 > keys.length) {
                grow();
            }
            return group;
        }

        private void grow()
        {
            long[] oldKeys = keys;
            int[] oldIds = ids;
            keys = new long[oldKeys.length * 2];
            ids = new int[oldIds.length * 2];
            Arrays.fill(ids, -1);
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldIds[i] >= 0) {
                    int slot = hash(oldKeys[i]) & mask;
                    while (ids[slot] >= 0) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    ids[slot] = oldIds[i];
                }
            }
        }

        private static int hash(long key)
        {
            long mixed = key * 0x9E3779B97F4A7C15L;
            return (int) (mixed ^ (mixed >>> 32));
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
            io.trino.spi.block.Int128ArrayBlock wideValues = block.getUnderlyingValueBlock() instanceof io.trino.spi.block.Int128ArrayBlock values ? values : null;
            for (int i = 0; i < count; i++) {
                int position = positions[i];
                if (block.isNull(position)) {
                    continue;
                }
                int group = groups[i];
                seen[group] = true;
                long value;
                if (longDecimal) {
                    long high;
                    long low;
                    if (wideValues != null) {
                        int valuePosition = block.getUnderlyingValuePosition(position);
                        high = wideValues.getInt128High(valuePosition);
                        low = wideValues.getInt128Low(valuePosition);
                    }
                    else {
                        Int128 wide = (Int128) input.getObject(block, position);
                        high = wide.getHigh();
                        low = wide.getLow();
                    }
                    if (high != low >> 63) {
                        flush(group, Int128.valueOf(high, low).toBigInteger());
                        continue;
                    }
                    // a long decimal whose value fits a long (as products of prices mostly do) adds up like a short one
                    value = low;
                }
                else {
                    value = input.getLong(block, position);
                }
                // values add up in a long until it would overflow
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

    /** min or max of a type whose values order like their stored longs. */
    private static final class LongExtremeState
            implements State
    {
        private final int channel;
        private final Type type;
        private final boolean max;
        private long[] values = new long[16];
        private boolean[] seen = new boolean[16];

        LongExtremeState(int channel, Type type, boolean max)
        {
            this.channel = channel;
            this.type = type;
            this.max = max;
        }

        @Override
        public void add(Page page, int[] positions, int[] groups, int count, int groupCount)
        {
            if (groupCount > values.length) {
                int size = Math.max(groupCount, values.length * 2);
                values = Arrays.copyOf(values, size);
                seen = Arrays.copyOf(seen, size);
            }
            Block block = page.getBlock(channel);
            boolean mayHaveNull = block.mayHaveNull();
            for (int i = 0; i < count; i++) {
                int position = positions[i];
                if (mayHaveNull && block.isNull(position)) {
                    continue;
                }
                long value = type.getLong(block, position);
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
