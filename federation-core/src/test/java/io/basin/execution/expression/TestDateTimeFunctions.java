package io.basin.execution.expression;

import io.basin.plan.expr.FunctionNames;
import io.basin.type.IntervalDayTimeType;
import io.basin.type.IntervalYearMonthType;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Random;

import static io.basin.execution.expression.TestingExpressions.argument;
import static io.basin.execution.expression.TestingExpressions.assertSqlError;
import static io.basin.execution.expression.TestingExpressions.call;
import static io.basin.execution.expression.TestingExpressions.evaluate;
import static io.basin.execution.expression.TestingExpressions.literal;
import static io.basin.execution.expression.TestingExpressions.toStackValue;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

class TestDateTimeFunctions
{
    private static final long SAMPLES = 300;

    private static LocalDateTime randomTimestamp(Random random)
    {
        long start = LocalDateTime.of(1890, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        long end = LocalDateTime.of(2110, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        long seconds = start + (long) (random.nextDouble() * (end - start));
        return LocalDateTime.ofEpochSecond(seconds, random.nextInt(1_000_000) * 1_000, ZoneOffset.UTC);
    }

    private static Object extract(String field, Type resultType, Object value, Type type)
    {
        return evaluate(FunctionNames.EXTRACT, resultType, literal(field, VARCHAR), argument(value, type));
    }

    @Test
    void extractMatchesJavaTime()
    {
        Random random = new Random(3);
        for (int i = 0; i < SAMPLES; i++) {
            LocalDateTime t = randomTimestamp(random);
            int year = t.getYear();
            assertThat(extract("year", BIGINT, t, TIMESTAMP_MICROS)).isEqualTo((long) year);
            assertThat(extract("quarter", INTEGER, t, TIMESTAMP_MICROS)).isEqualTo((long) (t.getMonthValue() - 1) / 3 + 1);
            assertThat(extract("month", BIGINT, t, TIMESTAMP_MICROS)).isEqualTo((long) t.getMonthValue());
            assertThat(extract("week", BIGINT, t, TIMESTAMP_MICROS)).isEqualTo((long) t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            assertThat(extract("isoyear", BIGINT, t, TIMESTAMP_MICROS)).isEqualTo((long) t.get(IsoFields.WEEK_BASED_YEAR));
            assertThat(extract("day", BIGINT, t, TIMESTAMP_MICROS)).isEqualTo((long) t.getDayOfMonth());
            assertThat(extract("dow", BIGINT, t, TIMESTAMP_MICROS)).isEqualTo((long) t.getDayOfWeek().getValue() % 7);
            assertThat(extract("isodow", BIGINT, t, TIMESTAMP_MICROS)).isEqualTo((long) t.getDayOfWeek().getValue());
            assertThat(extract("doy", BIGINT, t, TIMESTAMP_MICROS)).isEqualTo((long) t.getDayOfYear());
            assertThat(extract("hour", BIGINT, t, TIMESTAMP_MICROS)).isEqualTo((long) t.getHour());
            assertThat(extract("minute", BIGINT, t, TIMESTAMP_MICROS)).isEqualTo((long) t.getMinute());
            assertThat(extract("second", BIGINT, t, TIMESTAMP_MICROS)).isEqualTo((long) t.getSecond());
            BigDecimal seconds = BigDecimal.valueOf(t.getSecond()).add(BigDecimal.valueOf(t.getNano() / 1000, 6));
            assertThat(extract("second", createDecimalType(8, 6), t, TIMESTAMP_MICROS)).isEqualTo(seconds);
            assertThat(extract("second", DOUBLE, t, TIMESTAMP_MICROS)).isEqualTo(seconds.doubleValue());
            assertThat(extract("milliseconds", createDecimalType(8, 3), t, TIMESTAMP_MICROS)).isEqualTo(seconds.movePointRight(3).setScale(3, RoundingMode.HALF_UP));
            assertThat(extract("microsecond", BIGINT, t, TIMESTAMP_MICROS)).isEqualTo(seconds.movePointRight(6).longValueExact());
            long epochSeconds = t.toEpochSecond(ZoneOffset.UTC);
            assertThat(extract("epoch", BIGINT, t, TIMESTAMP_MICROS)).isEqualTo(epochSeconds);
            assertThat(extract("epoch", createDecimalType(18, 6), t, TIMESTAMP_MICROS)).isEqualTo(BigDecimal.valueOf(epochSeconds).add(BigDecimal.valueOf(t.getNano() / 1000, 6)));
            assertThat(extract("decade", BIGINT, t, TIMESTAMP_MICROS)).isEqualTo((long) year / 10);
            assertThat(extract("century", BIGINT, t, TIMESTAMP_MICROS)).isEqualTo((long) (year + 99) / 100);
            assertThat(extract("millennium", BIGINT, t, TIMESTAMP_MICROS)).isEqualTo((long) (year + 999) / 1000);
            LocalDate date = t.toLocalDate();
            assertThat(extract("year", BIGINT, date, DATE)).isEqualTo((long) year);
            assertThat(extract("doy", BIGINT, date, DATE)).isEqualTo((long) t.getDayOfYear());
            assertThat(extract("hour", BIGINT, date, DATE)).isEqualTo(0L);
        }
    }

    @Test
    void extractEdgeCases()
    {
        // PostgreSQL numbers the year before 1 AD as -1, and centuries/millennia count from year 1
        assertThat(extract("year", BIGINT, LocalDate.of(0, 6, 1), DATE)).isEqualTo(-1L);
        assertThat(extract("century", BIGINT, LocalDate.of(2000, 12, 31), DATE)).isEqualTo(20L);
        assertThat(extract("century", BIGINT, LocalDate.of(2001, 1, 1), DATE)).isEqualTo(21L);
        assertThat(extract("century", BIGINT, LocalDate.of(0, 1, 1), DATE)).isEqualTo(-1L);
        assertThat(extract("millennium", BIGINT, LocalDate.of(2000, 1, 1), DATE)).isEqualTo(2L);
        assertThat(extract("epoch", BIGINT, LocalDateTime.of(1969, 12, 31, 23, 59, 59, 500_000_000), TIMESTAMP_MICROS)).isEqualTo(-1L);
        assertThat(extract("second", createDecimalType(8, 6), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 500_000_000), TIMESTAMP_MICROS)).isEqualTo(new BigDecimal("59.500000"));
        assertThat(extract("yr", BIGINT, LocalDate.of(1998, 12, 1), DATE)).isEqualTo(1998L);
        assertSqlError(() -> extract("fortnight", BIGINT, LocalDate.of(1998, 12, 1), DATE), "22023", "unit \"fortnight\" not recognized");
        // intervals
        long interval = Duration.ofDays(3).plusHours(4).plusMinutes(5).plusMillis(6_700).toMillis();
        assertThat(extract("day", BIGINT, interval, IntervalDayTimeType.INTERVAL_DAY_TIME)).isEqualTo(3L);
        assertThat(extract("hour", BIGINT, interval, IntervalDayTimeType.INTERVAL_DAY_TIME)).isEqualTo(4L);
        assertThat(extract("second", createDecimalType(9, 6), interval, IntervalDayTimeType.INTERVAL_DAY_TIME)).isEqualTo(new BigDecimal("6.700000"));
        assertThat(extract("epoch", BIGINT, interval, IntervalDayTimeType.INTERVAL_DAY_TIME)).isEqualTo(interval / 1000);
        assertThat(extract("year", BIGINT, 27L, IntervalYearMonthType.INTERVAL_YEAR_MONTH)).isEqualTo(2L);
        assertThat(extract("month", BIGINT, 27L, IntervalYearMonthType.INTERVAL_YEAR_MONTH)).isEqualTo(3L);
    }

    private static Object trunc(String unit, LocalDateTime value)
    {
        return evaluate(FunctionNames.DATE_TRUNC, TIMESTAMP_MICROS, literal(unit, VARCHAR), argument(value, TIMESTAMP_MICROS));
    }

    @Test
    void dateTruncMatchesJavaTime()
    {
        Random random = new Random(5);
        for (int i = 0; i < SAMPLES; i++) {
            LocalDateTime t = randomTimestamp(random);
            LocalDateTime day = t.truncatedTo(ChronoUnit.DAYS);
            assertThat(trunc("microseconds", t)).isEqualTo(toStackValue(t, TIMESTAMP_MICROS));
            assertThat(trunc("milliseconds", t)).isEqualTo(toStackValue(t.truncatedTo(ChronoUnit.MILLIS), TIMESTAMP_MICROS));
            assertThat(trunc("second", t)).isEqualTo(toStackValue(t.truncatedTo(ChronoUnit.SECONDS), TIMESTAMP_MICROS));
            assertThat(trunc("minute", t)).isEqualTo(toStackValue(t.truncatedTo(ChronoUnit.MINUTES), TIMESTAMP_MICROS));
            assertThat(trunc("hour", t)).isEqualTo(toStackValue(t.truncatedTo(ChronoUnit.HOURS), TIMESTAMP_MICROS));
            assertThat(trunc("day", t)).isEqualTo(toStackValue(day, TIMESTAMP_MICROS));
            assertThat(trunc("week", t)).isEqualTo(toStackValue(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), TIMESTAMP_MICROS));
            assertThat(trunc("month", t)).isEqualTo(toStackValue(day.withDayOfMonth(1), TIMESTAMP_MICROS));
            assertThat(trunc("quarter", t)).isEqualTo(toStackValue(day.withDayOfMonth(1).withMonth((t.getMonthValue() - 1) / 3 * 3 + 1), TIMESTAMP_MICROS));
            assertThat(trunc("year", t)).isEqualTo(toStackValue(day.withDayOfYear(1), TIMESTAMP_MICROS));
            assertThat(trunc("decade", t)).isEqualTo(toStackValue(day.withDayOfYear(1).withYear(t.getYear() / 10 * 10), TIMESTAMP_MICROS));
            assertThat(trunc("century", t)).isEqualTo(toStackValue(day.withDayOfYear(1).withYear((t.getYear() - 1) / 100 * 100 + 1), TIMESTAMP_MICROS));
            assertThat(trunc("millennium", t)).isEqualTo(toStackValue(day.withDayOfYear(1).withYear((t.getYear() - 1) / 1000 * 1000 + 1), TIMESTAMP_MICROS));
        }
        // on dates, typed by the planner as date or timestamp
        assertThat(evaluate(FunctionNames.DATE_TRUNC, DATE, literal("month", VARCHAR), argument(LocalDate.of(1998, 12, 17), DATE)))
                .isEqualTo(LocalDate.of(1998, 12, 1).toEpochDay());
        assertThat(evaluate(FunctionNames.DATE_TRUNC, TIMESTAMP_MICROS, literal("quarter", VARCHAR), argument(LocalDate.of(1998, 12, 17), DATE)))
                .isEqualTo(toStackValue(LocalDateTime.of(1998, 10, 1, 0, 0), TIMESTAMP_MICROS));
        assertSqlError(() -> trunc("dow", LocalDateTime.of(2020, 1, 1, 0, 0)), "22023", "not supported for date_trunc");
    }

    private static Object dateAdd(String unit, long amount, LocalDateTime value)
    {
        return evaluate(FunctionNames.DATE_ADD, TIMESTAMP_MICROS, literal(unit, VARCHAR), argument(amount, BIGINT), argument(value, TIMESTAMP_MICROS));
    }

    @Test
    void dateAddClampsToMonthEnd()
    {
        assertThat(evaluate(FunctionNames.DATE_ADD, DATE, literal("month", VARCHAR), argument(1, INTEGER), argument(LocalDate.of(2024, 1, 31), DATE)))
                .isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(evaluate(FunctionNames.DATE_ADD, DATE, literal("month", VARCHAR), argument(1, INTEGER), argument(LocalDate.of(2023, 1, 31), DATE)))
                .isEqualTo(LocalDate.of(2023, 2, 28).toEpochDay());
        assertThat(evaluate(FunctionNames.DATE_ADD, DATE, literal("year", VARCHAR), argument(1, INTEGER), argument(LocalDate.of(2024, 2, 29), DATE)))
                .isEqualTo(LocalDate.of(2025, 2, 28).toEpochDay());
        assertThat(evaluate(FunctionNames.DATE_ADD, DATE, literal("qtr", VARCHAR), argument(-1, INTEGER), argument(LocalDate.of(2024, 5, 31), DATE)))
                .isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
        Random random = new Random(9);
        for (int i = 0; i < SAMPLES; i++) {
            LocalDateTime t = randomTimestamp(random);
            int amount = random.nextInt(2001) - 1000;
            assertThat(dateAdd("month", amount, t)).isEqualTo(toStackValue(t.plusMonths(amount), TIMESTAMP_MICROS));
            assertThat(dateAdd("year", amount, t)).isEqualTo(toStackValue(t.plusYears(amount), TIMESTAMP_MICROS));
            assertThat(dateAdd("week", amount, t)).isEqualTo(toStackValue(t.plusWeeks(amount), TIMESTAMP_MICROS));
            assertThat(dateAdd("day", amount, t)).isEqualTo(toStackValue(t.plusDays(amount), TIMESTAMP_MICROS));
            assertThat(dateAdd("hour", amount, t)).isEqualTo(toStackValue(t.plusHours(amount), TIMESTAMP_MICROS));
            assertThat(dateAdd("minute", amount, t)).isEqualTo(toStackValue(t.plusMinutes(amount), TIMESTAMP_MICROS));
            assertThat(dateAdd("second", amount, t)).isEqualTo(toStackValue(t.plusSeconds(amount), TIMESTAMP_MICROS));
            assertThat(dateAdd("ms", amount, t)).isEqualTo(toStackValue(t.plus(amount, ChronoUnit.MILLIS), TIMESTAMP_MICROS));
        }
        assertSqlError(() -> dateAdd("day", Long.MAX_VALUE / 2, LocalDateTime.of(2020, 1, 1, 0, 0)), "22008", "timestamp out of range");
    }

    private static long dateDiff(String unit, LocalDateTime start, LocalDateTime end)
    {
        return (Long) evaluate(FunctionNames.DATE_DIFF, BIGINT, literal(unit, VARCHAR), argument(start, TIMESTAMP_MICROS), argument(end, TIMESTAMP_MICROS));
    }

    @Test
    void dateDiffCountsBoundaries()
    {
        // one second apart but across a year boundary: one year, month, day, hour, minute crossed
        LocalDateTime before = LocalDateTime.of(2019, 12, 31, 23, 59, 59);
        LocalDateTime after = LocalDateTime.of(2020, 1, 1, 0, 0, 0);
        for (String unit : new String[] {"year", "quarter", "month", "day", "hour", "minute", "second"}) {
            assertThat(dateDiff(unit, before, after)).as(unit).isEqualTo(1L);
        }
        assertThat(dateDiff("year", after, before)).isEqualTo(-1L);
        // almost a year apart in the same year: zero year boundaries
        assertThat(dateDiff("year", LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.of(2020, 12, 31, 0, 0))).isEqualTo(0L);
        // weeks start on Monday: Sunday -> Monday crosses one
        assertThat(dateDiff("week", LocalDateTime.of(2024, 3, 3, 12, 0), LocalDateTime.of(2024, 3, 4, 0, 0))).isEqualTo(1L);
        assertThat(dateDiff("week", LocalDateTime.of(2024, 3, 4, 0, 0), LocalDateTime.of(2024, 3, 10, 23, 0))).isEqualTo(0L);
        assertThat(evaluate(FunctionNames.DATE_DIFF, INTEGER, literal("day", VARCHAR), argument(LocalDate.of(1998, 1, 1), DATE), argument(LocalDate.of(1998, 12, 1), DATE)))
                .isEqualTo(334L);
        Random random = new Random(11);
        for (int i = 0; i < SAMPLES; i++) {
            LocalDateTime a = randomTimestamp(random);
            LocalDateTime b = randomTimestamp(random);
            assertThat(dateDiff("day", a, b)).isEqualTo(ChronoUnit.DAYS.between(a.toLocalDate(), b.toLocalDate()));
            assertThat(dateDiff("month", a, b)).isEqualTo((b.getYear() * 12L + b.getMonthValue()) - (a.getYear() * 12L + a.getMonthValue()));
            assertThat(dateDiff("year", a, b)).isEqualTo((long) b.getYear() - a.getYear());
            assertThat(dateDiff("hour", a, b)).isEqualTo(ChronoUnit.HOURS.between(a.truncatedTo(ChronoUnit.HOURS), b.truncatedTo(ChronoUnit.HOURS)));
            assertThat(dateDiff("week", a, b)).isEqualTo(ChronoUnit.WEEKS.between(
                    a.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    b.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
        }
    }

    @Test
    void currentDateAndTimestampComeFromTheContext()
    {
        // the context is 2024-02-29T23:30Z in zone +02:00
        assertThat(TestingExpressions.evaluate(call(FunctionNames.CURRENT_DATE, DATE))).isEqualTo(LocalDate.of(2024, 3, 1).toEpochDay());
        assertThat(TestingExpressions.evaluate(call(FunctionNames.CURRENT_TIMESTAMP, TIMESTAMP_MICROS)))
                .isEqualTo(toStackValue(LocalDateTime.of(2024, 3, 1, 1, 30), TIMESTAMP_MICROS));
        ExpressionContext other = new ExpressionContext(java.time.Instant.parse("2024-02-29T23:30:00Z"), ZoneOffset.UTC);
        assertThat(TestingExpressions.compiler().evaluateConstant(call(FunctionNames.CURRENT_DATE, DATE), other)).isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
    }

    @Test
    void dateArithmetic()
    {
        Type dayTime = IntervalDayTimeType.INTERVAL_DAY_TIME;
        Type yearMonth = IntervalYearMonthType.INTERVAL_YEAR_MONTH;
        long ninetyDays = Duration.ofDays(90).toMillis();
        assertThat(evaluate(FunctionNames.SUBTRACT, DATE, argument(LocalDate.of(1998, 12, 1), DATE), argument(ninetyDays, dayTime)))
                .isEqualTo(LocalDate.of(1998, 9, 2).toEpochDay());
        assertThat(evaluate(FunctionNames.ADD, DATE, argument(LocalDate.of(2024, 1, 31), DATE), argument(1L, yearMonth)))
                .isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(evaluate(FunctionNames.ADD, DATE, argument(1L, yearMonth), argument(LocalDate.of(2024, 1, 31), DATE)))
                .isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(evaluate(FunctionNames.ADD, TIMESTAMP_MICROS, argument(LocalDate.of(2024, 1, 31), DATE), argument(Duration.ofHours(36).toMillis(), dayTime)))
                .isEqualTo(toStackValue(LocalDateTime.of(2024, 2, 1, 12, 0), TIMESTAMP_MICROS));
        assertThat(evaluate(FunctionNames.ADD, TIMESTAMP_MICROS, argument(LocalDateTime.of(2024, 1, 31, 10, 0), TIMESTAMP_MICROS), argument(13L, yearMonth)))
                .isEqualTo(toStackValue(LocalDateTime.of(2025, 2, 28, 10, 0), TIMESTAMP_MICROS));
        assertThat(evaluate(FunctionNames.SUBTRACT, INTEGER, argument(LocalDate.of(1998, 12, 1), DATE), argument(LocalDate.of(1998, 1, 1), DATE))).isEqualTo(334L);
        assertThat(evaluate(FunctionNames.ADD, DATE, argument(LocalDate.of(1998, 12, 1), DATE), argument(31, INTEGER))).isEqualTo(LocalDate.of(1999, 1, 1).toEpochDay());
        assertThat(evaluate(FunctionNames.SUBTRACT, DATE, argument(LocalDate.of(1998, 12, 1), DATE), argument(1, INTEGER))).isEqualTo(LocalDate.of(1998, 11, 30).toEpochDay());
        assertThat(evaluate(FunctionNames.SUBTRACT, dayTime, argument(LocalDateTime.of(2024, 3, 1, 0, 0), TIMESTAMP_MICROS), argument(LocalDateTime.of(2024, 2, 28, 12, 0), TIMESTAMP_MICROS)))
                .isEqualTo(Duration.ofHours(36).toMillis());
        assertThat(evaluate(FunctionNames.MULTIPLY, dayTime, argument(ninetyDays, dayTime), argument(2, INTEGER))).isEqualTo(2 * ninetyDays);
        assertThat(evaluate(FunctionNames.MULTIPLY, dayTime, argument(1.5, DOUBLE), argument(1000L, dayTime))).isEqualTo(1500L);
        assertThat(evaluate(FunctionNames.DIVIDE, dayTime, argument(1000L, dayTime), argument(4, INTEGER))).isEqualTo(250L);
        assertThat(evaluate(FunctionNames.NEGATE, yearMonth, argument(5L, yearMonth))).isEqualTo(-5L);
        assertThat(evaluate(FunctionNames.ADD, yearMonth, argument(5L, yearMonth), argument(7L, yearMonth))).isEqualTo(12L);
        assertSqlError(() -> evaluate(FunctionNames.DIVIDE, dayTime, argument(1000L, dayTime), argument(0, INTEGER)), "22012", "division by zero");
    }

    @Test
    void lastDay()
    {
        assertThat(evaluate(FunctionNames.LAST_DAY, DATE, argument(LocalDate.of(2024, 2, 10), DATE))).isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(evaluate(FunctionNames.LAST_DAY, DATE, argument(LocalDateTime.of(2023, 12, 31, 23, 0), TIMESTAMP_MICROS))).isEqualTo(LocalDate.of(2023, 12, 31).toEpochDay());
    }

    @Test
    void toCharDateTime()
    {
        LocalDateTime t = LocalDateTime.of(2024, 3, 5, 14, 7, 9, 123_456_000);
        assertThat(toChar(t, "YYYY-MM-DD HH24:MI:SS.US")).isEqualTo("2024-03-05 14:07:09.123456");
        assertThat(toChar(t, "Dy, DD Mon YYYY")).isEqualTo("Tue, 05 Mar 2024");
        assertThat(toChar(t, "FMMonth FMDDth")).isEqualTo("March 5th");
        assertThat(toChar(t, "HH12:MI AM")).isEqualTo("02:07 PM");
        assertThat(toChar(t, "Month|DAY|dy")).isEqualTo("March    |TUESDAY  |tue");
        assertThat(toChar(t, "YYYY \"Q\"Q, DDD, IW, WW, MS")).isEqualTo("2024 Q1, 065, 10, 10, 123");
        assertThat(toChar(t, "J")).isEqualTo(String.valueOf(t.toLocalDate().toEpochDay() + 2440588));
        assertThat(toChar(LocalDateTime.of(2024, 3, 22, 0, 0), "DDth DDTH")).isEqualTo("22nd 22ND");
        assertThat(evaluate(FunctionNames.TO_CHAR, VARCHAR, argument(LocalDate.of(1998, 12, 1), DATE), argument("YYYY/MM/DD", VARCHAR))).isEqualTo("1998/12/01");
    }

    private static Object toChar(LocalDateTime value, String format)
    {
        return evaluate(FunctionNames.TO_CHAR, VARCHAR, argument(value, TIMESTAMP_MICROS), argument(format, VARCHAR));
    }

    @Test
    void toCharNumbers()
    {
        assertThat(toChar(new BigDecimal("123.45"), "999.99")).isEqualTo(" 123.45");
        assertThat(toChar(new BigDecimal("-123.45"), "999.99")).isEqualTo("-123.45");
        assertThat(toChar(new BigDecimal("1234.5"), "9,999.99")).isEqualTo(" 1,234.50");
        assertThat(toChar(new BigDecimal("0.5"), "0.99")).isEqualTo(" 0.50");
        assertThat(toChar(new BigDecimal("0.5"), "9.99")).isEqualTo("  .50");
        assertThat(toChar(new BigDecimal("1.5"), "FM9.99")).isEqualTo("1.5");
        assertThat(toChar(new BigDecimal("12345"), "999")).isEqualTo(" ###");
        assertThat(evaluate(FunctionNames.TO_CHAR, VARCHAR, argument(5L, BIGINT), argument("000", VARCHAR))).isEqualTo(" 005");
        assertThat(evaluate(FunctionNames.TO_CHAR, VARCHAR, argument(123L, BIGINT), argument("FM999", VARCHAR))).isEqualTo("123");
        assertThat(evaluate(FunctionNames.TO_CHAR, VARCHAR, argument(-5L, BIGINT), argument("999MI", VARCHAR))).isEqualTo("  5-");
        assertThat(evaluate(FunctionNames.TO_CHAR, VARCHAR, argument(5L, BIGINT), argument("S999", VARCHAR))).isEqualTo("  +5");
        assertThat(evaluate(FunctionNames.TO_CHAR, VARCHAR, argument(2.5, DOUBLE), argument("9.9", VARCHAR))).isEqualTo(" 2.5");
    }

    private static Object toChar(BigDecimal value, String format)
    {
        return evaluate(FunctionNames.TO_CHAR, VARCHAR, argument(value, createDecimalType(10, value.scale())), argument(format, VARCHAR));
    }

    @Test
    void toDate()
    {
        assertThat(evaluate(FunctionNames.TO_DATE, DATE, argument("05 Mar 2024", VARCHAR), argument("DD Mon YYYY", VARCHAR))).isEqualTo(LocalDate.of(2024, 3, 5).toEpochDay());
        assertThat(evaluate(FunctionNames.TO_DATE, DATE, argument("2024-03-05", VARCHAR), argument("YYYY-MM-DD", VARCHAR))).isEqualTo(LocalDate.of(2024, 3, 5).toEpochDay());
        assertThat(evaluate(FunctionNames.TO_DATE, DATE, argument("20240305", VARCHAR), argument("YYYYMMDD", VARCHAR))).isEqualTo(LocalDate.of(2024, 3, 5).toEpochDay());
        assertThat(evaluate(FunctionNames.TO_DATE, DATE, argument("March 5, 24", VARCHAR), argument("Month DD, YY", VARCHAR))).isEqualTo(LocalDate.of(2024, 3, 5).toEpochDay());
        assertSqlError(() -> evaluate(FunctionNames.TO_DATE, DATE, argument("2024-02-30", VARCHAR), argument("YYYY-MM-DD", VARCHAR)), "22008", "out of range");
        assertSqlError(() -> evaluate(FunctionNames.TO_DATE, DATE, argument("xx", VARCHAR), argument("YYYY", VARCHAR)), "22007", "invalid value");
    }
}
