package io.basin.pgwire.type;

import io.basin.error.BasinException;
import io.basin.execution.expression.function.CivilDate;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HexFormat;
import java.util.Optional;

import static io.basin.error.BasinErrorCode.DATETIME_FIELD_OVERFLOW;
import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static io.basin.error.BasinErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;
import static io.basin.pgwire.type.PgDateTimeText.MICROS_PER_DAY;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * A value as SQL text that Basin's parser reads back as exactly that value, of exactly
 * {@link #type()}: what a bound parameter {@code $n} is replaced with before the statement is
 * parsed. An empty type is PostgreSQL's {@code unknown}: a plain string literal (or {@code NULL})
 * whose type the statement's context decides, as PostgreSQL decides an untyped parameter's.
 * <p>
 * The forms avoid the corners of Calcite's literal parsing: strings are quoted with
 * {@code '} doubled (standard conforming strings; backslash is an ordinary character); floating
 * point values go through a string cast so that {@code NaN}, infinities and {@code -0} survive;
 * dates go through a string cast, as Calcite's {@code DATE '...'} rejects years after 9999, BC
 * years and the days 1582-10-05..14 that the Julian-to-Gregorian switch skipped; timestamps
 * use {@code TIMESTAMP '...'}, which keeps microseconds, except where Calcite misreads it;
 * intervals are written with leading field precisions wide enough for every value that fits
 * Calcite's 32-bit interval fields.
 */
public record SqlLiteral(String sql, Optional<Type> type)
{
    private static final int MAX_DECIMAL_PRECISION = 38;
    private static final long MILLIS_PER_DAY = MICROS_PER_DAY / 1_000;
    private static final HexFormat HEX = HexFormat.of();

    public SqlLiteral
    {
        requireNonNull(sql, "sql is null");
        requireNonNull(type, "type is null");
    }

    /** A string literal of unknown type, for a parameter whose type the client left unspecified. */
    public static SqlLiteral unknown(String text)
    {
        return new SqlLiteral(quote(text), Optional.empty());
    }

    /** {@code NULL} of unknown type. */
    public static SqlLiteral unknownNull()
    {
        return new SqlLiteral("NULL", Optional.empty());
    }

    /** {@code CAST(NULL AS type)}; of type varchar(n) for char(n), as Basin reads char(n). */
    public static SqlLiteral nullOf(Type type)
    {
        return new SqlLiteral("CAST(NULL AS " + sqlTypeName(type) + ")", Optional.of(basinType(type)));
    }

    public static SqlLiteral ofBoolean(boolean value)
    {
        return new SqlLiteral(value ? "TRUE" : "FALSE", Optional.of(BOOLEAN));
    }

    public static SqlLiteral ofSmallint(short value)
    {
        return new SqlLiteral("CAST(" + value + " AS SMALLINT)", Optional.of(SMALLINT));
    }

    public static SqlLiteral ofInteger(int value)
    {
        return new SqlLiteral("CAST(" + value + " AS INTEGER)", Optional.of(INTEGER));
    }

    public static SqlLiteral ofBigint(long value)
    {
        return new SqlLiteral("CAST(" + value + " AS BIGINT)", Optional.of(BIGINT));
    }

    public static SqlLiteral ofReal(float value)
    {
        return new SqlLiteral("CAST('" + new FloatText().realToString(value) + "' AS REAL)", Optional.of(REAL));
    }

    public static SqlLiteral ofDouble(double value)
    {
        return new SqlLiteral("CAST('" + new FloatText().doubleToString(value) + "' AS DOUBLE)", Optional.of(DOUBLE));
    }

    /**
     * A decimal of the smallest type that holds the value with its scale: {@code 12.50} is
     * {@code DECIMAL(4,2)}. Values with more than 38 digits are rounded (half away from zero, as
     * PostgreSQL rounds numerics) to fewer fraction digits.
     *
     * @throws BasinException (22003) when more than 38 digits are left of the decimal point
     */
    public static SqlLiteral ofDecimal(BigDecimal value)
    {
        BigDecimal decimal = value.scale() < 0 ? value.setScale(0) : value;
        // round once from the value itself (rounding twice could lose a carried digit), with
        // fewer fraction digits until the rounded value fits
        for (int scale = Math.min(decimal.scale(), MAX_DECIMAL_PRECISION); decimalPrecision(decimal) > MAX_DECIMAL_PRECISION; scale--) {
            if (scale < 0) {
                throw new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow: a value of %s digits before the decimal point does not fit Basin's decimal of at most %s digits"
                        .formatted(value.precision() - value.scale(), MAX_DECIMAL_PRECISION));
            }
            decimal = value.setScale(scale, RoundingMode.HALF_UP);
        }
        DecimalType type = DecimalType.createDecimalType(decimalPrecision(decimal), decimal.scale());
        return new SqlLiteral("CAST(" + decimal.toPlainString() + " AS " + sqlTypeName(type) + ")", Optional.of(type));
    }

    private static int decimalPrecision(BigDecimal decimal)
    {
        // 0.05 has precision 1 and scale 2 in BigDecimal, but needs DECIMAL(2,2)
        return Math.max(decimal.precision(), decimal.scale());
    }

    public static SqlLiteral ofVarchar(String value)
    {
        return new SqlLiteral("CAST(" + quote(value) + " AS VARCHAR)", Optional.of(VARCHAR));
    }

    /**
     * {@code CHAR(n)} of the value's length (at least 1), which Basin reads as a {@code varchar(n)}
     * padded with spaces. The length counts UTF-16 units, as Calcite's cast does: counting
     * characters would cut a value with characters outside the BMP short.
     */
    public static SqlLiteral ofChar(String value)
    {
        CharType type = CharType.createCharType(Math.max(1, value.length()));
        return new SqlLiteral("CAST(" + quote(value) + " AS " + sqlTypeName(type) + ")", Optional.of(basinType(type)));
    }

    /** The type of a cast to {@code type} in Basin: char(n) becomes varchar(n) (see {@code TypeConverter}). */
    private static Type basinType(Type type)
    {
        return type instanceof CharType charType ? VarcharType.createVarcharType(charType.getLength()) : type;
    }

    public static SqlLiteral ofVarbinary(byte[] value)
    {
        return new SqlLiteral("X'" + HEX.formatHex(value) + "'", Optional.of(VARBINARY));
    }

    /** A date given as days since 1970-01-01. */
    public static SqlLiteral ofDate(long epochDay)
    {
        return new SqlLiteral("CAST('" + PgDateTimeText.dateToString(epochDay) + "' AS DATE)", Optional.of(DATE));
    }

    /** A timestamp given as microseconds since 1970-01-01 00:00:00. */
    public static SqlLiteral ofTimestamp(long epochMicros)
    {
        long epochDay = Math.floorDiv(epochMicros, MICROS_PER_DAY);
        long packed = CivilDate.fromEpochDay(epochDay);
        long year = CivilDate.year(packed);
        if (year < 1 || year > 9999) {
            // Calcite's TIMESTAMP literal takes four-digit years only (and misreads longer ones);
            // a string cast that it cannot fold is left to Basin's own cast, which keeps microseconds
            return new SqlLiteral("CAST('" + PgDateTimeText.timestampToString(epochMicros) + "' AS TIMESTAMP)", Optional.of(TIMESTAMP_MICROS));
        }
        if (year == 1582 && CivilDate.month(packed) == 10 && CivilDate.day(packed) >= 5 && CivilDate.day(packed) <= 14) {
            // Calcite's literal rejects the days the Gregorian reform skipped (and its folding of
            // a string cast drops microseconds): count back from the first Gregorian day
            int daysBefore = 15 - CivilDate.day(packed);
            return new SqlLiteral("(TIMESTAMP '" + PgDateTimeText.timestampToString(epochMicros + daysBefore * MICROS_PER_DAY) + "' - INTERVAL '" + daysBefore + "' DAY)",
                    Optional.of(TIMESTAMP_MICROS));
        }
        return new SqlLiteral("TIMESTAMP '" + PgDateTimeText.timestampToString(epochMicros) + "'", Optional.of(TIMESTAMP_MICROS));
    }

    /**
     * Basin's {@code INTERVAL DAY TO SECOND}, in milliseconds.
     *
     * @throws BasinException (22008) beyond Calcite's 2147483647 days
     */
    public static SqlLiteral ofIntervalDayTime(long millis)
    {
        long days = Math.abs(millis / MILLIS_PER_DAY);
        if (days > Integer.MAX_VALUE) {
            throw new BasinException(DATETIME_FIELD_OVERFLOW, "interval out of range: Basin's day-time intervals take at most %s days".formatted(Integer.MAX_VALUE));
        }
        long rest = Math.abs(millis % MILLIS_PER_DAY);
        String text = "%s%d %02d:%02d:%02d.%03d".formatted(millis < 0 ? "-" : "", days, rest / 3_600_000, rest / 60_000 % 60, rest / 1_000 % 60, rest % 1_000);
        return new SqlLiteral("INTERVAL '" + text + "' DAY(10) TO SECOND(3)", Optional.of(IntervalDayTimeType.INTERVAL_DAY_TIME));
    }

    /**
     * Basin's {@code INTERVAL YEAR TO MONTH}, in months.
     *
     * @throws BasinException (22008) beyond Calcite's 32-bit months
     */
    public static SqlLiteral ofIntervalYearMonth(long months)
    {
        if (months != (int) months) {
            throw new BasinException(DATETIME_FIELD_OVERFLOW, "interval out of range: Basin's year-month intervals take at most %s months".formatted(Integer.MAX_VALUE));
        }
        String text = "%s%d-%d".formatted(months < 0 ? "-" : "", Math.abs(months / 12), Math.abs(months % 12));
        return new SqlLiteral("INTERVAL '" + text + "' YEAR(10) TO MONTH", Optional.of(IntervalYearMonthType.INTERVAL_YEAR_MONTH));
    }

    /** A string literal: single quotes doubled, nothing else escaped. */
    static String quote(String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The SQL name Basin's parser reads as {@code type}. */
    static String sqlTypeName(Type type)
    {
        return switch (type) {
            case BooleanType _ -> "BOOLEAN";
            case TinyintType _ -> "TINYINT";
            case SmallintType _ -> "SMALLINT";
            case IntegerType _ -> "INTEGER";
            case BigintType _ -> "BIGINT";
            case RealType _ -> "REAL";
            case DoubleType _ -> "DOUBLE";
            case DecimalType decimal -> "DECIMAL(%s,%s)".formatted(decimal.getPrecision(), decimal.getScale());
            case VarcharType varchar -> varchar.isUnbounded() ? "VARCHAR" : "VARCHAR(%s)".formatted(varchar.getBoundedLength());
            case CharType charType -> "CHAR(%s)".formatted(charType.getLength());
            case VarbinaryType _ -> "VARBINARY";
            case DateType _ -> "DATE";
            case TimestampType _ -> "TIMESTAMP";
            case IntervalDayTimeType _ -> "INTERVAL DAY TO SECOND";
            case IntervalYearMonthType _ -> "INTERVAL YEAR TO MONTH";
            default -> throw new BasinException(FEATURE_NOT_SUPPORTED, "Type " + type.getDisplayName() + " cannot be written as a literal");
        };
    }
}
