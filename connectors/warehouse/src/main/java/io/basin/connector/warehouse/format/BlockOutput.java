package io.basin.connector.warehouse.format;

import java.util.Arrays;

/** A growable little-endian byte buffer that encoders write into. Not thread-safe. */
final class BlockOutput
{
    private byte[] buffer;
    private int size;

    BlockOutput(int initialCapacity)
    {
        buffer = new byte[Math.max(64, initialCapacity)];
    }

    int size()
    {
        return size;
    }

    private void ensure(int more)
    {
        if (size + more > buffer.length) {
            long wanted = Math.max((long) size + more, buffer.length * 2L);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("Column block larger than 2 GB");
            }
            buffer = Arrays.copyOf(buffer, (int) wanted);
        }
    }

    void writeByte(int value)
    {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    void writeShort(int value)
    {
        ensure(2);
        buffer[size++] = (byte) value;
        buffer[size++] = (byte) (value >>> 8);
    }

    void writeInt(int value)
    {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buffer[size++] = (byte) (value >>> (8 * i));
        }
    }

    void writeLong(long value)
    {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buffer[size++] = (byte) (value >>> (8 * i));
        }
    }

    void writeBytes(byte[] bytes, int offset, int length)
    {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    /** Writes a value of {@code width} bytes (1, 2, 4 or 8): the low bytes of {@code value}. */
    void writeWidth(long value, int width)
    {
        ensure(width);
        for (int i = 0; i < width; i++) {
            buffer[size++] = (byte) (value >>> (8 * i));
        }
    }

    byte[] toByteArray()
    {
        return Arrays.copyOf(buffer, size);
    }

    byte[] buffer()
    {
        return buffer;
    }
}
