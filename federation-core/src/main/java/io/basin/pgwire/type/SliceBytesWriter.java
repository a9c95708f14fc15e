package io.basin.pgwire.type;

import io.trino.spi.block.Block;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * A value written as its stored bytes: varchar in both formats (text and {@code textsend} are
 * its UTF-8), varbinary in binary ({@code byteasend}).
 */
final class SliceBytesWriter
        extends TextValueWriters.NullableWriter
{
    private final Type type;
    private final BlockValues value = new BlockValues();

    SliceBytesWriter(Type type)
    {
        this.type = requireNonNull(type, "type is null");
    }

    @Override
    void writeValue(Block block, int position, WireBuffer buffer)
    {
        value.loadSlice(type, block, position);
        buffer.writeInt(value.length());
        buffer.writeBytes(value.slice(), value.offset(), value.length());
    }
}
