package io.basin.execution.hash;

import io.airlift.slice.Slice;
import io.airlift.slice.XxHash64;
import io.basin.type.SliceBytes;
import io.trino.spi.block.Block;
import io.trino.spi.block.VariableWidthBlock;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.RealType;
import io.trino.spi.type.Type;

/**
 * Hashing and equality of non-null key values of one type, read straight from blocks. Used by
 * hash joins and hash aggregation; values of a key compare with the type's SQL equality
 * (so -0.0 equals 0.0 and NaN equals NaN for grouping, and char ignores trailing spaces).
 */
public abstract sealed class KeyType
{
    public static KeyType forType(Type type)
    {
        if (type instanceof DoubleType) {
            return new DoubleKey(type);
        }
        if (type instanceof RealType) {
            return new RealKey(type);
        }
        if (type instanceof BooleanType) {
            return new BooleanKey(type);
        }
        if (type instanceof DecimalType decimal && !decimal.isShort()) {
            return new Int128Key(type);
        }
        if (type instanceof CharType) {
            return new CharKey(type);
        }
        Class<?> javaType = type.getJavaType();
        if (javaType == long.class) {
            return new LongKey(type);
        }
        if (javaType == Slice.class) {
            return new SliceKey(type);
        }
        throw new IllegalArgumentException("Type " + type + " cannot be used as a join or grouping key");
    }

    protected final Type type;

    protected KeyType(Type type)
    {
        this.type = type;
    }

    public Type type()
    {
        return type;
    }

    public abstract long hash(Block block, int position);

    public abstract boolean equal(Block left, int leftPosition, Block right, int rightPosition);

    /** True for keys stored as one long (most keys): hash joins and groupings specialize on it. */
    public boolean isLong()
    {
        return false;
    }

    public static long mix(long value)
    {
        // murmur3 fmix64: spreads low-entropy keys (sequential integers) across buckets
        value ^= value >>> 33;
        value *= 0xff51afd7ed558ccdL;
        value ^= value >>> 33;
        value *= 0xc4ceb9fe1a85ec53L;
        value ^= value >>> 33;
        return value;
    }

    static final class LongKey
            extends KeyType
    {
        LongKey(Type type)
        {
            super(type);
        }

        @Override
        public long hash(Block block, int position)
        {
            return mix(type.getLong(block, position));
        }

        @Override
        public boolean equal(Block left, int leftPosition, Block right, int rightPosition)
        {
            return type.getLong(left, leftPosition) == type.getLong(right, rightPosition);
        }

        @Override
        public boolean isLong()
        {
            return true;
        }
    }

    static final class DoubleKey
            extends KeyType
    {
        DoubleKey(Type type)
        {
            super(type);
        }

        static long canonical(double value)
        {
            if (value == 0) {
                return 0;
            }
            if (Double.isNaN(value)) {
                return 0x7ff8000000000000L;
            }
            return Double.doubleToLongBits(value);
        }

        @Override
        public long hash(Block block, int position)
        {
            return mix(canonical(type.getDouble(block, position)));
        }

        @Override
        public boolean equal(Block left, int leftPosition, Block right, int rightPosition)
        {
            return canonical(type.getDouble(left, leftPosition)) == canonical(type.getDouble(right, rightPosition));
        }
    }

    static final class RealKey
            extends KeyType
    {
        RealKey(Type type)
        {
            super(type);
        }

        private long canonical(Block block, int position)
        {
            return DoubleKey.canonical(Float.intBitsToFloat((int) type.getLong(block, position)));
        }

        @Override
        public long hash(Block block, int position)
        {
            return mix(canonical(block, position));
        }

        @Override
        public boolean equal(Block left, int leftPosition, Block right, int rightPosition)
        {
            return canonical(left, leftPosition) == canonical(right, rightPosition);
        }
    }

    static final class BooleanKey
            extends KeyType
    {
        BooleanKey(Type type)
        {
            super(type);
        }

        @Override
        public long hash(Block block, int position)
        {
            return type.getBoolean(block, position) ? 0x9e3779b97f4a7c15L : 0x632be59bd9b4e019L;
        }

        @Override
        public boolean equal(Block left, int leftPosition, Block right, int rightPosition)
        {
            return type.getBoolean(left, leftPosition) == type.getBoolean(right, rightPosition);
        }
    }

