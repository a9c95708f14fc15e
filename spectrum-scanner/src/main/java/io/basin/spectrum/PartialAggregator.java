package io.basin.spectrum;

import io.airlift.slice.Slice;
import io.airlift.slice.XxHash64;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.block.Block;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.block.VariableWidthBlock;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    private final AggregateState[] states;
    private final Map<Object, Integer> groupIds = new HashMap<>();
    private final List<Object> groupKeys = new ArrayList<>();
    private final List<Type> outputTypes;
    // group of each kept row of the page being added (all 0 without grouping)
    private int[] groups = new int[0];
    private final LongGroups longGroups = new LongGroups();
    // the aggregated expressions; aggregate channels from columnTypes.size() on are theirs
    private final List<ScanExpressionEvaluator> expressions = new ArrayList<>();
    private final AggregationInputs inputs;
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
        this.inputs = new AggregationInputs(columnTypes, expressions);
        this.steps = new ScanExpressionEvaluator.Steps(inputs::vector);
        this.states = new AggregateState[aggregation.aggregates().size()];
        for (int i = 0; i < states.length; i++) {
            PartialAggregation.Aggregate aggregate = aggregation.aggregates().get(i);
            if (aggregate.expression().isPresent()) {
                // aggregated as the channel after the columns that stands for the expression's values
                int channel = columns.size() + expressions.size();
                expressions.add(new ScanExpressionEvaluator(aggregate.expression().get(), steps));
                aggregate = new PartialAggregation.Aggregate(aggregate.function(), java.util.OptionalInt.of(channel), aggregate.outputType());
            }
            states[i] = AggregateState.of(aggregate, aggregation.aggregates().get(i).inputType(columns));
        }
        this.outputTypes = aggregation.outputTypes(columns);
        this.hashedGroups = groupingTypes.stream().allMatch(HashedGroups::supports) && !groupingTypes.isEmpty() ? new HashedGroups() : null;
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
        for (AggregateState state : states) {
            state.add(inputs, groups, count, groupCount);
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
}
