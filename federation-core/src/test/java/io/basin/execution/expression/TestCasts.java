package io.basin.execution.expression;

import io.airlift.slice.Slices;
import io.basin.plan.expr.FunctionNames;
import io.basin.type.IntervalDayTimeType;
import io.basin.type.IntervalYearMonthType;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static io.basin.execution.expression.TestingExpressions.argument;
import static io.basin.execution.expression.TestingExpressions.assertSqlError;
import static io.basin.execution.expression.TestingExpressions.evaluate;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.CharType.createCharType;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MILLIS;
import static io.trino.spi.type.TinyintType.TINYINT;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static io.trino.spi.type.VarcharType.createVarcharType;
import static org.assertj.core.api.Assertions.assertThat;

class TestCasts
{
    private static Object cast(Object value, Type from, Type to)
    {
        return evaluate(FunctionNames.CAST, to, argument(value, from));
    }

    @Test
    void doubleToText()
    {
        assertThat(cast(0.1, DOUBLE, VARCHAR)).isEqualTo("0.1");
        assertThat(cast(1e20, DOUBLE, VARCHAR)).isEqualTo("1e+20");
        assertThat(cast(1e15, DOUBLE, VARCHAR)).isEqualTo("1e+15");
        assertThat(cast(123456789012345.0, DOUBLE, VARCHAR)).isEqualTo("123456789012345");
        assertThat(cast(1e-5, DOUBLE, VARCHAR)).isEqualTo("1e-05");
        assertThat(cast(0.0001, DOUBLE, VARCHAR)).isEqualTo("0.0001");
        assertThat(cast(-1.5e-7, DOUBLE, VARCHAR)).isEqualTo("-1.5e-07");
        assertThat(cast(1.0 / 3, DOUBLE, VARCHAR)).isEqualTo("0.3333333333333333");
        assertThat(cast(100.0, DOUBLE, VARCHAR)).isEqualTo("100");
        assertThat(cast(-0.0, DOUBLE, VARCHAR)).isEqualTo("-0");
        assertThat(cast(Double.NaN, DOUBLE, VARCHAR)).isEqualTo("NaN");
        assertThat(cast(Double.NEGATIVE_INFINITY, DOUBLE, VARCHAR)).isEqualTo("-Infinity");
        assertThat(cast(1.7976931348623157e308, DOUBLE, VARCHAR)).isEqualTo("1.7976931348623157e+308");
        assertThat(cast(1234567f, REAL, VARCHAR)).isEqualTo("1.234567e+06");
        assertThat(cast(123456f, REAL, VARCHAR)).isEqualTo("123456");
        assertThat(cast(0.1f, REAL, VARCHAR)).isEqualTo("0.1");
    }

    @Test
    void numbersToText()
    {
        assertThat(cast(-42L, BIGINT, VARCHAR)).isEqualTo("-42");
        assertThat(cast(new BigDecimal("1.50"), createDecimalType(5, 2), VARCHAR)).isEqualTo("1.50");
        assertThat(cast(new BigDecimal("-0.05"), createDecimalType(5, 2), VARCHAR)).isEqualTo("-0.05");
        assertThat(cast(new BigDecimal("0.000"), createDecimalType(5, 3), VARCHAR)).isEqualTo("0.000");
        assertThat(cast(new BigDecimal("-12345678901234567890.123"), createDecimalType(30, 3), VARCHAR)).isEqualTo("-12345678901234567890.123");
        assertThat(cast(true, BOOLEAN, VARCHAR)).isEqualTo("true");
        assertThat(cast(12345L, BIGINT, createVarcharType(3))).isEqualTo("123");
    }

    @Test
    void textToIntegers()
    {
        assertThat(cast(" 42 ", VARCHAR, INTEGER)).isEqualTo(42L);
        assertThat(cast("+5", VARCHAR, BIGINT)).isEqualTo(5L);
        assertThat(cast("1_000", VARCHAR, INTEGER)).isEqualTo(1000L);
        assertThat(cast("-9223372036854775808", VARCHAR, BIGINT)).isEqualTo(Long.MIN_VALUE);
        assertSqlError(() -> cast("abc", VARCHAR, INTEGER), "22P02", "invalid input syntax for type integer: \"abc\"");
        assertSqlError(() -> cast("", VARCHAR, BIGINT), "22P02", "invalid input syntax for type bigint: \"\"");
        assertSqlError(() -> cast("1.5", VARCHAR, INTEGER), "22P02", "invalid input syntax for type integer: \"1.5\"");
        assertSqlError(() -> cast("99999999999", VARCHAR, INTEGER), "22003", "value \"99999999999\" is out of range for type integer");
        assertSqlError(() -> cast("9223372036854775808", VARCHAR, BIGINT), "22003", "out of range for type bigint");
        assertSqlError(() -> cast("40000", VARCHAR, SMALLINT), "22003", "out of range for type smallint");
    }