    static final class Int128Key
            extends KeyType
    {
        Int128Key(Type type)
        {
            super(type);
        }

        @Override
        public long hash(Block block, int position)
        {
            Int128 value = (Int128) type.getObject(block, position);
            return mix(value.getHigh() * 31 + value.getLow());
        }

        @Override
        public boolean equal(Block left, int leftPosition, Block right, int rightPosition)
        {
            return type.getObject(left, leftPosition).equals(type.getObject(right, rightPosition));
        }
    }

    static final class SliceKey
            extends KeyType
    {
        SliceKey(Type type)
        {
            super(type);
        }

        // Keys are read in place from the block's bytes: a Slice object per row cost about half
        // of a grouping by short strings (TPC-H q1)

        @Override
        public long hash(Block block, int position)
        {
            if (block.getUnderlyingValueBlock() instanceof VariableWidthBlock values) {
                int valuePosition = block.getUnderlyingValuePosition(position);
                return hashBytes(values.getRawSlice(), values.getRawSliceOffset(valuePosition), values.getSliceLength(valuePosition));
            }
            Slice slice = type.getSlice(block, position);
            return hashBytes(slice, 0, slice.length());
        }

        @Override
        public boolean equal(Block left, int leftPosition, Block right, int rightPosition)
        {
            if (left.getUnderlyingValueBlock() instanceof VariableWidthBlock leftValues && right.getUnderlyingValueBlock() instanceof VariableWidthBlock rightValues) {
                int leftValue = left.getUnderlyingValuePosition(leftPosition);
                int rightValue = right.getUnderlyingValuePosition(rightPosition);
                int length = leftValues.getSliceLength(leftValue);
                return length == rightValues.getSliceLength(rightValue)
                        && SliceBytes.equal(leftValues.getRawSlice(), leftValues.getRawSliceOffset(leftValue), rightValues.getRawSlice(), rightValues.getRawSliceOffset(rightValue), length);
            }
            return type.getSlice(left, leftPosition).equals(type.getSlice(right, rightPosition));
        }

        /** Equal to a stored key value (a copied slice) without materializing the block's. */
        static boolean equalsStored(Slice stored, Type type, Block block, int position)
        {
            if (block.getUnderlyingValueBlock() instanceof VariableWidthBlock values) {
                int valuePosition = block.getUnderlyingValuePosition(position);
                int length = values.getSliceLength(valuePosition);
                return stored.length() == length && SliceBytes.equal(stored, 0, values.getRawSlice(), values.getRawSliceOffset(valuePosition), length);
            }
            return stored.equals(type.getSlice(block, position));
        }

        /** Strings of up to eight bytes (flags, codes, short names) hash as one packed long. */
        static long hashBytes(Slice slice, int offset, int length)
        {
            if (length <= Long.BYTES) {
                long packed = 0;
                for (int i = 0; i < length; i++) {
                    packed = (packed << 8) | (slice.getByte(offset + i) & 0xFF);
                }
                return mix(packed * 31 + length);
            }
            return XxHash64.hash(slice, offset, length);
        }
    }

    static final class CharKey
            extends KeyType
    {
        CharKey(Type type)
        {
            super(type);
        }

        private Slice trimmed(Block block, int position)
        {
            return withoutTrailingSpaces(type.getSlice(block, position));
        }

        /** char(n) values compare without their trailing spaces. */
        static Slice withoutTrailingSpaces(Slice slice)
        {
            int length = slice.length();
            while (length > 0 && slice.getByte(length - 1) == ' ') {
                length--;
            }
            return slice.slice(0, length);
        }

        @Override
        public long hash(Block block, int position)
        {
            return XxHash64.hash(trimmed(block, position));
        }

        @Override
        public boolean equal(Block left, int leftPosition, Block right, int rightPosition)
        {
            return trimmed(left, leftPosition).equals(trimmed(right, rightPosition));
        }
    }
}
