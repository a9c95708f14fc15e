package io.basin.execution.hash;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.basin.type.SliceBytes;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.IntArrayBlock;
import io.trino.spi.block.IntArrayBlockBuilder;
import io.trino.spi.block.LongArrayBlock;
import io.trino.spi.block.LongArrayBlockBuilder;
import io.trino.spi.block.ValueBlock;
import io.trino.spi.block.VariableWidthBlock;
import io.trino.spi.block.VariableWidthBlockBuilder;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Type;

import java.util.Arrays;
import java.util.Optional;

/**
 * The distinct values of one grouping key, indexed by group id, in a typed array so the hash
 * table can compare an incoming row with a group without touching blocks.
 */
abstract sealed class GroupKeyColumn
{
    static final long NULL_HASH = 0x5bd1e9955bd1e995L;

    static GroupKeyColumn create(Type type)
    {
        KeyType keyType = KeyType.forType(type);
        if (type instanceof DoubleType) {
            return new DoubleColumn(type, keyType);
        }
        if (type instanceof BooleanType) {
            return new BooleanColumn(type, keyType);
        }
        if (keyType.isLong()) {
            return new LongColumn(type, keyType);
        }
        if (keyType instanceof KeyType.SliceKey && type.createBlockBuilder(null, 1) instanceof VariableWidthBlockBuilder) {
            return new SliceColumn(type, keyType);
        }
        return new ObjectColumn(type, keyType);
    }

    protected final Type type;
    protected final KeyType keyType;
    protected boolean[] nulls = new boolean[1024];

    GroupKeyColumn(Type type, KeyType keyType)
    {
        this.type = type;
        this.keyType = keyType;
    }

    final long hash(Block block, int position)
    {
        return block.isNull(position) ? NULL_HASH : keyType.hash(block, position);
    }

    final boolean equalsGroup(int group, Block block, int position)
    {
        boolean blockNull = block.isNull(position);
        if (nulls[group] || blockNull) {
            return nulls[group] && blockNull;
        }
        return valueEquals(group, block, position);
    }

    final void add(int group, Block block, int position)
    {
        ensureCapacity(group + 1);
        if (block.isNull(position)) {
            nulls[group] = true;
            addNullValue(group);
        }
        else {
            addValue(group, block, position);
        }
    }

    /** Whether {@code group}'s value equals {@code otherGroup}'s of a column of the same type (NULL equals NULL here). */
    final boolean equalsGroupOf(int group, GroupKeyColumn other, int otherGroup)
    {
        boolean otherNull = other.nulls[otherGroup];
        if (nulls[group] || otherNull) {
            return nulls[group] && otherNull;
        }
        return valueEqualsGroupOf(group, other, otherGroup);
    }

    /** Sets {@code group}'s value to {@code otherGroup}'s of a column of the same type. */
    final void addFrom(int group, GroupKeyColumn other, int otherGroup)
    {
        ensureCapacity(group + 1);
        if (other.nulls[otherGroup]) {
            nulls[group] = true;
            addNullValue(group);
        }
        else {
            addValueFrom(group, other, otherGroup);
        }
    }

    final void addNull(int group)
    {
        ensureCapacity(group + 1);
        nulls[group] = true;
        addNullValue(group);
    }

    /** Stores the value slot of a NULL group (a column that keeps values in group order needs one). */
    void addNullValue(int group) {}

    final void write(int group, BlockBuilder builder)
    {
        if (nulls[group]) {
            builder.appendNull();
        }
        else {
            writeValue(group, builder);
        }
    }

    void ensureCapacity(int size)
    {
        if (size > nulls.length) {
            int newSize = Math.max(size, nulls.length * 2);
            nulls = Arrays.copyOf(nulls, newSize);
            grow(newSize);
        }
    }

    abstract boolean valueEquals(int group, Block block, int position);

    abstract void addValue(int group, Block block, int position);

