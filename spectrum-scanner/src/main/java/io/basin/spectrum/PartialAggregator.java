package io.basin.spectrum;

import io.airlift.slice.Slice;
import io.airlift.slice.XxHash64;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.block.VariableWidthBlock;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Decimals;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Int128Math;
import io.trino.spi.type.RealType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_NUMERIC_OVERFLOW;
import static io.trino.spi.type.TypeUtils.readNativeValue;
import static io.trino.spi.type.TypeUtils.writeNativeValue;
import static java.util.Objects.requireNonNull;

/**
 * Runs a {@link PartialAggregation} over the pages of one task: one state per group and
 * aggregate, and the result as one page at the end. Groups come out in the order of their first
 * rows, so the same rows give the same page on any worker (a retried remote task resumes by row
 * count).
 * <p>
 * Page by page and column at a time: each row's group is found once (through a table over the
 * keys' dictionary ids, an open-addressing table of a single long key, or a hash of varchar and
 * long keys taken in place; a map of boxed keys only for other key types and for a new group's
 * key), each aggregated column (or expression) is read once into a {@link LongVector} of the kept
 * rows, and every aggregate then runs a loop over plain arrays into per-group primitive arrays.
 */
final class PartialAggregator
{
    private final int[] groupingChannels;
    private final List<Type> groupingTypes;
    private final List<Type> columnTypes;
    private final State[] states;
    private final Map<Object, Integer> groupIds = new HashMap<>();
    private final List<Object> groupKeys = new ArrayList<>();
    private final List<Type> outputTypes;
    // group of each kept row of the page being added (all 0 without grouping)
    private int[] groups = new int[0];
    private final LongGroups longGroups = new LongGroups();
    // the aggregated expressions; aggregate channels from columnTypes.size() on are theirs
    private final List<ScanExpressionEvaluator> expressions = new ArrayList<>();
    private final Inputs inputs;
    // the expressions' steps: common subexpressions once per page, columns from the inputs' vectors
    private final ScanExpressionEvaluator.Steps steps;
    // dictionary-encoded keys: group of each combination of dictionary ids, kept while the dictionaries stay the same
    private Block[] cachedDictionaries;
    private int[] dictionaryGroups;
    // keys of varchars and long-held values that are not dictionary-encoded; null for other key types
    private final HashedGroups hashedGroups;

    PartialAggregator(PartialAggregation aggregation, List<ScanColumn> columns)
    {
        requireNonNull(aggregation, "aggregation is null");
        this.groupingChannels = aggregation.groupingChannels().stream().mapToInt(Integer::intValue).toArray();
        this.groupingTypes = aggregation.groupingChannels().stream().map(channel -> columns.get(channel).type()).toList();
        this.columnTypes = columns.stream().map(ScanColumn::type).toList();
        this.inputs = new Inputs(columnTypes, expressions);
        this.steps = new ScanExpressionEvaluator.Steps(inputs::vector);
        this.states = new State[aggregation.aggregates().size()];
        for (int i = 0; i < states.length; i++) {
            PartialAggregation.Aggregate aggregate = aggregation.aggregates().get(i);
            if (aggregate.expression().isPresent()) {
                // aggregated as the channel after the columns that stands for the expression's values
                int channel = columns.size() + expressions.size();
                expressions.add(new ScanExpressionEvaluator(aggregate.expression().get(), steps));
                aggregate = new PartialAggregation.Aggregate(aggregate.function(), java.util.OptionalInt.of(channel), aggregate.outputType());
            }
            states[i] = state(aggregate, aggregation.aggregates().get(i).inputType(columns));
        }
        this.outputTypes = aggregation.outputTypes(columns);
        this.hashedGroups = groupingTypes.stream().allMatch(HashedGroups::supports) && !groupingTypes.isEmpty() ? new HashedGroups() : null;
    }

    private static State state(PartialAggregation.Aggregate aggregate, Type input)
    {
        int channel = aggregate.argument().orElse(-1);
        if (channel >= 0 && !PartialAggregation.supports(aggregate.function(), input, aggregate.outputType())) {
            throw new IllegalArgumentException("The scan workers cannot compute %s of %s as %s".formatted(aggregate.function(), input, aggregate.outputType()));
        }
        return switch (aggregate.function()) {
            case COUNT_ALL -> new CountState(-1, false);
            case COUNT -> new CountState(channel, vectorized(input));
            case SUM -> switch (input) {
                case DoubleType _, RealType _ -> new DoubleSumState(channel, input);
                case Type _ when aggregate.outputType() instanceof BigintType -> new LongSumState(channel);
                default -> new DecimalSumState(channel, (DecimalType) aggregate.outputType());
            };
            case MIN -> RowFilter.orderedAsLong(input) ? new LongExtremeState(channel, input, false) : new ExtremeState(channel, input, false);
            case MAX -> RowFilter.orderedAsLong(input) ? new LongExtremeState(channel, input, true) : new ExtremeState(channel, input, true);
        };
    }

