package io.basin.connector.warehouse.format;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import static java.util.Objects.requireNonNull;

/**
 * Reads a block's bytes in order straight from a (memory-mapped) segment, little-endian. Bulk
 * reads copy a run of values from the segment into a Java array in one call. Not thread-safe.
 */
final class BlockInput
{
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final MemorySegment segment;
    private long position;

    BlockInput(MemorySegment segment, long position)
    {
        this.segment = requireNonNull(segment, "segment is null");
        this.position = position;
    }

    long position()
    {
        return position;
    }

    MemorySegment segment()
    {
        return segment;
    }

    int readByte()
    {
        return segment.get(ValueLayout.JAVA_BYTE, position++);
    }

    int readInt()
    {
        int value = segment.get(INT, position);
        position += 4;
        return value;
    }

    long readLong()
    {
        long value = segment.get(LONG, position);
        position += 8;
        return value;
    }

    void readBytes(byte[] target, int offset, int length)
    {
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, position, target, offset, length);
        position += length;
    }

    void readShorts(short[] target, int length)
    {
        MemorySegment.copy(segment, SHORT, position, target, 0, length);
        position += 2L * length;
    }

    void readInts(int[] target, int length)
    {
        MemorySegment.copy(segment, INT, position, target, 0, length);
        position += 4L * length;
    }

    void readLongs(long[] target, int offset, int length)
    {
        MemorySegment.copy(segment, LONG, position, target, offset, length);
        position += 8L * length;
    }
}