    /**
     * Folds the hash of each of the first {@code count} rows' values into {@code hashes}: the
     * value's hash when {@code first}, else {@code hashes[i] * 31} plus it, the combination
     * {@link GroupByHash} uses row by row. A subclass reads its blocks in a loop of its own, so the
     * loop's calls stay monomorphic (one loop shared by every column type would not).
     */
    void hashAll(Block block, int count, long[] hashes, boolean first)
    {
        long multiplier = first ? 0 : 31;
        for (int i = 0; i < count; i++) {
            hashes[i] = hashes[i] * multiplier + hash(block, i);
        }
    }

    /**
     * Marks in {@code mismatch} each of the first {@code count} rows whose value differs from its
     * group's ({@code groups[i]}), as {@link #equalsGroup} decides.
     */
    void markMismatches(Block block, int[] groups, int count, boolean[] mismatch)
    {
        for (int i = 0; i < count; i++) {
            if (!equalsGroup(groups[i], block, i)) {
                mismatch[i] = true;
            }
        }
    }

    /** Stores the values of the rows {@code positions[0..count)} as groups {@code firstGroup}, {@code firstGroup + 1}, .... */
    void addAll(int firstGroup, Block block, int[] positions, int count)
    {
        for (int i = 0; i < count; i++) {
            add(firstGroup + i, block, positions[i]);
        }
    }

    /** The values of groups {@code from} to {@code to} (exclusive) as one block. */
    Block toBlock(int from, int to)
    {
        BlockBuilder builder = type.createBlockBuilder(null, to - from);
        for (int group = from; group < to; group++) {
            write(group, builder);
        }
        return builder.build();
    }

    /** The null flags of groups {@code from} to {@code to} (exclusive), when any of them is null. */
    Optional<boolean[]> nullsOf(int from, int to)
    {
        for (int group = from; group < to; group++) {
            if (nulls[group]) {
                return Optional.of(Arrays.copyOfRange(nulls, from, to));
            }
        }
        return Optional.empty();
    }

    abstract void writeValue(int group, BlockBuilder builder);

    abstract boolean valueEqualsGroupOf(int group, GroupKeyColumn other, int otherGroup);

    abstract void addValueFrom(int group, GroupKeyColumn other, int otherGroup);

    abstract void grow(int newSize);

    abstract long retainedBytesPerGroup();

