package io.basin.spectrum.flight;

import io.basin.spectrum.ScanCounters;
import org.apache.arrow.memory.ArrowBuf;

/** What a worker read for one scan, sent after its last batch: eight longs in {@link ScanCounters.Snapshot} order. */
final class ScanCountersCodec
{
    static final int BYTES = 8 * Long.BYTES;

    private ScanCountersCodec() {}

    static void write(ScanCounters.Snapshot read, ArrowBuf buffer)
    {
        long[] values = {read.files(), read.rowGroupsTotal(), read.rowGroupsRead(), read.bytesRead(), read.rowsRead(), read.rowsReturned(), read.deleteFiles(), read.rowsDeleted()};
        for (int i = 0; i < values.length; i++) {
            buffer.setLong((long) i * Long.BYTES, values[i]);
        }
        buffer.writerIndex(BYTES);
    }

    static ScanCounters.Snapshot read(ArrowBuf buffer)
    {
        if (buffer.readableBytes() < BYTES && buffer.capacity() < BYTES) {
            throw new IllegalArgumentException("Cannot read a worker's scan counters: %d bytes".formatted(buffer.capacity()));
        }
        return new ScanCounters.Snapshot(
                buffer.getLong(0),
                buffer.getLong(8),
                buffer.getLong(16),
                buffer.getLong(24),
                buffer.getLong(32),
                buffer.getLong(40),
                buffer.getLong(48),
                buffer.getLong(56));
    }
}