    /** Whether values of the type read into a {@link LongVector}: those held in a long, and long decimals. */
    private static boolean vectorized(Type type)
    {
        return type.getJavaType() == long.class || type instanceof DecimalType;
    }

    void add(Page page, int[] positions, int count)
    {
        if (count == 0) {
            return;
        }
        if (groups.length < count) {
            groups = new int[Math.max(count, groups.length * 2)];
        }
        inputs.start(page, positions, count);
        steps.nextPage();
        if (groupingChannels.length == 0) {
            // one group: no keys to look up
            if (groupKeys.isEmpty()) {
                groupIds.put(List.of(), 0);
                groupKeys.add(List.of());
            }
            Arrays.fill(groups, 0, count, 0);
        }
        else {
            assignGroups(page, positions, count);
        }
        int groupCount = groupKeys.size();
        inputs.groupsAssigned(groups, groupCount);
        for (State state : states) {
            state.add(inputs, groups, count, groupCount);
        }
    }

    /**
     * The kept rows of the page being added, and the vectors of their values, each column and
     * expression read at most once per page.
     */
    private static final class Inputs
    {
        private final List<Type> columnTypes;
        // filled by the aggregator's constructor after this is made
        private final List<ScanExpressionEvaluator> expressions;
        private final LongVector[] columns;
        private LongVector[] expressionValues;
        private boolean[] loaded;
        Page page;
        int[] positions;
        int count;
        private int[] groups;
        private int groupCount;
        // rows per group of the page, counted once when some aggregate asks
        private long[] groupRows = new long[16];
        private boolean groupRowsCounted;

        Inputs(List<Type> columnTypes, List<ScanExpressionEvaluator> expressions)
        {
            this.columnTypes = columnTypes;
            this.expressions = expressions;
            this.columns = new LongVector[columnTypes.size()];
        }

        void start(Page page, int[] positions, int count)
        {
            if (loaded == null) {
                expressionValues = new LongVector[expressions.size()];
                loaded = new boolean[columns.length + expressions.size()];
            }
            this.page = page;
            this.positions = positions;
            this.count = count;
            Arrays.fill(loaded, false);
            groupRowsCounted = false;
        }

        void groupsAssigned(int[] groups, int groupCount)
        {
            this.groups = groups;
            this.groupCount = groupCount;
        }

        /**
         * How many of the page's rows are in each group, or null when there are more groups than
         * rows (then a loop over the rows is cheaper than one over the groups).
         */
        long[] groupRows()
        {
            if (groupCount > count) {
                return null;
            }
            if (!groupRowsCounted) {
                if (groupRows.length < groupCount) {
                    groupRows = new long[Math.max(groupCount, groupRows.length * 2)];
                }
                long[] rows = groupRows;
                Arrays.fill(rows, 0, groupCount, 0);
                if (groupCount == 1) {
                    rows[0] = count;
                }
                else {
                    int[] groups = this.groups;
                    for (int i = 0; i < count; i++) {
                        rows[groups[i]]++;
                    }
                }
                groupRowsCounted = true;
            }
            return groupRows;
        }

        LongVector vector(int channel)
        {
            if (channel >= columns.length) {
                int expression = channel - columns.length;
                if (!loaded[channel]) {
                    expressionValues[expression] = expressions.get(expression).evaluateVector(page, positions, count);
                    loaded[channel] = true;
                }
                return expressionValues[expression];
            }
            LongVector vector = columns[channel];
            if (vector == null) {
                vector = new LongVector();
                columns[channel] = vector;
            }
            if (!loaded[channel]) {
                vector.load(page.getBlock(channel), columnTypes.get(channel), positions, count);
                loaded[channel] = true;
            }
            return vector;
        }

        /** The block of a column; for an expression, its values in a block positioned like the page. */
        Block block(int channel)
        {
            if (channel >= columns.length) {
                return expressions.get(channel - columns.length).evaluate(page, positions, count);
            }
            return page.getBlock(channel);
        }

        boolean isExpression(int channel)
        {
            return channel >= columns.length;
        }
    }

