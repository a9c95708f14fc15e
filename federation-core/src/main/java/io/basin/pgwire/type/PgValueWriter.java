package io.basin.pgwire.type;

import io.trino.spi.block.Block;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * Writes the values of one result column into DataRow messages: per value an int32 length and
 * the bytes, or length -1 for NULL. Create one writer per column of a result (with
 * {@link #forType}) and call it for every row: writers keep scratch space so that common values
 * are written without allocating, and are therefore not thread-safe.
 * <p>
 * Text format is PostgreSQL 17's output with {@code DateStyle = 'ISO, MDY'},
 * {@code IntervalStyle = postgres}, {@code extra_float_digits} 1 or more, {@code bytea_output =
 * hex} and time zone UTC; binary format is that of PostgreSQL's {@code *send} functions. The
 * PostgreSQL type of each engine type is {@link PgColumnType#forType}.
 */
public interface PgValueWriter
{
    /** Appends the value at {@code position} of {@code block} as one DataRow field. */
    void write(Block block, int position, WireBuffer buffer);

    /** A new writer for values of {@code type} in {@code format}. */
    static PgValueWriter forType(Type type, PgFormat format)
    {
        requireNonNull(type, "type is null");
        requireNonNull(format, "format is null");
        return switch (format) {
            case TEXT -> TextValueWriters.forType(type);
            case BINARY -> BinaryValueWriters.forType(type);
        };
    }
}