    @Test
    void textToFloatingPointAndDecimal()
    {
        assertThat(cast(" 1.5e3 ", VARCHAR, DOUBLE)).isEqualTo(1500.0);
        assertThat(cast("NaN", VARCHAR, DOUBLE)).isEqualTo(Double.NaN);
        assertThat(cast("-Infinity", VARCHAR, DOUBLE)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(cast("0.1", VARCHAR, REAL)).isEqualTo((long) Float.floatToIntBits(0.1f));
        assertSqlError(() -> cast("1e400", VARCHAR, DOUBLE), "22003", "out of range for type double precision");
        assertSqlError(() -> cast("abc", VARCHAR, DOUBLE), "22P02", "invalid input syntax for type double precision: \"abc\"");
        assertThat(cast("1.005", VARCHAR, createDecimalType(5, 2))).isEqualTo(new BigDecimal("1.01"));
        assertThat(cast("-1.005", VARCHAR, createDecimalType(5, 2))).isEqualTo(new BigDecimal("-1.01"));
        assertThat(cast("1e2", VARCHAR, createDecimalType(5, 2))).isEqualTo(new BigDecimal("100.00"));
        assertThat(cast("12345678901234567890.5", VARCHAR, createDecimalType(25, 0))).isEqualTo(new BigDecimal("12345678901234567891"));
        assertSqlError(() -> cast("1000", VARCHAR, createDecimalType(5, 2)), "22003", "numeric field overflow");
        assertSqlError(() -> cast("x", VARCHAR, createDecimalType(5, 2)), "22P02", "invalid input syntax for type numeric: \"x\"");
    }

    @Test
    void floatingPointToExact()
    {
        // rint: ties to even
        assertThat(cast(2.5, DOUBLE, INTEGER)).isEqualTo(2L);
        assertThat(cast(3.5, DOUBLE, INTEGER)).isEqualTo(4L);
        assertThat(cast(-2.5, DOUBLE, BIGINT)).isEqualTo(-2L);
        assertThat(cast(2.6f, REAL, SMALLINT)).isEqualTo(3L);
        assertSqlError(() -> cast(1e10, DOUBLE, INTEGER), "22003", "integer out of range");
        assertSqlError(() -> cast(9.3e18, DOUBLE, BIGINT), "22003", "bigint out of range");
        assertSqlError(() -> cast(Double.NaN, DOUBLE, BIGINT), "22003", "bigint out of range");
        assertSqlError(() -> cast(200.0, DOUBLE, TINYINT), "22003", "tinyint out of range");
        // PostgreSQL goes through 15 significant digits: 1.005 (really 1.00499999...) becomes 1.01
        assertThat(cast(1.005, DOUBLE, createDecimalType(10, 2))).isEqualTo(new BigDecimal("1.01"));
        assertThat(cast(0.1, DOUBLE, createDecimalType(10, 2))).isEqualTo(new BigDecimal("0.10"));
        assertThat(cast(0.1f, REAL, createDecimalType(10, 8))).isEqualTo(new BigDecimal("0.10000000"));
        assertThat(cast(1.5e20, DOUBLE, createDecimalType(30, 2))).isEqualTo(new BigDecimal("150000000000000000000.00"));
        assertSqlError(() -> cast(1e10, DOUBLE, createDecimalType(5, 2)), "22003", "numeric field overflow");
        assertSqlError(() -> cast(Double.NaN, DOUBLE, createDecimalType(5, 2)), "22003", "NaN");
    }

    @Test
    void decimalConversions()
    {
        assertThat(cast(new BigDecimal("2.5"), createDecimalType(2, 1), INTEGER)).isEqualTo(3L);
        assertThat(cast(new BigDecimal("-2.5"), createDecimalType(2, 1), BIGINT)).isEqualTo(-3L);
        assertThat(cast(new BigDecimal("-2.4"), createDecimalType(2, 1), BIGINT)).isEqualTo(-2L);
        assertThat(cast(new BigDecimal("9223372036854775807.4"), createDecimalType(20, 1), BIGINT)).isEqualTo(Long.MAX_VALUE);
        assertSqlError(() -> cast(new BigDecimal("9223372036854775807.5"), createDecimalType(20, 1), BIGINT), "22003", "bigint out of range");
        assertSqlError(() -> cast(new BigDecimal("3000000000"), createDecimalType(12, 0), INTEGER), "22003", "integer out of range");
        assertThat(cast(new BigDecimal("0.1"), createDecimalType(5, 1), DOUBLE)).isEqualTo(0.1);
        assertThat(cast(new BigDecimal("12345678901234567890.123"), createDecimalType(30, 3), DOUBLE)).isEqualTo(12345678901234567890.123);
        assertThat(cast(new BigDecimal("0.1"), createDecimalType(5, 1), REAL)).isEqualTo((long) Float.floatToIntBits(0.1f));
        assertThat(cast(42, INTEGER, createDecimalType(3, 1))).isEqualTo(new BigDecimal("42.0"));
        assertThat(cast(Long.MIN_VALUE, BIGINT, createDecimalType(19, 0))).isEqualTo(new BigDecimal(Long.MIN_VALUE));
        assertThat(cast(Long.MIN_VALUE, BIGINT, createDecimalType(38, 10))).isEqualTo(new BigDecimal(Long.MIN_VALUE).setScale(10));
        assertSqlError(() -> cast(100, INTEGER, createDecimalType(3, 1)), "22003", "numeric field overflow");
        assertThat(cast(new BigDecimal("1.23"), createDecimalType(3, 2), createDecimalType(20, 5))).isEqualTo(new BigDecimal("1.23000"));
    }

    @Test
    void integerNarrowingAndFloatingPoint()
    {
        assertThat(cast(40000L, BIGINT, INTEGER)).isEqualTo(40000L);
        assertSqlError(() -> cast(40000L, BIGINT, SMALLINT), "22003", "smallint out of range");
        assertThat(cast(0.1f, REAL, DOUBLE)).isEqualTo((double) 0.1f);
        assertThat(cast(0.1, DOUBLE, REAL)).isEqualTo((long) Float.floatToIntBits(0.1f));
        assertSqlError(() -> cast(1e300, DOUBLE, REAL), "22003", "value out of range: overflow");
        assertThat(cast(7, INTEGER, DOUBLE)).isEqualTo(7.0);
        assertThat(cast(7L, BIGINT, REAL)).isEqualTo((long) Float.floatToIntBits(7f));
    }

    @Test
    void booleans()
    {
        for (String text : new String[] {"true", "t", "TRUE ", "yes", "y", "on", "1", "tr"}) {
            assertThat(cast(text, VARCHAR, BOOLEAN)).as(text).isEqualTo(true);
        }
        for (String text : new String[] {"false", "f", "no", "n", "off", "of", "0", " FALSE"}) {
            assertThat(cast(text, VARCHAR, BOOLEAN)).as(text).isEqualTo(false);
        }
        assertSqlError(() -> cast("o", VARCHAR, BOOLEAN), "22P02", "invalid input syntax for type boolean: \"o\"");
        assertSqlError(() -> cast("maybe", VARCHAR, BOOLEAN), "22P02", "invalid input syntax for type boolean: \"maybe\"");
        assertThat(cast(true, BOOLEAN, INTEGER)).isEqualTo(1L);
        assertThat(cast(5L, BIGINT, BOOLEAN)).isEqualTo(true);
        assertThat(cast(0, INTEGER, BOOLEAN)).isEqualTo(false);
    }

    @Test
    void datesAndTimestamps()
    {
        assertThat(cast("1998-12-01", VARCHAR, DATE)).isEqualTo(LocalDate.of(1998, 12, 1).toEpochDay());
        assertThat(cast(" 2020-1-5 ", VARCHAR, DATE)).isEqualTo(LocalDate.of(2020, 1, 5).toEpochDay());
        assertThat(cast("20200105", VARCHAR, DATE)).isEqualTo(LocalDate.of(2020, 1, 5).toEpochDay());
        assertThat(cast("2020-01-05 12:34:56", VARCHAR, DATE)).isEqualTo(LocalDate.of(2020, 1, 5).toEpochDay());
        assertThat(cast("0044-03-15 BC", VARCHAR, DATE)).isEqualTo(LocalDate.of(-43, 3, 15).toEpochDay());
        assertThat(cast(LocalDate.of(-43, 3, 15), DATE, VARCHAR)).isEqualTo("0044-03-15 BC");
        assertThat(cast(LocalDate.of(1998, 12, 1), DATE, VARCHAR)).isEqualTo("1998-12-01");
        assertThat(cast(LocalDate.of(12345, 1, 2), DATE, VARCHAR)).isEqualTo("12345-01-02");
        assertSqlError(() -> cast("2020-02-30", VARCHAR, DATE), "22008", "date/time field value out of range: \"2020-02-30\"");
        assertSqlError(() -> cast("yesterday-ish", VARCHAR, DATE), "22007", "invalid input syntax for type date: \"yesterday-ish\"");

        LocalDateTime timestamp = LocalDateTime.of(2020, 1, 5, 12, 34, 56, 789_000_000);
        assertThat(cast("2020-01-05 12:34:56.789", VARCHAR, TIMESTAMP_MICROS)).isEqualTo(TestingExpressions.toStackValue(timestamp, TIMESTAMP_MICROS));
        assertThat(cast("2020-01-05T12:34:56.789Z", VARCHAR, TIMESTAMP_MICROS)).isEqualTo(TestingExpressions.toStackValue(timestamp, TIMESTAMP_MICROS));
        assertThat(cast("2020-01-05 12:34:56.789+05:30", VARCHAR, TIMESTAMP_MICROS)).isEqualTo(TestingExpressions.toStackValue(timestamp, TIMESTAMP_MICROS));
        assertThat(cast("2020-01-05", VARCHAR, TIMESTAMP_MICROS)).isEqualTo(TestingExpressions.toStackValue(LocalDateTime.of(2020, 1, 5, 0, 0), TIMESTAMP_MICROS));
        assertThat(cast("2020-01-05 23:59:59.9999996", VARCHAR, TIMESTAMP_MICROS)).isEqualTo(TestingExpressions.toStackValue(LocalDateTime.of(2020, 1, 6, 0, 0), TIMESTAMP_MICROS));
        assertThat(cast(timestamp, TIMESTAMP_MICROS, VARCHAR)).isEqualTo("2020-01-05 12:34:56.789");
        assertThat(cast(LocalDateTime.of(1969, 12, 31, 23, 0), TIMESTAMP_MICROS, VARCHAR)).isEqualTo("1969-12-31 23:00:00");
        assertSqlError(() -> cast("2020-01-05 25:00", VARCHAR, TIMESTAMP_MICROS), "22008", "out of range");

        assertThat(cast(LocalDate.of(2020, 1, 5), DATE, TIMESTAMP_MICROS)).isEqualTo(TestingExpressions.toStackValue(LocalDateTime.of(2020, 1, 5, 0, 0), TIMESTAMP_MICROS));
        assertThat(cast(LocalDateTime.of(1969, 12, 31, 23, 0), TIMESTAMP_MICROS, DATE)).isEqualTo(LocalDate.of(1969, 12, 31).toEpochDay());
        // rounding to fewer fractional digits is half away from zero
        assertThat(cast(LocalDateTime.of(2020, 1, 5, 0, 0, 0, 123_500_000), TIMESTAMP_MICROS, TIMESTAMP_MILLIS))
                .isEqualTo(TestingExpressions.toStackValue(LocalDateTime.of(2020, 1, 5, 0, 0, 0, 124_000_000), TIMESTAMP_MICROS));
    }

    @Test
    void intervals()
    {
        long dayTime = Duration.ofDays(1).plusHours(2).plusMinutes(3).plusMillis(4_500).toMillis();
        assertThat(cast(dayTime, IntervalDayTimeType.INTERVAL_DAY_TIME, VARCHAR)).isEqualTo("1 day 02:03:04.5");
        assertThat(cast(Duration.ofDays(90).toMillis(), IntervalDayTimeType.INTERVAL_DAY_TIME, VARCHAR)).isEqualTo("90 days");
        assertThat(cast(-Duration.ofHours(1).toMillis(), IntervalDayTimeType.INTERVAL_DAY_TIME, VARCHAR)).isEqualTo("-01:00:00");
        assertThat(cast(-Duration.ofHours(26).toMillis(), IntervalDayTimeType.INTERVAL_DAY_TIME, VARCHAR)).isEqualTo("-1 days -02:00:00");
        assertThat(cast(0L, IntervalDayTimeType.INTERVAL_DAY_TIME, VARCHAR)).isEqualTo("00:00:00");
        assertThat(cast(14L, IntervalYearMonthType.INTERVAL_YEAR_MONTH, VARCHAR)).isEqualTo("1 year 2 mons");
        assertThat(cast(-1L, IntervalYearMonthType.INTERVAL_YEAR_MONTH, VARCHAR)).isEqualTo("-1 mons");
        assertThat(cast(24L, IntervalYearMonthType.INTERVAL_YEAR_MONTH, VARCHAR)).isEqualTo("2 years");

        assertThat(cast("1 day 02:03:04.5", VARCHAR, IntervalDayTimeType.INTERVAL_DAY_TIME)).isEqualTo(dayTime);
        assertThat(cast("3 hours", VARCHAR, IntervalDayTimeType.INTERVAL_DAY_TIME)).isEqualTo(Duration.ofHours(3).toMillis());
        assertThat(cast("-1 day", VARCHAR, IntervalDayTimeType.INTERVAL_DAY_TIME)).isEqualTo(-Duration.ofDays(1).toMillis());
        assertThat(cast("90", VARCHAR, IntervalDayTimeType.INTERVAL_DAY_TIME)).isEqualTo(90_000L);
        assertThat(cast("1 year 2 months", VARCHAR, IntervalYearMonthType.INTERVAL_YEAR_MONTH)).isEqualTo(14L);
        assertSqlError(() -> cast("1 fortnight", VARCHAR, IntervalDayTimeType.INTERVAL_DAY_TIME), "22007", "invalid input syntax");
        assertSqlError(() -> cast("1 month", VARCHAR, IntervalDayTimeType.INTERVAL_DAY_TIME), "22007", "invalid input syntax");
    }

    @Test
    void characterTypes()
    {
        assertThat(cast("abcdef", VARCHAR, createVarcharType(3))).isEqualTo("abc");
        assertThat(cast("héllo", VARCHAR, createVarcharType(3))).isEqualTo("hél");
        assertThat(cast("ab", VARCHAR, createCharType(4))).isEqualTo("ab");
        assertThat(cast("abcdef", VARCHAR, createCharType(4))).isEqualTo("abcd");
        assertThat(cast("ab  ", createCharType(4), VARCHAR)).isEqualTo("ab");
        assertThat(evaluate(FunctionNames.EQUAL, BOOLEAN, argument("ab", createCharType(4)), argument("ab  ", createCharType(4)))).isEqualTo(true);
        assertThat(evaluate(FunctionNames.LESS_THAN, BOOLEAN, argument("ab ", createCharType(3)), argument("ab", createCharType(3)))).isEqualTo(false);
        assertThat(evaluate(FunctionNames.EQUAL, BOOLEAN, argument("ab  ", createCharType(4)), argument("ab", VARCHAR))).isEqualTo(true);
        assertThat(evaluate(FunctionNames.LENGTH, BIGINT, argument("ab  ", createCharType(4)))).isEqualTo(2L);
    }

    @Test
    void binary()
    {
        assertThat(cast(Slices.wrappedBuffer(new byte[] {0x0a, (byte) 0xff}), VARBINARY, VARCHAR)).isEqualTo("\\x0aff");
        assertThat(cast("\\x0aff", VARCHAR, VARBINARY)).isEqualTo(Slices.wrappedBuffer(new byte[] {0x0a, (byte) 0xff}));
        assertThat(cast("a\\\\b\\001", VARCHAR, VARBINARY)).isEqualTo(Slices.wrappedBuffer(new byte[] {'a', '\\', 'b', 1}));
        assertSqlError(() -> cast("\\xzz", VARCHAR, VARBINARY), "22P02", "invalid hexadecimal digit");
    }

    @Test
    void unsupportedCastFailsAtCompileTime()
    {
        assertSqlError(() -> cast(LocalDate.of(2020, 1, 1), DATE, INTEGER), "42804", "cannot cast type date to integer");
    }
}
