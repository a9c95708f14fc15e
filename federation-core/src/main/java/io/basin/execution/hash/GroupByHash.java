package io.basin.execution.hash;

import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.IntArrayBlock;
import io.trino.spi.block.LongArrayBlock;
import io.trino.spi.block.ValueBlock;
import io.trino.spi.type.Type;

import java.util.Arrays;
import java.util.List;

/**
 * Assigns dense group ids to distinct key tuples (NULL is a value here, as GROUP BY requires).
 * Open addressing with linear probing over a power-of-two table; each group's hash is kept so
 * the table can grow without rehashing keys.
 * <p>
 * When every key is a dictionary block and the dictionaries have few combinations of entries, a
 * key tuple is looked up once per combination (remembered while pages share the dictionaries)
 * and each row takes its group from its ids, as Trino's dictionary-aware group by does.
 * <p>
 * One key stored as a long (bigint, integer, date, short decimal, ...) has a table of its own
 * that holds each key next to its group id, so a lookup touches one cache line instead of three
 * (slot, group hash, key value): with a million groups (TPC-H q18) almost every lookup misses the
 * caches.
 */
public final class GroupByHash
{
    private final List<Type> types;
    private final GroupKeyColumn[] columns;
    private int[] table;
    private int mask;
    private long[] groupHashes = new long[1024];
    private int groupCount;
    // the dictionaries of the last dictionary-encoded keys, and the group of each combination of their entries (-1: not yet looked up)
    private ValueBlock[] keyDictionaries;
    private int[] dictionaryGroups;
    // one long key: slot i holds the key at 2i and its group + 1 at 2i + 1 (0: empty); NULL has a group of its own
    private final GroupKeyColumn.LongColumn longColumn;
    private long[] longSlots;
    private int longSlotMask;
    private int nullGroup = -1;
    // per page of the column-wise lookup: each row's hash, the rows that claimed new groups, the rows whose key differs from the group found
    private long[] rowHashes = new long[0];
    private int[] newGroupRows = new int[0];
    private boolean[] mismatches = new boolean[0];

    public GroupByHash(List<Type> types)
    {
        this.types = List.copyOf(types);
        this.columns = new GroupKeyColumn[types.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = GroupKeyColumn.create(types.get(i));
        }
        if (columns.length == 1 && columns[0] instanceof GroupKeyColumn.LongColumn column) {
            this.longColumn = column;
            this.longSlots = new long[2 * 2048];
            this.longSlotMask = 2048 - 1;
            this.table = new int[0];
        }
        else {
            this.longColumn = null;
            this.table = new int[2048];
            this.mask = table.length - 1;
        }
    }

    public List<Type> types()
    {
        return types;
    }

    public int groupCount()
    {
        return groupCount;
    }

    /**
     * Returns the group id of each position of the key blocks, adding new groups as needed. The
     * result array is reused when large enough.
     */
    public int[] groupIds(Block[] keys, int positionCount, int[] reuse)
    {
        int[] result = reuse != null && reuse.length >= positionCount ? reuse : new int[positionCount];
        if (groupIdsByDictionaries(keys, positionCount, result)) {
            return result;
        }
        if (longColumn != null) {
            groupIdsOfLongs(keys[0], positionCount, result);
            return result;
        }
        groupIdsByColumns(keys, positionCount, result);
        return result;
    }