    static final class LongColumn
            extends GroupKeyColumn
    {
        private long[] values = new long[1024];
        // the type's blocks hold longs (bigint, short decimal, timestamp) or ints (integer, date)
        private final boolean longBlocks;
        private final boolean intBlocks;

        LongColumn(Type type, KeyType keyType)
        {
            super(type, keyType);
            BlockBuilder builder = type.createBlockBuilder(null, 1);
            this.longBlocks = builder instanceof LongArrayBlockBuilder;
            this.intBlocks = builder instanceof IntArrayBlockBuilder;
        }

        @Override
        void hashAll(Block block, int count, long[] hashes, boolean first)
        {
            long multiplier = first ? 0 : 31;
            if (!block.mayHaveNull()) {
                if (block instanceof LongArrayBlock longs) {
                    for (int i = 0; i < count; i++) {
                        hashes[i] = hashes[i] * multiplier + KeyType.mix(longs.getLong(i));
                    }
                    return;
                }
                if (block instanceof IntArrayBlock ints) {
                    for (int i = 0; i < count; i++) {
                        hashes[i] = hashes[i] * multiplier + KeyType.mix(ints.getInt(i));
                    }
                    return;
                }
                if (block instanceof DictionaryBlock view && view.getDictionary() instanceof LongArrayBlock longs) {
                    // a row view (see RowViews): read through its positions
                    int[] ids = view.getRawIds();
                    int offset = view.getRawIdsOffset();
                    for (int i = 0; i < count; i++) {
                        hashes[i] = hashes[i] * multiplier + KeyType.mix(longs.getLong(ids[offset + i]));
                    }
                    return;
                }
            }
            super.hashAll(block, count, hashes, first);
        }

        @Override
        void markMismatches(Block block, int[] groups, int count, boolean[] mismatch)
        {
            if (!block.mayHaveNull()) {
                if (block instanceof LongArrayBlock longs) {
                    for (int i = 0; i < count; i++) {
                        int group = groups[i];
                        if (nulls[group] || values[group] != longs.getLong(i)) {
                            mismatch[i] = true;
                        }
                    }
                    return;
                }
                if (block instanceof IntArrayBlock ints) {
                    for (int i = 0; i < count; i++) {
                        int group = groups[i];
                        if (nulls[group] || values[group] != ints.getInt(i)) {
                            mismatch[i] = true;
                        }
                    }
                    return;
                }
                if (block instanceof DictionaryBlock view && view.getDictionary() instanceof LongArrayBlock longs) {
                    int[] ids = view.getRawIds();
                    int offset = view.getRawIdsOffset();
                    for (int i = 0; i < count; i++) {
                        int group = groups[i];
                        if (nulls[group] || values[group] != longs.getLong(ids[offset + i])) {
                            mismatch[i] = true;
                        }
                    }
                    return;
                }
            }
            super.markMismatches(block, groups, count, mismatch);
        }

        @Override
        Block toBlock(int from, int to)
        {
            int rows = to - from;
            if (longBlocks) {
                return new LongArrayBlock(rows, nullsOf(from, to), Arrays.copyOfRange(values, from, to));
            }
            if (intBlocks) {
                int[] ints = new int[rows];
                for (int i = 0; i < rows; i++) {
                    ints[i] = (int) values[from + i];
                }
                return new IntArrayBlock(rows, nullsOf(from, to), ints);
            }
            return super.toBlock(from, to);
        }

        @Override
        boolean valueEquals(int group, Block block, int position)
        {
            return values[group] == type.getLong(block, position);
        }

        @Override
        void addValue(int group, Block block, int position)
        {
            values[group] = type.getLong(block, position);
        }

        @Override
        boolean valueEqualsGroupOf(int group, GroupKeyColumn other, int otherGroup)
        {
            return values[group] == ((LongColumn) other).values[otherGroup];
        }

        @Override
        void addValueFrom(int group, GroupKeyColumn other, int otherGroup)
        {
            values[group] = ((LongColumn) other).values[otherGroup];
        }

        long value(int group)
        {
            return values[group];
        }

        boolean isNull(int group)
        {
            return nulls[group];
        }

        void addLong(int group, long value)
        {
            ensureCapacity(group + 1);
            values[group] = value;
        }

        @Override
        void writeValue(int group, BlockBuilder builder)
        {
            type.writeLong(builder, values[group]);
        }

        @Override
        void grow(int newSize)
        {
            values = Arrays.copyOf(values, newSize);
        }

        @Override
        long retainedBytesPerGroup()
        {
            return 9;
        }
    }

    static final class DoubleColumn
            extends GroupKeyColumn
    {
        private double[] values = new double[1024];

        DoubleColumn(Type type, KeyType keyType)
        {
            super(type, keyType);
        }

        @Override
        boolean valueEquals(int group, Block block, int position)
        {
            return KeyType.DoubleKey.canonical(values[group]) == KeyType.DoubleKey.canonical(type.getDouble(block, position));
        }

        @Override
        void addValue(int group, Block block, int position)
        {
            values[group] = type.getDouble(block, position);
        }

        @Override
        boolean valueEqualsGroupOf(int group, GroupKeyColumn other, int otherGroup)
        {
            return KeyType.DoubleKey.canonical(values[group]) == KeyType.DoubleKey.canonical(((DoubleColumn) other).values[otherGroup]);
        }

        @Override
        void addValueFrom(int group, GroupKeyColumn other, int otherGroup)
        {
            values[group] = ((DoubleColumn) other).values[otherGroup];
        }

        @Override
        void writeValue(int group, BlockBuilder builder)
        {
            type.writeDouble(builder, values[group]);
        }

        @Override
        void grow(int newSize)
        {
            values = Arrays.copyOf(values, newSize);
        }

        @Override
        long retainedBytesPerGroup()
        {
            return 9;
        }
    }

