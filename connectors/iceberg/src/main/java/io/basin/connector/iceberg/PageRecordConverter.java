package io.basin.connector.iceberg;

import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarbinaryType;
import io.trino.spi.type.VarcharType;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_NOT_SUPPORTED;
import static java.lang.Math.floorDiv;
import static java.lang.Math.floorMod;

/** Turns the rows of a page into Iceberg generic records for Iceberg's file writers. */
final class PageRecordConverter
{
    private final Schema schema;
    private final ValueReader[] readers;

    PageRecordConverter(Schema schema, List<Type> types)
    {
        this.schema = schema;
        this.readers = types.stream().map(PageRecordConverter::reader).toArray(ValueReader[]::new);
    }

    /** A record for row {@code position} of {@code page}; reuse is left to the caller. */
    Record toRecord(Page page, int position)
    {
        GenericRecord record = GenericRecord.create(schema);
        for (int channel = 0; channel < readers.length; channel++) {
            Block block = page.getBlock(channel);
            record.set(channel, block.isNull(position) ? null : readers[channel].read(block, position));
        }
        return record;
    }

    private interface ValueReader
    {
        Object read(Block block, int position);
    }

    private static ValueReader reader(Type type)
    {
        return switch (type) {
            case BooleanType _ -> (block, position) -> BooleanType.BOOLEAN.getBoolean(block, position);
            case TinyintType _, SmallintType _, IntegerType _ -> (block, position) -> (int) type.getLong(block, position);
            case BigintType _ -> (block, position) -> BigintType.BIGINT.getLong(block, position);
            case RealType _ -> (block, position) -> RealType.REAL.getFloat(block, position);
            case DoubleType _ -> (block, position) -> DoubleType.DOUBLE.getDouble(block, position);
            case DecimalType decimal when decimal.isShort() -> (block, position) -> BigDecimal.valueOf(decimal.getLong(block, position), decimal.getScale());
            case DecimalType decimal -> (block, position) -> new BigDecimal(((Int128) decimal.getObject(block, position)).toBigInteger(), decimal.getScale());
            case DateType _ -> (block, position) -> LocalDate.ofEpochDay(DateType.DATE.getLong(block, position));
            case VarcharType _, CharType _ -> (block, position) -> type.getSlice(block, position).toStringUtf8();
            case VarbinaryType _ -> (block, position) -> ByteBuffer.wrap(type.getSlice(block, position).getBytes());
            case TimestampType timestamp when timestamp.isShort() -> (block, position) -> {
                long micros = timestamp.getLong(block, position);
                return LocalDateTime.ofEpochSecond(floorDiv(micros, 1_000_000), (int) floorMod(micros, 1_000_000) * 1_000, ZoneOffset.UTC);
            };
            default -> throw new TrinoException(LAKE_NOT_SUPPORTED, "Cannot write type %s to a lake table".formatted(type));
        };
    }
}
