package io.basin.connector.warehouse.storage;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.airlift.slice.XxHash64;
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
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarbinaryType;
import io.trino.spi.type.VarcharType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The hash that places a row of a DISTSTYLE KEY table on a slice. It is part of the storage
 * format: it depends only on the value (never on the JVM, the platform or the column's
 * encoding), so a restarted catalog routes new rows exactly as the old ones were routed, and
 * two tables whose keys are of one hash family put equal values on the same slice:
 * <ul>
 * <li>tinyint, smallint, integer and bigint ("integer"): xxHash64 of the value as a 64-bit integer;</li>
 * <li>date, boolean, timestamp(0..6) and other types stored as one 64-bit value: xxHash64 of
 *     that value (days, 0/1, microseconds), each type its own family;</li>
 * <li>real and double: xxHash64 of the IEEE bits of the value as a double, with -0.0 as 0.0 and one NaN;</li>
 * <li>decimal of any precision and scale ("decimal"): xxHash64, seeded with the scale, of the
 *     two's-complement bytes of the unscaled value, after trailing zeros are stripped (so 1.50
 *     and 1.5 hash alike);</li>
 * <li>varchar, char, varbinary: xxHash64 of the bytes.</li>
 * </ul>
 * NULL goes to slice 0.
 */
public final class SliceHash
{
    private SliceHash() {}

    /** The name of the family of types whose equal values hash alike, or empty when {@code type} cannot be a DISTKEY. */
    public static Optional<String> family(Type type)
    {
        return switch (type) {
            case TinyintType _, SmallintType _, IntegerType _, BigintType _ -> Optional.of("integer");
            case DecimalType _ -> Optional.of("decimal");
            case DateType _ -> Optional.of("date");
            case BooleanType _ -> Optional.of("boolean");
            case RealType _, DoubleType _ -> Optional.of("floating");
            case VarcharType _ -> Optional.of("varchar");
            case CharType _ -> Optional.of("char");
            case VarbinaryType _ -> Optional.of("varbinary");
            // timestamps and the host's long-valued types (intervals): by the stored value, per type
            default -> type.getJavaType() == long.class ? Optional.of(type.getDisplayName()) : Optional.empty();
        };
    }

    /** The slice of the value at {@code position} of {@code block}, among {@code sliceCount}. */
    public static int slice(Type type, Block block, int position, int sliceCount)
    {
        if (sliceCount == 1 || block.isNull(position)) {
            return 0;
        }
        return slice(hash(type, block, position), sliceCount);
    }

    public static int slice(long hash, int sliceCount)
    {
        return (int) Long.remainderUnsigned(hash, sliceCount);
    }

    /** The hash of the non-null value at {@code position}. */
    public static long hash(Type type, Block block, int position)
    {
        return switch (type) {
            case RealType _ -> hashDouble(Float.intBitsToFloat((int) type.getLong(block, position)));
            case DoubleType _ -> hashDouble(type.getDouble(block, position));
            case BooleanType _ -> XxHash64.hash(type.getBoolean(block, position) ? 1 : 0);
            case DecimalType decimal when decimal.isShort() -> hashDecimal(BigInteger.valueOf(type.getLong(block, position)), decimal.getScale());
            case DecimalType decimal -> hashDecimal(((Int128) type.getObject(block, position)).toBigInteger(), decimal.getScale());
            case VarcharType _, CharType _, VarbinaryType _ -> XxHash64.hash(type.getSlice(block, position));
            default -> {
                if (type.getJavaType() != long.class) {
                    throw new IllegalArgumentException("Type %s has no slice hash".formatted(type));
                }
                yield XxHash64.hash(type.getLong(block, position));
            }
        };
    }

    private static long hashDouble(double value)
    {
        double canonical = value == 0 ? 0.0 : value;
        return XxHash64.hash(Double.doubleToLongBits(canonical));
    }

    private static long hashDecimal(BigInteger unscaled, int scale)
    {
        BigDecimal normalized = new BigDecimal(unscaled, scale).stripTrailingZeros();
        if (normalized.signum() == 0) {
            normalized = BigDecimal.ZERO;
        }
        Slice bytes = Slices.wrappedBuffer(normalized.unscaledValue().toByteArray());
        return XxHash64.hash(normalized.scale(), bytes);
    }
}