    static final class BooleanColumn
            extends GroupKeyColumn
    {
        private boolean[] values = new boolean[1024];

        BooleanColumn(Type type, KeyType keyType)
        {
            super(type, keyType);
        }

        @Override
        boolean valueEquals(int group, Block block, int position)
        {
            return values[group] == type.getBoolean(block, position);
        }

        @Override
        void addValue(int group, Block block, int position)
        {
            values[group] = type.getBoolean(block, position);
        }

        @Override
        boolean valueEqualsGroupOf(int group, GroupKeyColumn other, int otherGroup)
        {
            return values[group] == ((BooleanColumn) other).values[otherGroup];
        }

        @Override
        void addValueFrom(int group, GroupKeyColumn other, int otherGroup)
        {
            values[group] = ((BooleanColumn) other).values[otherGroup];
        }

        @Override
        void writeValue(int group, BlockBuilder builder)
        {
            type.writeBoolean(builder, values[group]);
        }

        @Override
        void grow(int newSize)
        {
            values = Arrays.copyOf(values, newSize);
        }

        @Override
        long retainedBytesPerGroup()
        {
            return 2;
        }
    }

    /**
     * Varchar and varbinary values, all groups' bytes in one array in group order (groups are
     * added in order), so a new group costs a copy of its bytes and no objects, rows compare with
     * the stored bytes in place, and the groups' values leave as one block without a builder.
     */
    static final class SliceColumn
            extends GroupKeyColumn
    {
        private byte[] bytes = new byte[16 * 1024];
        // group g's bytes are bytes[offsets[g], offsets[g + 1])
        private int[] offsets = new int[1025];
        // the hashes of the last dictionary's entries, which rows over it take without hashing
        private ValueBlock hashedDictionary;
        private long[] dictionaryHashes;

        SliceColumn(Type type, KeyType keyType)
        {
            super(type, keyType);
        }

        @Override
        void hashAll(Block block, int count, long[] hashes, boolean first)
        {
            long multiplier = first ? 0 : 31;
            if (block instanceof DictionaryBlock dictionary && dictionary.getDictionary() instanceof VariableWidthBlock values && values.getPositionCount() <= count) {
                long[] entryHashes = entryHashes(values);
                int[] ids = dictionary.getRawIds();
                int offset = dictionary.getRawIdsOffset();
                for (int i = 0; i < count; i++) {
                    hashes[i] = hashes[i] * multiplier + entryHashes[ids[offset + i]];
                }
                return;
            }
            if (block.getUnderlyingValueBlock() instanceof VariableWidthBlock values) {
                // plain values, or a dictionary (a row view) larger than the page: hash each row's value
                Slice raw = values.getRawSlice();
                for (int i = 0; i < count; i++) {
                    int position = block.getUnderlyingValuePosition(i);
                    long hash = values.isNull(position) ? NULL_HASH : KeyType.SliceKey.hashBytes(raw, values.getRawSliceOffset(position), values.getSliceLength(position));
                    hashes[i] = hashes[i] * multiplier + hash;
                }
                return;
            }
            super.hashAll(block, count, hashes, first);
        }

        /** The hash of each entry of {@code dictionary}, kept while pages share it. */
        private long[] entryHashes(VariableWidthBlock dictionary)
        {
            if (dictionary != hashedDictionary) {
                Slice raw = dictionary.getRawSlice();
                long[] entryHashes = new long[dictionary.getPositionCount()];
                for (int i = 0; i < entryHashes.length; i++) {
                    entryHashes[i] = dictionary.isNull(i) ? NULL_HASH : KeyType.SliceKey.hashBytes(raw, dictionary.getRawSliceOffset(i), dictionary.getSliceLength(i));
                }
                hashedDictionary = dictionary;
                dictionaryHashes = entryHashes;
            }
            return dictionaryHashes;
        }

        @Override
        void markMismatches(Block block, int[] groups, int count, boolean[] mismatch)
        {
            if (block.getUnderlyingValueBlock() instanceof VariableWidthBlock values) {
                Slice raw = values.getRawSlice();
                for (int i = 0; i < count; i++) {
                    int group = groups[i];
                    int position = block.getUnderlyingValuePosition(i);
                    boolean rowNull = values.isNull(position);
                    boolean equal = nulls[group] || rowNull
                            ? nulls[group] && rowNull
                            : storedEquals(group, raw, values.getRawSliceOffset(position), values.getSliceLength(position));
                    if (!equal) {
                        mismatch[i] = true;
                    }
                }
                return;
            }
            super.markMismatches(block, groups, count, mismatch);
        }

        private boolean storedEquals(int group, Slice raw, int offset, int length)
        {
            int start = offsets[group];
            return offsets[group + 1] - start == length && SliceBytes.equal(bytes, start, raw, offset, length);
        }

        @Override
        boolean valueEquals(int group, Block block, int position)
        {
            if (block.getUnderlyingValueBlock() instanceof VariableWidthBlock values) {
                int valuePosition = block.getUnderlyingValuePosition(position);
                return storedEquals(group, values.getRawSlice(), values.getRawSliceOffset(valuePosition), values.getSliceLength(valuePosition));
            }
            Slice slice = type.getSlice(block, position);
            return storedEquals(group, slice, 0, slice.length());
        }

        @Override
        void addValue(int group, Block block, int position)
        {
            if (block.getUnderlyingValueBlock() instanceof VariableWidthBlock values) {
                int valuePosition = block.getUnderlyingValuePosition(position);
                append(group, values.getRawSlice(), values.getRawSliceOffset(valuePosition), values.getSliceLength(valuePosition));
                return;
            }
            Slice slice = type.getSlice(block, position);
            append(group, slice, 0, slice.length());
        }

        @Override
        void addAll(int firstGroup, Block block, int[] positions, int count)
        {
            if (!block.mayHaveNull() && block.getUnderlyingValueBlock() instanceof VariableWidthBlock values) {
                ensureCapacity(firstGroup + count);
                Slice raw = values.getRawSlice();
                for (int i = 0; i < count; i++) {
                    int position = block.getUnderlyingValuePosition(positions[i]);
                    append(firstGroup + i, raw, values.getRawSliceOffset(position), values.getSliceLength(position));
                }
                return;
            }
            super.addAll(firstGroup, block, positions, count);
        }

        @Override
        void addNullValue(int group)
        {
            offsets[group + 1] = offsets[group];
        }

        private void append(int group, Slice source, int offset, int length)
        {
            append(group, source.byteArray(), source.byteArrayOffset() + offset, length);
        }

        /** Stores {@code source[offset, offset + length)} as the value of {@code group}, the next group in order. */
        private void append(int group, byte[] source, int offset, int length)
        {
            int start = offsets[group];
            if (start + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(start + length, bytes.length * 2));
            }
            System.arraycopy(source, offset, bytes, start, length);
            offsets[group + 1] = start + length;
        }

