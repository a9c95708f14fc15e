package io.basin.spectrum;

import io.trino.spi.TrinoException;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarbinaryType;
import io.trino.spi.type.VarcharType;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static io.airlift.slice.Slices.utf8Slice;
import static io.airlift.slice.Slices.wrappedBuffer;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_NOT_SUPPORTED;

/** Appends a value of Iceberg's generic data model (the inverse of {@link IcebergValueReader}) to a block. */
public interface IcebergValueWriter
{
    void write(BlockBuilder builder, Object value);

    static IcebergValueWriter forType(Type type)
    {
        IcebergValueWriter writer = switch (type) {
            case BooleanType _ -> (builder, value) -> BooleanType.BOOLEAN.writeBoolean(builder, (Boolean) value);
            case IntegerType _ -> (builder, value) -> IntegerType.INTEGER.writeLong(builder, ((Number) value).longValue());
            case BigintType _ -> (builder, value) -> BigintType.BIGINT.writeLong(builder, ((Number) value).longValue());
            case RealType _ -> (builder, value) -> RealType.REAL.writeLong(builder, Float.floatToIntBits((Float) value));
            case DoubleType _ -> (builder, value) -> DoubleType.DOUBLE.writeDouble(builder, ((Number) value).doubleValue());
            case DecimalType decimal when decimal.isShort() -> (builder, value) -> decimal.writeLong(builder, ((BigDecimal) value).setScale(decimal.getScale()).unscaledValue().longValueExact());
            case DecimalType decimal -> (builder, value) -> decimal.writeObject(builder, Int128.valueOf(((BigDecimal) value).setScale(decimal.getScale()).unscaledValue()));
            case DateType _ -> (builder, value) -> DateType.DATE.writeLong(builder, ((LocalDate) value).toEpochDay());
            case VarcharType varchar -> (builder, value) -> varchar.writeSlice(builder, utf8Slice(value.toString()));
            case VarbinaryType _ -> (builder, value) -> {
                ByteBuffer buffer = ((ByteBuffer) value).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                VarbinaryType.VARBINARY.writeSlice(builder, wrappedBuffer(bytes));
            };
            case TimestampType timestamp when timestamp.isShort() -> (builder, value) -> {
                LocalDateTime dateTime = (LocalDateTime) value;
                timestamp.writeLong(builder, dateTime.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + dateTime.getNano() / 1_000);
            };
            default -> throw new TrinoException(LAKE_NOT_SUPPORTED, "Cannot convert Iceberg values to type %s".formatted(type));
        };
        return (builder, value) -> {
            if (value == null) {
                builder.appendNull();
            }
            else {
                writer.write(builder, value);
            }
        };
    }
}
