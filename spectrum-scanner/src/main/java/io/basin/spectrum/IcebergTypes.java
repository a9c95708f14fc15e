package io.basin.spectrum;

import io.trino.spi.TrinoException;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarbinaryType;
import io.trino.spi.type.VarcharType;
import org.apache.iceberg.types.Types;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_NOT_SUPPORTED;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * Iceberg's types as Trino types and back. Iceberg has no small integers or bounded strings, so
 * {@code smallint}/{@code tinyint} are stored as {@code int} and {@code varchar(n)}/{@code char(n)}
 * as {@code string}; they read back as {@code integer} and {@code varchar}.
 */
public final class IcebergTypes
{
    private IcebergTypes() {}

    public static Type toTrino(org.apache.iceberg.types.Type type)
    {
        return switch (type.typeId()) {
            case BOOLEAN -> BOOLEAN;
            case INTEGER -> INTEGER;
            case LONG -> BIGINT;
            case FLOAT -> REAL;
            case DOUBLE -> DOUBLE;
            case DECIMAL -> {
                Types.DecimalType decimal = (Types.DecimalType) type;
                yield DecimalType.createDecimalType(decimal.precision(), decimal.scale());
            }
            case DATE -> DATE;
            case STRING -> VARCHAR;
            case BINARY, FIXED -> VARBINARY;
            case TIMESTAMP -> {
                if (((Types.TimestampType) type).shouldAdjustToUTC()) {
                    throw unsupported(type);
                }
                yield TIMESTAMP_MICROS;
            }
            default -> throw unsupported(type);
        };
    }

    public static org.apache.iceberg.types.Type toIceberg(Type type)
    {
        if (type instanceof BooleanType) {
            return Types.BooleanType.get();
        }
        if (type instanceof TinyintType || type instanceof SmallintType || type instanceof IntegerType) {
            return Types.IntegerType.get();
        }
        if (type instanceof BigintType) {
            return Types.LongType.get();
        }
        if (type instanceof RealType) {
            return Types.FloatType.get();
        }
        if (type instanceof DoubleType) {
            return Types.DoubleType.get();
        }
        if (type instanceof DecimalType decimal) {
            return Types.DecimalType.of(decimal.getPrecision(), decimal.getScale());
        }
        if (type instanceof DateType) {
            return Types.DateType.get();
        }
        if (type instanceof VarcharType || type instanceof CharType) {
            return Types.StringType.get();
        }
        if (type instanceof VarbinaryType) {
            return Types.BinaryType.get();
        }
        if (type instanceof TimestampType timestamp && timestamp.getPrecision() <= 6) {
            return Types.TimestampType.withoutZone();
        }
        throw new TrinoException(LAKE_NOT_SUPPORTED, "Cannot store type %s in an Iceberg table".formatted(type));
    }

    private static TrinoException unsupported(org.apache.iceberg.types.Type type)
    {
        return new TrinoException(LAKE_NOT_SUPPORTED, "Cannot read Iceberg type %s yet".formatted(type));
    }
}