        @Override
        boolean valueEqualsGroupOf(int group, GroupKeyColumn other, int otherGroup)
        {
            SliceColumn column = (SliceColumn) other;
            int start = offsets[group];
            int length = offsets[group + 1] - start;
            int otherStart = column.offsets[otherGroup];
            return column.offsets[otherGroup + 1] - otherStart == length
                    && Arrays.equals(bytes, start, start + length, column.bytes, otherStart, otherStart + length);
        }

        @Override
        void addValueFrom(int group, GroupKeyColumn other, int otherGroup)
        {
            SliceColumn column = (SliceColumn) other;
            int otherStart = column.offsets[otherGroup];
            append(group, column.bytes, otherStart, column.offsets[otherGroup + 1] - otherStart);
        }

        @Override
        void writeValue(int group, BlockBuilder builder)
        {
            int start = offsets[group];
            ((VariableWidthBlockBuilder) builder).writeEntry(bytes, start, offsets[group + 1] - start);
        }

        @Override
        Block toBlock(int from, int to)
        {
            int rows = to - from;
            int start = offsets[from];
            int[] blockOffsets = new int[rows + 1];
            for (int i = 0; i <= rows; i++) {
                blockOffsets[i] = offsets[from + i] - start;
            }
            return new VariableWidthBlock(rows, Slices.wrappedBuffer(Arrays.copyOfRange(bytes, start, offsets[to])), blockOffsets, nullsOf(from, to));
        }

