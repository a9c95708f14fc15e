package io.basin.connector.tpch;

import io.airlift.slice.Slices;
import io.trino.spi.block.Block;
import io.trino.spi.block.IntArrayBlock;
import io.trino.spi.block.LongArrayBlock;
import io.trino.spi.block.VariableWidthBlock;
import io.trino.tpch.TpchEntity;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * Accumulates one column's values for one page straight into the primitive arrays that back a
 * Trino block, then hands the arrays over as an immutable block. A buffer is used for exactly one
 * page: the arrays it builds become the block, so they are never reused. Not thread-safe.
 *
 * @param <E> the generator's row type
 */
abstract sealed class ColumnBuffer<E extends TpchEntity>
{
    /** Appends the column's value of {@code row}. */
    abstract void append(E row);

    /** Returns the block of the values appended so far; the buffer must not be used afterwards. */
    abstract Block build();

    static final class LongBuffer<E extends TpchEntity>
            extends ColumnBuffer<E>
    {
        private final ToLongFunction<E> getter;
        private final long[] values;
        private int count;

        LongBuffer(ToLongFunction<E> getter, int capacity)
        {
            this.getter = requireNonNull(getter, "getter is null");
            this.values = new long[capacity];
        }

        @Override
        void append(E row)
        {
            values[count++] = getter.applyAsLong(row);
        }

        @Override
        Block build()
        {
            return new LongArrayBlock(count, Optional.empty(), values);
        }
    }

    static final class IntBuffer<E extends TpchEntity>
            extends ColumnBuffer<E>
    {
        private final ToIntFunction<E> getter;
        private final int[] values;
        private int count;

        IntBuffer(ToIntFunction<E> getter, int capacity)
        {
            this.getter = requireNonNull(getter, "getter is null");
            this.values = new int[capacity];
        }

        @Override
        void append(E row)
        {
            values[count++] = getter.applyAsInt(row);
        }

        @Override
        Block build()
        {
            return new IntArrayBlock(count, Optional.empty(), values);
        }
    }

    /**
     * Writes strings as UTF-8 into one byte array with an offsets array. TPC-H text is pure
     * ASCII, so characters are copied byte by byte without allocating an encoded copy per value;
     * a non-ASCII string (never produced by the generator) still gets a correct UTF-8 encoding.
     */
    static final class VarcharBuffer<E extends TpchEntity>
            extends ColumnBuffer<E>
    {
        private final Function<E, String> getter;
        private final int[] offsets;
        private byte[] bytes;
        private int count;
        private int size;

        VarcharBuffer(Function<E, String> getter, int capacity, int expectedBytes)
        {
            this.getter = requireNonNull(getter, "getter is null");
            this.offsets = new int[capacity + 1];
            this.bytes = new byte[Math.max(expectedBytes, 16)];
        }

        @Override
        void append(E row)
        {
            String value = getter.apply(row);
            int length = value.length();
            ensureCapacity(length);
            int position = size;
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c >= 0x80) {
                    position = appendUtf8(value);
                    break;
                }
                bytes[position++] = (byte) c;
            }
            size = position;
            count++;
            offsets[count] = size;
        }

        private int appendUtf8(String value)
        {
            byte[] encoded = value.getBytes(UTF_8);
            ensureCapacity(encoded.length);
            System.arraycopy(encoded, 0, bytes, size, encoded.length);
            return size + encoded.length;
        }

        private void ensureCapacity(int additional)
        {
            int required = size + additional;
            if (required > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(required, bytes.length * 2));
            }
        }

        @Override
        Block build()
        {
            // Trim the slack so that the block's retained size (what memory accounting and the
            // memory connector see) matches the data.
            byte[] data = size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
            return new VariableWidthBlock(count, Slices.wrappedBuffer(data), offsets, Optional.empty());
        }
    }
}
