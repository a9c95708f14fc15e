package io.basin.pgwire.type;

import io.airlift.slice.Slice;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkPositionIndexes;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * A growable byte buffer that protocol messages are built in, big-endian as the PostgreSQL wire
 * protocol is. Value writers append to it directly, so that a result row becomes bytes without
 * intermediate strings or arrays; a length that is known only after the bytes are written is
 * reserved first and filled in afterwards ({@link #reserveInt()}, then {@link #patchLength(int)}
 * for a value or {@link #patchMessageLength(int)} for a message).
 * Not thread-safe.
 */
public final class WireBuffer
{
    private byte[] bytes;
    private int size;

    public WireBuffer()
    {
        this(1024);
    }

    public WireBuffer(int initialCapacity)
    {
        checkArgument(initialCapacity > 0, "initialCapacity must be positive");
        this.bytes = new byte[initialCapacity];
    }

    /** Number of bytes written. */
    public int size()
    {
        return size;
    }

    /** The bytes allocated. */
    public int capacity()
    {
        return bytes.length;
    }

    /** Forgets the contents, keeping the allocated capacity. */
    public void reset()
    {
        size = 0;
    }

    /** Makes room for {@code count} more bytes. */
    public void ensureWritable(int count)
    {
        int required = size + count;
        if (required > bytes.length || required < 0) {
            grow(required);
        }
    }

    private void grow(int required)
    {
        if (required < 0) {
            throw new IllegalStateException("Wire buffer cannot grow beyond 2 GB");
        }
        int capacity = Math.max(required, bytes.length + (bytes.length >> 1));
        bytes = Arrays.copyOf(bytes, capacity < 0 ? Integer.MAX_VALUE - 8 : capacity);
    }

    public void writeByte(int value)
    {
        ensureWritable(1);
        bytes[size++] = (byte) value;
    }

    public void writeShort(int value)
    {
        ensureWritable(2);
        bytes[size] = (byte) (value >>> 8);
        bytes[size + 1] = (byte) value;
        size += 2;
    }

    public void writeInt(int value)
    {
        ensureWritable(4);
        putInt(size, value);
        size += 4;
    }

    public void writeLong(long value)
    {
        ensureWritable(8);
        putInt(size, (int) (value >>> 32));
        putInt(size + 4, (int) value);
        size += 8;
    }

    public void writeBytes(byte[] source)
    {
        writeBytes(source, 0, source.length);
    }

    public void writeBytes(byte[] source, int offset, int length)
    {
        checkPositionIndexes(offset, offset + length, source.length);
        ensureWritable(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    public void writeBytes(Slice source, int offset, int length)
    {
        ensureWritable(length);
        source.getBytes(offset, bytes, size, length);
        size += length;
    }

    /** Writes {@code count} copies of a byte. */
    public void writeRepeated(int value, int count)
    {
        checkArgument(count >= 0, "count is negative");
        ensureWritable(count);
        Arrays.fill(bytes, size, size + count, (byte) value);
        size += count;
    }

    /** Writes the characters of an ASCII string, one byte each. */
    public void writeAscii(String text)
    {
        int length = text.length();
        ensureWritable(length);
        for (int i = 0; i < length; i++) {
            bytes[size + i] = (byte) text.charAt(i);
        }
        size += length;
    }

    /** Writes a zero-terminated string in UTF-8 (the protocol's String). */
    public void writeCString(String text)
    {
        writeBytes(text.getBytes(UTF_8));
        writeByte(0);
    }

    /**
     * Reserves four bytes for a length or count written later with {@link #patchLength} or
     * {@link #setInt}; returns their index.
     */
    public int reserveInt()
    {
        ensureWritable(4);
        int index = size;
        size += 4;
        return index;
    }

    /**
     * Fills the four bytes reserved at {@code index} with the number of bytes written after
     * them, the length prefix of a value in a DataRow.
     */
    public void patchLength(int index)
    {
        setInt(index, size - index - 4);
    }

    /**
     * Fills the four bytes reserved at {@code index} with the length of a protocol message that
     * they start: the bytes written since, the four included.
     */
    public void patchMessageLength(int index)
    {
        setInt(index, size - index);
    }

    public void setInt(int index, int value)
    {
        checkPositionIndexes(index, index + 4, size);
        putInt(index, value);
    }

    private void putInt(int index, int value)
    {
        bytes[index] = (byte) (value >>> 24);
        bytes[index + 1] = (byte) (value >>> 16);
        bytes[index + 2] = (byte) (value >>> 8);
        bytes[index + 3] = (byte) value;
    }

    /** Drops everything written after the first {@code newSize} bytes (a message that failed half-way). */
    public void truncate(int newSize)
    {
        checkPositionIndexes(newSize, newSize, size);
        size = newSize;
    }

    public byte getByte(int index)
    {
        checkPositionIndexes(index, index + 1, size);
        return bytes[index];
    }

    /** The bytes from {@code offset} to the end, decoded as UTF-8. */
    public String toUtf8String(int offset)
    {
        checkPositionIndexes(offset, size, size);
        return new String(bytes, offset, size - offset, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The bytes written, copied. */
    public byte[] toByteArray()
    {
        return Arrays.copyOf(bytes, size);
    }

    public void writeTo(OutputStream output)
            throws IOException
    {
        output.write(bytes, 0, size);
    }

    // direct access for the value writers of this package, which fill reserved space in place:
    // ensureWritable(4 + max), write into array() from size() + 4, then endValue(size(), end)

    byte[] array()
    {
        return bytes;
    }

    /**
     * Ends a value written in place after the four bytes at {@code lengthIndex}: the buffer now
     * ends at {@code end}, and the length prefix holds the value's length.
     */
    void endValue(int lengthIndex, int end)
    {
        checkArgument(lengthIndex >= 0 && end >= lengthIndex + 4 && end <= bytes.length, "value bounds out of range");
        size = end;
        putInt(lengthIndex, end - lengthIndex - 4);
    }
}