    /**
     * The groups of a page's rows, in passes over whole columns instead of a pass over the rows
     * that calls into every column for each row (calls the JIT cannot inline when the key columns
     * are of several types): hash each column into the rows' hashes, find for each row the group
     * with its hash (or claim one), store the new groups' keys, then compare each column with the
     * groups found. Groups are found by their full 64-bit hash, so a row whose key differs from its
     * group's is all but impossible; such a row is looked up again on its own.
     */
    private void groupIdsByColumns(Block[] keys, int positionCount, int[] result)
    {
        if (rowHashes.length < positionCount) {
            rowHashes = new long[Math.max(positionCount, rowHashes.length * 2)];
            newGroupRows = new int[rowHashes.length];
            mismatches = new boolean[rowHashes.length];
        }
        long[] hashes = rowHashes;
        for (int i = 0; i < columns.length; i++) {
            columns[i].hashAll(keys[i], positionCount, hashes, i == 0);
        }
        // one column's hash is the column's own, as in groupOf
        boolean mix = columns.length > 1;
        int[] newRows = newGroupRows;
        int newCount = 0;
        int firstNewGroup = groupCount;
        for (int position = 0; position < positionCount; position++) {
            long hash = mix ? KeyType.mix(hashes[position]) : hashes[position];
            int index = (int) hash & mask;
            int group;
            while (true) {
                int entry = table[index];
                if (entry == 0) {
                    // claiming may grow the table, which changes mask
                    group = claimGroup(hash, index);
                    newRows[newCount++] = position;
                    break;
                }
                group = entry - 1;
                if (groupHashes[group] == hash) {
                    break;
                }
                index = (index + 1) & mask;
            }
            result[position] = group;
        }
        for (int i = 0; i < columns.length; i++) {
            columns[i].addAll(firstNewGroup, keys[i], newRows, newCount);
        }
        boolean[] mismatch = mismatches;
        Arrays.fill(mismatch, 0, positionCount, false);
        for (int i = 0; i < columns.length; i++) {
            columns[i].markMismatches(keys[i], result, positionCount, mismatch);
        }
        for (int position = 0; position < positionCount; position++) {
            if (mismatch[position]) {
                result[position] = groupOf(keys, position);
            }
        }
    }

