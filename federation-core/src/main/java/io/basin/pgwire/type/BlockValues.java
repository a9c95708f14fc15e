package io.basin.pgwire.type;

import io.airlift.slice.Slice;
import io.trino.spi.block.Block;
import io.trino.spi.block.ValueBlock;
import io.trino.spi.block.VariableWidthBlock;
import io.trino.spi.type.DateTimeEncoding;
import io.trino.spi.type.LongTimestamp;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.spi.type.TimeType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TimestampWithTimeZoneType;
import io.trino.spi.type.Type;

/**
 * Reads values out of blocks in the form PostgreSQL's wire formats need: date/time values as
 * microseconds (PostgreSQL's resolution; finer Trino precisions rounded half up, as Trino's casts
 * round), and variable-width values as a view of the block's bytes rather than a new
 * {@link Slice} per value. Instances hold the view and are not thread-safe.
 */
final class BlockValues
{
    private static final long PICOS_PER_MICRO = 1_000_000;

    private Slice slice;
    private int offset;
    private int length;

    /** Points this view at the bytes of the variable-width value at {@code position}. */
    void loadSlice(Type type, Block block, int position)
    {
        ValueBlock valueBlock = block.getUnderlyingValueBlock();
        if (valueBlock instanceof VariableWidthBlock variableWidth) {
            int valuePosition = block.getUnderlyingValuePosition(position);
            slice = variableWidth.getRawSlice();
            offset = variableWidth.getRawSliceOffset(valuePosition);
            length = variableWidth.getSliceLength(valuePosition);
            return;
        }
        slice = type.getSlice(block, position);
        offset = 0;
        length = slice.length();
    }

    Slice slice()
    {
        return slice;
    }

    int offset()
    {
        return offset;
    }

    int length()
    {
        return length;
    }

    /** Microseconds since 1970-01-01 00:00:00 of a timestamp. */
    static long epochMicros(TimestampType type, Block block, int position)
    {
        if (type.isShort()) {
            // precisions up to 6 are stored as microseconds
            return type.getLong(block, position);
        }
        LongTimestamp timestamp = (LongTimestamp) type.getObject(block, position);
        return timestamp.getEpochMicros() + (timestamp.getPicosOfMicro() >= PICOS_PER_MICRO / 2 ? 1 : 0);
    }

    /** Microseconds since 1970-01-01 00:00:00 UTC of a timestamp with time zone. */
    static long epochMicros(TimestampWithTimeZoneType type, Block block, int position)
    {
        if (type.isShort()) {
            return DateTimeEncoding.unpackMillisUtc(type.getLong(block, position)) * 1_000;
        }
        LongTimestampWithTimeZone timestamp = (LongTimestampWithTimeZone) type.getObject(block, position);
        int picosOfMilli = timestamp.getPicosOfMilli();
        long micros = picosOfMilli / PICOS_PER_MICRO;
        if (picosOfMilli % PICOS_PER_MICRO >= PICOS_PER_MICRO / 2) {
            micros++;
        }
        return timestamp.getEpochMillis() * 1_000 + micros;
    }

    /** Microseconds since midnight of a time; may be 24:00:00 after rounding, which PostgreSQL allows. */
    static long microsOfDay(TimeType type, Block block, int position)
    {
        long picos = type.getLong(block, position);
        return (picos + PICOS_PER_MICRO / 2) / PICOS_PER_MICRO;
    }
}
