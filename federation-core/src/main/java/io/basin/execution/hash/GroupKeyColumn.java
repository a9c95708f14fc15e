package io.basin.execution.hash;

import io.airlift.slice.Slice;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Type;

import java.util.Arrays;

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
        }
        else {
            addValueFrom(group, other, otherGroup);
        }
    }

    final void addNull(int group)
    {
        ensureCapacity(group + 1);
        nulls[group] = true;
    }

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

    abstract void writeValue(int group, BlockBuilder builder);

    abstract boolean valueEqualsGroupOf(int group, GroupKeyColumn other, int otherGroup);

    abstract void addValueFrom(int group, GroupKeyColumn other, int otherGroup);

    abstract void grow(int newSize);

    abstract long retainedBytesPerGroup();

    static final class LongColumn
            extends GroupKeyColumn
    {
        private long[] values = new long[1024];

        LongColumn(Type type, KeyType keyType)
        {
            super(type, keyType);
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
