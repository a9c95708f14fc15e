package io.basin.execution.compare;

import io.basin.error.BasinException;
import io.basin.type.IntervalDayTimeType;
import io.basin.type.IntervalYearMonthType;
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

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;

/**
 * How the values of an orderable type are stored and compared. Every comparison, hash and
 * normalized key in this package switches over this small enum instead of calling through a
 * {@link Type}, which keeps the hot loops free of megamorphic calls.
 *
 * <p>The mapping is an explicit list of types rather than a guess from the value block class:
 * two types stored in the same block class can order differently (a double's bits are not
 * ordered like a bigint).
 */
public enum ValueKind
{
    /** boolean (false before true) and tinyint, in a {@code ByteArrayBlock}. */
    BYTE,
    /** smallint, in a {@code ShortArrayBlock}. */
    SHORT,
    /** integer and date (days since the epoch), in an {@code IntArrayBlock}. */
    INT,
    /** bigint, short decimal, timestamp(0..6), intervals: signed longs in a {@code LongArrayBlock}. */
    LONG,
    /** real: float bits in an {@code IntArrayBlock}; NaN above every number, -0.0 = 0.0. */
    REAL,
    /** double: double bits in a {@code LongArrayBlock}; NaN above every number, -0.0 = 0.0. */
    DOUBLE,
    /** long decimal: a signed 128-bit unscaled value in an {@code Int128ArrayBlock}. */
    INT128,
    /** timestamp(7..12): epoch micros then picos of the micro, in a {@code Fixed12Block}. */
    FIXED12,
    /** varchar and varbinary: unsigned byte-wise order, which for UTF-8 is code point order ("C" collation). */
    BYTES,
    /** char(n): like {@link #BYTES} after trailing spaces are removed, as PostgreSQL's bpchar. */
    CHAR;

    /** The kind of an orderable type; fails with FEATURE_NOT_SUPPORTED for any other type. */
    public static ValueKind of(Type type)
    {
        return switch (type) {
            case BooleanType _, TinyintType _ -> BYTE;
            case SmallintType _ -> SHORT;
            case IntegerType _, DateType _ -> INT;
            case BigintType _, IntervalDayTimeType _, IntervalYearMonthType _ -> LONG;
            case DecimalType decimal -> decimal.isShort() ? LONG : INT128;
            case TimestampType timestamp -> timestamp.isShort() ? LONG : FIXED12;
            case RealType _ -> REAL;
            case DoubleType _ -> DOUBLE;
            case VarcharType _, VarbinaryType _ -> BYTES;
            case CharType _ -> CHAR;
            default -> throw new BasinException(FEATURE_NOT_SUPPORTED, "Cannot order values of type " + type.getDisplayName());
        };
    }
}