    /**
     * The group of each kept row: a single key whose values are longs goes through an
     * open-addressing table; keys from dictionaries (as Parquet's dictionary-encoded columns
     * decode) are looked up once per combination of dictionary entries; anything else per row
     * through the map.
     */
    private void assignGroups(Page page, int[] positions, int count)
    {
        if (assignDictionaryGroups(page, positions, count)) {
            return;
        }
        if (groupingChannels.length == 1 && RowFilter.orderedAsLong(groupingTypes.getFirst())) {
            LongVector keys = inputs.vector(groupingChannels[0]);
            long[] values = keys.values;
            boolean[] nulls = keys.nulls;
            boolean mayHaveNull = keys.mayHaveNull;
            for (int i = 0; i < count; i++) {
                groups[i] = mayHaveNull && nulls[i] ? groupOf(page, positions[i]) : longGroups.groupOf(values[i], page, positions[i]);
            }
            return;
        }
        if (hashedGroups != null) {
            hashedGroups.assign(page, positions, count);
            return;
        }
        for (int i = 0; i < count; i++) {
            groups[i] = groupOf(page, positions[i]);
        }
    }

    /**
     * Groups of rows whose keys are varchars or long-held values, not dictionary-encoded (ORC's
     * strings, Parquet pages past a dictionary): each row's key is hashed column at a time, in
     * place in the blocks, and looked up in an open-addressing table of group ids, compared with
     * the group's key values without copying anything; only a new group's key is read out.
     */
    private final class HashedGroups
    {
        private static final long NULL_HASH = 0x5bd1e9955bd1e995L;

        private final boolean[] varchar;
        // group id + 1 per slot, 0 for an empty slot
        private int[] slots = new int[1024];
        private long[] groupHashes = new long[64];
        private long[] rowHashes = new long[0];
        private int entries;

        HashedGroups()
        {
            varchar = new boolean[groupingChannels.length];
            for (int k = 0; k < varchar.length; k++) {
                varchar[k] = groupingTypes.get(k) instanceof VarcharType;
            }
        }

        static boolean supports(Type type)
        {
            return type instanceof VarcharType || type.getJavaType() == long.class;
        }

        void assign(Page page, int[] positions, int count)
        {
            if (rowHashes.length < count) {
                rowHashes = new long[Math.max(count, rowHashes.length * 2)];
            }
            long[] hashes = rowHashes;
            Arrays.fill(hashes, 0, count, 0);
            for (int k = 0; k < groupingChannels.length; k++) {
                Block block = page.getBlock(groupingChannels[k]);
                if (varchar[k]) {
                    hashStrings(block, positions, count, hashes);
                }
                else {
                    LongVector keys = inputs.vector(groupingChannels[k]);
                    for (int i = 0; i < count; i++) {
                        long hash = keys.mayHaveNull && keys.nulls[i] ? NULL_HASH : XxHash64.hash(keys.values[i]);
                        hashes[i] = hashes[i] * 31 + hash;
                    }
                }
            }
            for (int i = 0; i < count; i++) {
                groups[i] = find(hashes[i], page, positions[i]);
            }
        }

        private static void hashStrings(Block block, int[] positions, int count, long[] hashes)
        {
            VariableWidthBlock strings = (VariableWidthBlock) block.getUnderlyingValueBlock();
            Slice raw = strings.getRawSlice();
            for (int i = 0; i < count; i++) {
                int position = block.getUnderlyingValuePosition(positions[i]);
                long hash = strings.isNull(position) ? NULL_HASH : XxHash64.hash(raw, strings.getRawSliceOffset(position), strings.getSliceLength(position));
                hashes[i] = hashes[i] * 31 + hash;
            }
        }

        private int find(long hash, Page page, int position)
        {
            int mask = slots.length - 1;
            int slot = (int) (hash ^ (hash >>> 32)) & mask;
            while (slots[slot] != 0) {
                int group = slots[slot] - 1;
                if (groupHashes[group] == hash && keyEquals(group, page, position)) {
                    return group;
                }
                slot = (slot + 1) & mask;
            }
            // a new group, or one first met on a dictionary-encoded page
            int group = groupOf(page, position);
            if (group >= groupHashes.length) {
                groupHashes = Arrays.copyOf(groupHashes, Math.max(group + 1, groupHashes.length * 2));
            }
            groupHashes[group] = hash;
            slots[slot] = group + 1;
            entries++;
            if (entries * 2 > slots.length) {
                rehash();
            }
            return group;
        }

