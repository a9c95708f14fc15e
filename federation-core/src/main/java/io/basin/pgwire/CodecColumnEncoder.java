package io.basin.pgwire;

import io.basin.pgwire.type.PgColumnType;
import io.basin.pgwire.type.PgFormat;
import io.basin.pgwire.type.PgValueWriter;
import io.trino.spi.block.Block;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/** A result column encoded by the type codec, in text or binary format. */
final class CodecColumnEncoder
        implements ColumnEncoder
{
    private final PgColumnType columnType;
    private final PgFormat format;
    private final PgValueWriter writer;

    CodecColumnEncoder(Type type, PgFormat format)
    {
        this.columnType = PgColumnType.forType(requireNonNull(type, "type is null"));
        this.format = requireNonNull(format, "format is null");
        this.writer = PgValueWriter.forType(type, format);
    }

    @Override
    public int typeOid()
    {
        return columnType.oid();
    }

    @Override
    public int typeSize()
    {
        return columnType.length();
    }

    @Override
    public int typeModifier()
    {
        return columnType.typmod();
    }

    @Override
    public int format()
    {
        return format.code();
    }

    @Override
    public void write(Block block, int position, PgOutput out)
    {
        writer.write(block, position, out.wire());
    }
}
