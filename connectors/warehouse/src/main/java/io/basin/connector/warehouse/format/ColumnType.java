package io.basin.connector.warehouse.format;

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

import java.util.Set;

import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static java.util.Objects.requireNonNull;

/**
 * How a SQL type is stored in column blocks: its physical kind, the byte width of one value and
 * the order its values sort in (which zone maps and sort keys follow).
 *
 * @param type the SQL type
 * @param kind the physical representation
 * @param width bytes per value for {@link Kind#LONG} (1, 2, 4 or 8) and {@link Kind#INT128} (16); 0 for {@link Kind#BYTES}
 * @param order how two values compare
 */
public record ColumnType(Type type, Kind kind, int width, Order order)
{
    /** The physical representation of a column's values. */
    public enum Kind
    {
        /** Up to eight bytes, read and written as a Java long (booleans, integers, floats as bits, dates, short decimals and timestamps). */
        LONG,
        /** Sixteen bytes: long decimals. */
        INT128,
        /** Variable-length bytes: varchar, char, varbinary. */
        BYTES,
    }

    /** The order of a column's values. */
    public enum Order
    {
        SIGNED,
        REAL,
        DOUBLE,
        UNSIGNED_BYTES,
    }

    public ColumnType
    {
        requireNonNull(type, "type is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(order, "order is null");
    }

    /** The storage of {@code type}; a type the warehouse cannot store fails with NOT_SUPPORTED. */
    public static ColumnType of(Type type)
    {
        requireNonNull(type, "type is null");
        return switch (type) {
            case BooleanType _, TinyintType _ -> new ColumnType(type, Kind.LONG, 1, Order.SIGNED);
            case SmallintType _ -> new ColumnType(type, Kind.LONG, 2, Order.SIGNED);
            case IntegerType _, DateType _ -> new ColumnType(type, Kind.LONG, 4, Order.SIGNED);
            case RealType _ -> new ColumnType(type, Kind.LONG, 4, Order.REAL);
            case BigintType _ -> new ColumnType(type, Kind.LONG, 8, Order.SIGNED);
            case DoubleType _ -> new ColumnType(type, Kind.LONG, 8, Order.DOUBLE);
            case DecimalType decimal when decimal.isShort() -> new ColumnType(type, Kind.LONG, 8, Order.SIGNED);
            case DecimalType _ -> new ColumnType(type, Kind.INT128, 16, Order.SIGNED);
            case TimestampType timestamp when timestamp.isShort() -> new ColumnType(type, Kind.LONG, 8, Order.SIGNED);
            case VarcharType _, CharType _, VarbinaryType _ -> new ColumnType(type, Kind.BYTES, 0, Order.UNSIGNED_BYTES);
            default -> {
                // Types contributed by the host (e.g. intervals) are stored when they are plain longs.
                if (type.getJavaType() == long.class && type instanceof io.trino.spi.type.FixedWidthType fixed && fixed.getFixedSize() == Long.BYTES && type.isOrderable()) {
                    yield new ColumnType(type, Kind.LONG, 8, Order.SIGNED);
                }
                throw new TrinoException(NOT_SUPPORTED, "Warehouse tables cannot store columns of type " + type.getDisplayName());
            }
        };
    }

    /** Whether the numeric encodings (AZ64, DELTA) apply: integers, decimals, dates and timestamps, as in Redshift. */
    public boolean isNumeric()
    {
        return (kind == Kind.LONG && order == Order.SIGNED && !(type instanceof BooleanType)) || kind == Kind.INT128;
    }

    public boolean isBoolean()
    {
        return type instanceof BooleanType;
    }

    /** The encodings that may be declared for this type with {@code ENCODE}. */
    public Set<Encoding> allowedEncodings()
    {
        if (isBoolean()) {
            return Set.of(Encoding.RAW, Encoding.RUNLENGTH, Encoding.AUTO);
        }
        if (isNumeric()) {
            return Set.of(Encoding.values());
        }
        return Set.of(Encoding.RAW, Encoding.BYTEDICT, Encoding.RUNLENGTH, Encoding.ZSTD, Encoding.LZ4, Encoding.AUTO);
    }
}