        private void rehash()
        {
            int[] old = slots;
            slots = new int[old.length * 2];
            int mask = slots.length - 1;
            for (int entry : old) {
                if (entry != 0) {
                    long hash = groupHashes[entry - 1];
                    int slot = (int) (hash ^ (hash >>> 32)) & mask;
                    while (slots[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    slots[slot] = entry;
                }
            }
        }

        private boolean keyEquals(int group, Page page, int position)
        {
            Object key = groupKeys.get(group);
            for (int k = 0; k < groupingChannels.length; k++) {
                Object value = groupingChannels.length == 1 ? key : ((List<?>) key).get(k);
                Block block = page.getBlock(groupingChannels[k]);
                if (block.isNull(position)) {
                    if (value != null) {
                        return false;
                    }
                    continue;
                }
                if (value == null) {
                    return false;
                }
                if (varchar[k]) {
                    VariableWidthBlock strings = (VariableWidthBlock) block.getUnderlyingValueBlock();
                    int valuePosition = block.getUnderlyingValuePosition(position);
                    Slice slice = (Slice) value;
                    if (!strings.getRawSlice().equals(strings.getRawSliceOffset(valuePosition), strings.getSliceLength(valuePosition), slice, 0, slice.length())) {
                        return false;
                    }
                }
                else if (groupingTypes.get(k).getLong(block, position) != (Long) value) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Groups of rows whose keys are all dictionary-encoded (or one value for the page): the
     * combination of their dictionary ids indexes a table of groups, filled on first sight and
     * kept for the next pages while they share the dictionaries (the Parquet decoder reuses a
     * column chunk's dictionary across its pages). False when the keys are not like that.
     */
    private boolean assignDictionaryGroups(Page page, int[] positions, int count)
    {
        Block[] dictionaries = new Block[groupingChannels.length];
        long combinations = 1;
        for (int k = 0; k < groupingChannels.length; k++) {
            switch (page.getBlock(groupingChannels[k])) {
                case DictionaryBlock dictionary -> {
                    dictionaries[k] = dictionary.getDictionary();
                    combinations *= dictionaries[k].getPositionCount();
                }
                // a run-length encoded key is one value, which a kept table would not know: not kept
                case RunLengthEncodedBlock _ -> dictionaries[k] = null;
                default -> {
                    return false;
                }
            }
            if (combinations > 1 << 16) {
                return false;
            }
        }
        boolean reuse = dictionaryGroups != null && dictionaryGroups.length == combinations && Arrays.equals(dictionaries, cachedDictionaries)
                && Arrays.stream(dictionaries).allMatch(Objects::nonNull);
        if (!reuse) {
            if (combinations >= count && combinations > 64) {
                // a table larger than the page does not pay for itself
                return false;
            }
            dictionaryGroups = new int[(int) combinations];
            Arrays.fill(dictionaryGroups, -1);
            cachedDictionaries = dictionaries;
        }
        // the combined dictionary ids, key by key, in groups
        int[] slots = groups;
        Arrays.fill(slots, 0, count, 0);
        for (int k = 0; k < groupingChannels.length; k++) {
            if (page.getBlock(groupingChannels[k]) instanceof DictionaryBlock dictionary) {
                int size = dictionaries[k].getPositionCount();
                for (int i = 0; i < count; i++) {
                    slots[i] = slots[i] * size + dictionary.getId(positions[i]);
                }
            }
        }
        int[] table = dictionaryGroups;
        for (int i = 0; i < count; i++) {
            int slot = slots[i];
            int group = table[slot];
            if (group < 0) {
                group = groupOf(page, positions[i]);
                table[slot] = group;
            }
            slots[i] = group;
        }
        if (!reuse && Arrays.stream(dictionaries).anyMatch(Objects::isNull)) {
            dictionaryGroups = null;
            cachedDictionaries = null;
        }
        return true;
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
        void add(Inputs inputs, int[] groups, int count, int groupCount);

        void write(int group, BlockBuilder output);
    }

    private static final class CountState
            implements State
    {
        private final int channel;
        // whether the column's nulls are read from its vector (shared with other aggregates of it)
        private final boolean vectorized;
        private long[] counts = new long[16];

        CountState(int channel, boolean vectorized)
        {
            this.channel = channel;
            this.vectorized = vectorized;
        }

        @Override
        public void add(Inputs inputs, int[] groups, int count, int groupCount)
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

    private static final class LongSumState
            implements State
    {
        private final int channel;
        private long[] sums = new long[16];
        private boolean[] seen = new boolean[16];

        LongSumState(int channel)
        {
            this.channel = channel;
        }

        @Override
        public void add(Inputs inputs, int[] groups, int count, int groupCount)
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
    private static final class DecimalSumState
            implements State
    {
        private final int channel;
        private final DecimalType output;
        private long[] pending = new long[16];
        // per group: the 128-bit sum's high and low words at 2 * group, and how often it wrapped
        private long[] wideSums = new long[32];
        private long[] wraps = new long[16];
        private boolean[] seen = new boolean[16];

        DecimalSumState(int channel, DecimalType output)
        {
            this.channel = channel;
            this.output = output;
        }

        @Override
        public void add(Inputs inputs, int[] groups, int count, int groupCount)
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
        public void add(Inputs inputs, int[] groups, int count, int groupCount)
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
        public void add(Inputs inputs, int[] groups, int count, int groupCount)
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
        public void add(Inputs inputs, int[] groups, int count, int groupCount)
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