        @Override
        void grow(int newSize)
        {
            offsets = Arrays.copyOf(offsets, newSize + 1);
        }

        @Override
        long retainedBytesPerGroup()
        {
            int groups = offsets.length - 1;
            return 5 + (long) bytes.length / Math.max(1, groups);
        }
    }

    /** Slices (varchar, char, varbinary) and long decimals. */
    static final class ObjectColumn
            extends GroupKeyColumn
    {
        private Object[] values = new Object[1024];
        private long retainedBytes;

        ObjectColumn(Type type, KeyType keyType)
        {
            super(type, keyType);
        }

        @Override
        boolean valueEquals(int group, Block block, int position)
        {
            Object value = values[group];
            if (value instanceof Slice slice) {
                if (keyType instanceof KeyType.CharKey) {
                    return KeyType.CharKey.withoutTrailingSpaces(slice).equals(KeyType.CharKey.withoutTrailingSpaces(type.getSlice(block, position)));
                }
                return KeyType.SliceKey.equalsStored(slice, type, block, position);
            }
            return value.equals(type.getObject(block, position));
        }

        @Override
        void addValue(int group, Block block, int position)
        {
            if (type.getJavaType() == Slice.class) {
                // copy: the slice may point into a large page buffer we must not retain
                Slice slice = type.getSlice(block, position).copy();
                values[group] = slice;
                retainedBytes += slice.length() + 16;
            }
            else {
                values[group] = type.getObject(block, position);
                retainedBytes += 32;
            }
        }

        @Override
        boolean valueEqualsGroupOf(int group, GroupKeyColumn other, int otherGroup)
        {
            Object value = values[group];
            Object otherValue = ((ObjectColumn) other).values[otherGroup];
            if (value instanceof Slice slice && keyType instanceof KeyType.CharKey) {
                return KeyType.CharKey.withoutTrailingSpaces(slice).equals(KeyType.CharKey.withoutTrailingSpaces((Slice) otherValue));
            }
            return value.equals(otherValue);
        }

        @Override
        void addValueFrom(int group, GroupKeyColumn other, int otherGroup)
        {
            // stored values are private copies and never change, so the two tables may share them
            Object value = ((ObjectColumn) other).values[otherGroup];
            values[group] = value;
            retainedBytes += value instanceof Slice slice ? slice.length() + 16 : 32;
        }

        @Override
        void writeValue(int group, BlockBuilder builder)
        {
            Object value = values[group];
            if (value instanceof Slice slice) {
                type.writeSlice(builder, slice);
            }
            else {
                type.writeObject(builder, value);
            }
        }

        @Override
        void grow(int newSize)
        {
            values = Arrays.copyOf(values, newSize);
        }

        @Override
        long retainedBytesPerGroup()
        {
            return 9 + (values.length == 0 ? 0 : retainedBytes / Math.max(1, values.length));
        }
    }
}
