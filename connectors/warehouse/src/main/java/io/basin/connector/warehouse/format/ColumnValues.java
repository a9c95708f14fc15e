package io.basin.connector.warehouse.format;

import io.airlift.slice.Slice;
import io.trino.spi.block.Block;
import io.trino.spi.type.Int128;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One column's values in flat arrays, as the writer sorts, encodes and measures them: longs for
 * {@link ColumnType.Kind#LONG}, high/low pairs for {@link ColumnType.Kind#INT128}, and bytes with
 * offsets for {@link ColumnType.Kind#BYTES}. A null position holds zero (or no bytes). Immutable
 * by convention: nothing writes to the arrays after construction.
 */
public final class ColumnValues
{
    private final ColumnType type;
    private final int size;
    private final boolean[] nulls;
    private final long[] longs;
    private final byte[] bytes;
    private final int[] offsets;

    ColumnValues(ColumnType type, int size, boolean[] nulls, long[] longs, byte[] bytes, int[] offsets)
    {
        this.type = requireNonNull(type, "type is null");
        this.size = size;
        this.nulls = nulls;
        this.longs = longs;
        this.bytes = bytes;
        this.offsets = offsets;
    }

    /** The values of {@code blocks}, one after another. */
    public static ColumnValues fromBlocks(ColumnType type, List<Block> blocks)
    {
        int size = 0;
        for (Block block : blocks) {
            size += block.getPositionCount();
        }
        Builder builder = new Builder(type, size);
        for (Block block : blocks) {
            for (int position = 0; position < block.getPositionCount(); position++) {
                builder.append(block, position);
            }
        }
        return builder.build();
    }

    public ColumnType type()
    {
        return type;
    }

    public int size()
    {
        return size;
    }

    public boolean isNull(int position)
    {
        return nulls != null && nulls[position];
    }

    public int nullCount()
    {
        if (nulls == null) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (nulls[i]) {
                count++;
            }
        }
        return count;
    }

    /** The long of a LONG position; the low half of an INT128 one. */
    public long longAt(int position)
    {
        return type.kind() == ColumnType.Kind.INT128 ? longs[2 * position + 1] : longs[position];
    }

    public long highAt(int position)
    {
        return longs[2 * position];
    }

    public int byteLength(int position)
    {
        return offsets[position + 1] - offsets[position];
    }

    public int byteOffset(int position)
    {
        return offsets[position];
    }

    byte[] rawBytes()
    {
        return bytes;
    }

    long[] rawLongs()
    {
        return longs;
    }

    int[] rawOffsets()
    {
        return offsets;
    }

    public byte[] bytesAt(int position)
    {
        return Arrays.copyOfRange(bytes, offsets[position], offsets[position + 1]);
    }

    /** Compares two non-null positions in the type's order. */
    public int compare(int left, int right)
    {
        return switch (type.kind()) {
            case LONG -> compareLongs(type.order(), longs[left], longs[right]);
            case INT128 -> {
                int high = Long.compare(longs[2 * left], longs[2 * right]);
                yield high != 0 ? high : Long.compareUnsigned(longs[2 * left + 1], longs[2 * right + 1]);
            }
            case BYTES -> Arrays.compareUnsigned(bytes, offsets[left], offsets[left + 1], bytes, offsets[right], offsets[right + 1]);
        };
    }

    /** Whether two positions hold the same value (two nulls are the same; float values by their bits). */
    public boolean sameValue(int left, int right)
    {
        boolean leftNull = isNull(left);
        if (leftNull || isNull(right)) {
            return leftNull == isNull(right);
        }
        return switch (type.kind()) {
            case LONG -> longs[left] == longs[right];
            case INT128 -> longs[2 * left] == longs[2 * right] && longs[2 * left + 1] == longs[2 * right + 1];
            case BYTES -> Arrays.equals(bytes, offsets[left], offsets[left + 1], bytes, offsets[right], offsets[right + 1]);
        };
    }

    static int compareLongs(ColumnType.Order order, long left, long right)
    {
        return switch (order) {
            case REAL -> Float.compare(Float.intBitsToFloat((int) left), Float.intBitsToFloat((int) right));
            case DOUBLE -> Double.compare(Double.longBitsToDouble(left), Double.longBitsToDouble(right));
            default -> Long.compare(left, right);
        };
    }

    /** The values at {@code positions}, in that order. */
    public ColumnValues select(int[] positions, int from, int to)
    {
        Builder builder = new Builder(type, to - from);
        for (int i = from; i < to; i++) {
            builder.appendFrom(this, positions[i]);
        }
        return builder.build();
    }

    /** Positions {@code [from, to)}. */
    public ColumnValues region(int from, int to)
    {
        Builder builder = new Builder(type, to - from);
        for (int i = from; i < to; i++) {
            builder.appendFrom(this, i);
        }
        return builder.build();
    }

    /** Accumulates values position by position. */
    public static final class Builder
    {
        private final ColumnType type;
        private final int capacity;
        private boolean[] nulls;
        private final long[] longs;
        private byte[] bytes;
        private final int[] offsets;
        private int size;

        public Builder(ColumnType type, int capacity)
        {
            this.type = requireNonNull(type, "type is null");
            this.capacity = capacity;
            this.longs = switch (type.kind()) {
                case LONG -> new long[capacity];
                case INT128 -> new long[2 * capacity];
                case BYTES -> null;
            };
            this.bytes = type.kind() == ColumnType.Kind.BYTES ? new byte[Math.max(16, capacity * 8)] : null;
            this.offsets = type.kind() == ColumnType.Kind.BYTES ? new int[capacity + 1] : null;
        }

        public Builder appendNull()
        {
            if (nulls == null) {
                nulls = new boolean[capacity];
            }
            nulls[size] = true;
            if (offsets != null) {
                offsets[size + 1] = offsets[size];
            }
            size++;
            return this;
        }

        public Builder appendLong(long value)
        {
            longs[size++] = value;
            return this;
        }

        public Builder appendInt128(long high, long low)
        {
            longs[2 * size] = high;
            longs[2 * size + 1] = low;
            size++;
            return this;
        }

        public Builder appendBytes(byte[] value, int offset, int length)
        {
            int start = offsets[size];
            if (start + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(start + length, (int) Math.min(Integer.MAX_VALUE - 16, bytes.length * 2L)));
            }
            System.arraycopy(value, offset, bytes, start, length);
            offsets[size + 1] = start + length;
            size++;
            return this;
        }

        void append(Block block, int position)
        {
            if (block.isNull(position)) {
                appendNull();
                return;
            }
            switch (type.kind()) {
                case LONG -> appendLong(switch (type.order()) {
                    case DOUBLE -> Double.doubleToRawLongBits(type.type().getDouble(block, position));
                    default -> type.isBoolean() ? (type.type().getBoolean(block, position) ? 1 : 0) : type.type().getLong(block, position);
                });
                case INT128 -> {
                    Int128 value = (Int128) type.type().getObject(block, position);
                    appendInt128(value.getHigh(), value.getLow());
                }
                case BYTES -> {
                    Slice slice = type.type().getSlice(block, position);
                    appendBytes(slice.byteArray(), slice.byteArrayOffset(), slice.length());
                }
            }
        }

        void appendFrom(ColumnValues source, int position)
        {
            if (source.isNull(position)) {
                appendNull();
                return;
            }
            switch (type.kind()) {
                case LONG -> appendLong(source.longs[position]);
                case INT128 -> appendInt128(source.longs[2 * position], source.longs[2 * position + 1]);
                case BYTES -> appendBytes(source.bytes, source.offsets[position], source.byteLength(position));
            }
        }

        public int size()
        {
            return size;
        }

        public ColumnValues build()
        {
            if (size != capacity) {
                throw new IllegalStateException("Expected %s values, got %s".formatted(capacity, size));
            }
            return new ColumnValues(type, size, nulls, longs, bytes, offsets);
        }
    }
}