    private boolean groupIdsByDictionaries(Block[] keys, int positionCount, int[] result)
    {
        long combinations = 1;
        for (Block key : keys) {
            if (!(key instanceof DictionaryBlock dictionary)) {
                return false;
            }
            combinations *= dictionary.getDictionary().getPositionCount();
            // one lookup per combination must cost no more than one per row
            if (combinations > positionCount) {
                return false;
            }
        }
        boolean sameDictionaries = keyDictionaries != null;
        for (int i = 0; sameDictionaries && i < keys.length; i++) {
            sameDictionaries = ((DictionaryBlock) keys[i]).getDictionary() == keyDictionaries[i];
        }
        if (!sameDictionaries) {
            keyDictionaries = new ValueBlock[keys.length];
            for (int i = 0; i < keys.length; i++) {
                keyDictionaries[i] = ((DictionaryBlock) keys[i]).getDictionary();
            }
            dictionaryGroups = new int[(int) combinations];
            Arrays.fill(dictionaryGroups, -1);
        }
        int[][] ids = new int[keys.length][];
        int[] offsets = new int[keys.length];
        int[] sizes = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            DictionaryBlock dictionary = (DictionaryBlock) keys[i];
            ids[i] = dictionary.getRawIds();
            offsets[i] = dictionary.getRawIdsOffset();
            sizes[i] = keyDictionaries[i].getPositionCount();
        }
        int[] groups = dictionaryGroups;
        for (int position = 0; position < positionCount; position++) {
            int combination = 0;
            for (int i = 0; i < keys.length; i++) {
                combination = combination * sizes[i] + ids[i][offsets[i] + position];
            }
            int group = groups[combination];
            if (group < 0) {
                group = groupOf(keys, position);
                groups[combination] = group;
            }
            result[position] = group;
        }
        return true;
    }

    private void groupIdsOfLongs(Block block, int positionCount, int[] result)
    {
        // rows sorted or clustered by the key (lineitem by order key) repeat it: a repeat is the
        // previous row's group, without a probe of the table
        if (!block.mayHaveNull() && block instanceof LongArrayBlock longs) {
            long previous = 0;
            int group = -1;
            for (int position = 0; position < positionCount; position++) {
                long key = longs.getLong(position);
                if (group < 0 || key != previous) {
                    group = groupOfLong(key);
                    previous = key;
                }
                result[position] = group;
            }
        }
        else if (!block.mayHaveNull() && block instanceof DictionaryBlock view && view.getDictionary() instanceof LongArrayBlock longs) {
            // a row view of the rows a filter kept (see RowViews): read them through its positions
            int[] ids = view.getRawIds();
            int offset = view.getRawIdsOffset();
            long previous = 0;
            int group = -1;
            for (int position = 0; position < positionCount; position++) {
                long key = longs.getLong(ids[offset + position]);
                if (group < 0 || key != previous) {
                    group = groupOfLong(key);
                    previous = key;
                }
                result[position] = group;
            }
        }
        else if (!block.mayHaveNull() && block instanceof IntArrayBlock ints) {
            long previous = 0;
            int group = -1;
            for (int position = 0; position < positionCount; position++) {
                long key = ints.getInt(position);
                if (group < 0 || key != previous) {
                    group = groupOfLong(key);
                    previous = key;
                }
                result[position] = group;
            }
        }
        else {
            for (int position = 0; position < positionCount; position++) {
                result[position] = groupOfLongKey(block, position);
            }
        }
    }

    private int groupOfLongKey(Block block, int position)
    {
        if (block.isNull(position)) {
            if (nullGroup < 0) {
                nullGroup = groupCount++;
                longColumn.addNull(nullGroup);
            }
            return nullGroup;
        }
        return groupOfLong(longColumn.type.getLong(block, position));
    }

    private int groupOfLong(long key)
    {
        int slot = (int) KeyType.mix(key) & longSlotMask;
        while (true) {
            long group = longSlots[2 * slot + 1];
            if (group == 0) {
                return addLongGroup(key, slot);
            }
            if (longSlots[2 * slot] == key) {
                return (int) group - 1;
            }
            slot = (slot + 1) & longSlotMask;
        }
    }

    private int addLongGroup(long key, int slot)
    {
        int group = groupCount++;
        longColumn.addLong(group, key);
        longSlots[2 * slot] = key;
        longSlots[2 * slot + 1] = group + 1;
        if (groupCount * 2L > longSlotMask + 1L) {
            rehashLongs();
        }
        return group;
    }

    private void rehashLongs()
    {
        int slots = (longSlotMask + 1) * 2;
        long[] newSlots = new long[2 * slots];
        int newMask = slots - 1;
        for (int old = 0; old <= longSlotMask; old++) {
            long group = longSlots[2 * old + 1];
            if (group != 0) {
                long key = longSlots[2 * old];
                int slot = (int) KeyType.mix(key) & newMask;
                while (newSlots[2 * slot + 1] != 0) {
                    slot = (slot + 1) & newMask;
                }
                newSlots[2 * slot] = key;
                newSlots[2 * slot + 1] = group;
            }
        }
        longSlots = newSlots;
        longSlotMask = newMask;
    }

    /** The group of one key tuple, added when new (the single-key loop of {@link #groupIds} inlines this for one column). */
    private int groupOf(Block[] keys, int position)
    {
        if (longColumn != null) {
            return groupOfLongKey(keys[0], position);
        }
        long hash;
        if (columns.length == 1) {
            hash = columns[0].hash(keys[0], position);
        }
        else {
            hash = 0;
            for (int i = 0; i < columns.length; i++) {
                hash = hash * 31 + columns[i].hash(keys[i], position);
            }
            hash = KeyType.mix(hash);
        }
        int index = (int) hash & mask;
        while (true) {
            int entry = table[index];
            if (entry == 0) {
                return addGroup(keys, position, hash, index);
            }
            int group = entry - 1;
            if (groupHashes[group] == hash && equalsGroup(group, keys, position)) {
                return group;
            }
            index = (index + 1) & mask;
        }
    }

    /** Whether {@code group}'s key tuple is the one at {@code position} (NULL equals NULL here). */
    private boolean equalsGroup(int group, Block[] keys, int position)
    {
        for (int i = 0; i < columns.length; i++) {
            if (!columns[i].equalsGroup(group, keys[i], position)) {
                return false;
            }
        }
        return true;
    }

    private int addGroup(Block[] keys, int position, long hash, int index)
    {
        int group = claimGroup(hash, index);
        for (int i = 0; i < columns.length; i++) {
            columns[i].add(group, keys[i], position);
        }
        return group;
    }

    /** A new group with {@code hash} in the empty slot {@code index}, whose key the caller stores. */
    private int claimGroup(long hash, int index)
    {
        int group = groupCount++;
        if (group >= groupHashes.length) {
            groupHashes = Arrays.copyOf(groupHashes, Math.max(groupHashes.length * 2, group + 1));
        }
        groupHashes[group] = hash;
        table[index] = group + 1;
        if (groupCount * 2L > table.length) {
            // only the slots move: the new group's key is not read here
            rehash();
        }
        return group;
    }

    private void rehash()
    {
        int[] newTable = new int[table.length * 2];
        int newMask = newTable.length - 1;
        for (int group = 0; group < groupCount; group++) {
            int index = (int) groupHashes[group] & newMask;
            while (newTable[index] != 0) {
                index = (index + 1) & newMask;
            }
            newTable[index] = group + 1;
        }
        table = newTable;
        mask = newMask;
    }

    /**
     * Adds the groups of {@code other} (a table of the same key types) that are missing here and
     * returns, for each of its groups, the group it is here. Keys move from column to column with
     * their kept hashes: nothing is written to blocks or hashed again, which is what folding one
     * driver's table into another's costs most.
     */
    public int[] mergeGroups(GroupByHash other)
    {
        if (!types.equals(other.types)) {
            throw new IllegalArgumentException("key types differ: " + types + " and " + other.types);
        }
        int otherGroups = other.groupCount;
        int[] mapping = new int[otherGroups];
        if (longColumn != null) {
            ensureLongSlots(groupCount + otherGroups);
            GroupKeyColumn.LongColumn otherColumn = other.longColumn;
            for (int group = 0; group < otherGroups; group++) {
                if (otherColumn.isNull(group)) {
                    if (nullGroup < 0) {
                        nullGroup = groupCount++;
                        longColumn.addNull(nullGroup);
                    }
                    mapping[group] = nullGroup;
                }
                else {
                    mapping[group] = groupOfLong(otherColumn.value(group));
                }
            }
            return mapping;
        }
        while ((groupCount + (long) otherGroups) * 2 > table.length) {
            rehash();
        }
        for (int otherGroup = 0; otherGroup < otherGroups; otherGroup++) {
            long hash = other.groupHashes[otherGroup];
            int index = (int) hash & mask;
            while (true) {
                int entry = table[index];
                if (entry == 0) {
                    mapping[otherGroup] = addGroupOf(other, otherGroup, hash, index);
                    break;
                }
                int group = entry - 1;
                if (groupHashes[group] == hash && equalsGroupOf(group, other, otherGroup)) {
                    mapping[otherGroup] = group;
                    break;
                }
                index = (index + 1) & mask;
            }
        }
        return mapping;
    }

    private boolean equalsGroupOf(int group, GroupByHash other, int otherGroup)
    {
        for (int i = 0; i < columns.length; i++) {
            if (!columns[i].equalsGroupOf(group, other.columns[i], otherGroup)) {
                return false;
            }
        }
        return true;
    }

    private int addGroupOf(GroupByHash other, int otherGroup, long hash, int index)
    {
        int group = claimGroup(hash, index);
        for (int i = 0; i < columns.length; i++) {
            columns[i].addFrom(group, other.columns[i], otherGroup);
        }
        return group;
    }

    /** Grows the long-key table at once to hold {@code groups} groups, instead of doubling on the way. */
    private void ensureLongSlots(long groups)
    {
        while (groups * 2 > longSlotMask + 1L) {
            rehashLongs();
        }
    }

    /** Appends the key values of {@code group} to one builder per key column. */
    public void writeKeys(int group, BlockBuilder[] builders)
    {
        for (int i = 0; i < columns.length; i++) {
            columns[i].write(group, builders[i]);
        }
    }

    /** The values of key {@code column} of groups {@code from} to {@code to} (exclusive), as one block. */
    public Block keyBlock(int column, int from, int to)
    {
        return columns[column].toBlock(from, to);
    }

    public long retainedBytes()
    {
        long bytes = table.length * 4L + groupHashes.length * 8L + (longSlots == null ? 0 : longSlots.length * 8L);
        for (GroupKeyColumn column : columns) {
            bytes += column.retainedBytesPerGroup() * (long) Math.max(groupCount, 1024);
        }
        return bytes;
    }
}
