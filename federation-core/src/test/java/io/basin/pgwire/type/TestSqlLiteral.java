package io.basin.pgwire.type;

import io.basin.embedded.QueryResult;
import io.basin.execution.expression.function.CivilDate;
import io.basin.sql.parser.StatementParser;
import io.basin.testing.TestingBasin;
import io.basin.type.IntervalDayTimeType;
import io.basin.type.IntervalYearMonthType;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Every literal form, run through Basin's parser and engine: the query's column has exactly the
 * literal's type and the value it was made from, for the corners of each type (Calcite's literal
 * parsing rejects or misreads some of them, which the forms must avoid).
 */
@TestInstance(PER_CLASS)
class TestSqlLiteral
{
    private TestingBasin basin;

    @BeforeAll
    void setUp()
    {
        basin = new TestingBasin();
    }

    @AfterAll
    void tearDown()
    {
        basin.close();
    }

    @Test
    void testNumbers()
    {
        List<Expected> cases = new ArrayList<>();
        cases.add(new Expected(SqlLiteral.ofBoolean(true), BOOLEAN, true));
        cases.add(new Expected(SqlLiteral.ofBoolean(false), BOOLEAN, false));
        for (short value : new short[] {Short.MIN_VALUE, -1, 0, 1, Short.MAX_VALUE}) {
            cases.add(new Expected(SqlLiteral.ofSmallint(value), SMALLINT, value));
        }
        for (int value : new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE}) {
            cases.add(new Expected(SqlLiteral.ofInteger(value), INTEGER, value));
        }
        for (long value : new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}) {
            cases.add(new Expected(SqlLiteral.ofBigint(value), BIGINT, value));
        }
        for (float value : new float[] {0, -0.0f, 0.1f, 1e-45f, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 16777217, 1.0000001f, 3.4e-39f, Float.NaN,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            cases.add(new Expected(SqlLiteral.ofReal(value), REAL, value));
        }
        for (double value : new double[] {0, -0.0, 0.1, 0.1 + 0.2, 1e23, 5e-324, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, Math.PI, 1e-310,
                9007199254740993.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            cases.add(new Expected(SqlLiteral.ofDouble(value), DOUBLE, value));
        }
        Random random = new Random(5);
        for (int i = 0; i < 40; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            cases.add(new Expected(SqlLiteral.ofDouble(value), DOUBLE, value));
            float real = Float.intBitsToFloat(random.nextInt());
            cases.add(new Expected(SqlLiteral.ofReal(real), REAL, real));
        }
        assertBasinValues(cases);
    }

    @Test
    void testDecimals()
    {
        List<Expected> cases = new ArrayList<>();
        for (String text : List.of("0", "0.00", "1", "-1", "12.50", "-12.50", "0.5", "-0.5", "0.05", "0.001", "123456789012345678", "-999999999999999999.9",
                "99999999999999999999999999999999999999", "-99999999999999999999999999999999999999", "0.12345678901234567890123456789012345678",
                "1234567890123456789.0123456789012345678", "1E+5", "100")) {
            BigDecimal value = new BigDecimal(text);
            BigDecimal expected = value.scale() < 0 ? value.setScale(0) : value;
            cases.add(new Expected(SqlLiteral.ofDecimal(value), DecimalType.createDecimalType(Math.max(expected.precision(), expected.scale()), expected.scale()), expected));
        }
        // more than 38 digits: the fraction is rounded half away from zero, as PostgreSQL rounds
        cases.add(new Expected(SqlLiteral.ofDecimal(new BigDecimal("1.0000000000000000000000000000000000000051")), DecimalType.createDecimalType(38, 37),
                new BigDecimal("1.0000000000000000000000000000000000000")));
        // rounded once: through 38 digits first, ...0001|45 would become ...00015 and then ...0002
        cases.add(new Expected(SqlLiteral.ofDecimal(new BigDecimal("1." + "0".repeat(36) + "145")), DecimalType.createDecimalType(38, 37),
                new BigDecimal("1." + "0".repeat(36) + "1")));
        cases.add(new Expected(SqlLiteral.ofDecimal(new BigDecimal("-9.99999999999999999999999999999999999999")), DecimalType.createDecimalType(38, 36),
                new BigDecimal("-10.000000000000000000000000000000000000")));
        cases.add(new Expected(SqlLiteral.ofDecimal(new BigDecimal("0.000000000000000000000000000000000000000001")), DecimalType.createDecimalType(38, 38),
                new BigDecimal("0.00000000000000000000000000000000000000")));
        assertBasinValues(cases);
        assertThatThrownBy(() -> SqlLiteral.ofDecimal(new BigDecimal("1e38")))
                .hasMessageContaining("numeric field overflow")
                .satisfies(e -> assertThat(((io.basin.error.BasinException) e).sqlState()).isEqualTo("22003"));
    }

    @Test
    void testStrings()
    {
        List<Expected> cases = new ArrayList<>();
        for (String value : List.of("", "abc", "it's", "''", "back\\slash\\", "tab\tnew\nline\r", "日本語", "😀", "$1", "--not a comment", "/* nor this */", "E'x'", " ")) {
            cases.add(new Expected(SqlLiteral.ofVarchar(value), VARCHAR, value));
            // as any string literal: varchar(n), unbounded when empty
            // (Calcite counts UTF-16 units)
            Type unknownType = value.isEmpty() ? VARCHAR : VarcharType.createVarcharType(value.length());
            cases.add(new Expected(SqlLiteral.unknown(value), unknownType, value, true));
        }
        // Basin reads CHAR(n) as a varchar(n) padded with spaces
        cases.add(new Expected(SqlLiteral.ofChar("ab   "), VarcharType.createVarcharType(5), "ab   "));
        cases.add(new Expected(SqlLiteral.ofChar("é"), VarcharType.createVarcharType(1), "é"));
        cases.add(new Expected(SqlLiteral.ofChar(""), VarcharType.createVarcharType(1), " "));
        cases.add(new Expected(SqlLiteral.ofChar("😀x"), VarcharType.createVarcharType(3), "😀x"));
        cases.add(new Expected(SqlLiteral.ofVarbinary(new byte[0]), VARBINARY, new byte[0]));
        cases.add(new Expected(SqlLiteral.ofVarbinary(new byte[] {0, 10, (byte) 0xff, 39}), VARBINARY, new byte[] {0, 10, (byte) 0xff, 39}));
        assertBasinValues(cases);
    }

    @Test
    void testDates()
    {
        List<Expected> cases = new ArrayList<>();
        for (long day : new long[] {0, -1, 19_723, -719_162, -719_163, -719_528, -2_440_588, CivilDate.toEpochDay(1582, 10, 10), CivilDate.toEpochDay(1582, 10, 4),
                CivilDate.toEpochDay(1582, 10, 15), CivilDate.toEpochDay(1500, 2, 29), CivilDate.toEpochDay(9999, 12, 31), CivilDate.toEpochDay(10000, 1, 1),
                CivilDate.toEpochDay(5_874_897, 12, 31), CivilDate.toEpochDay(-43, 3, 15)}) {
            cases.add(new Expected(SqlLiteral.ofDate(day), DATE, LocalDate.ofEpochDay(day)));
        }
        assertBasinValues(cases);
    }

    @Test
    void testTimestamps()
    {
        List<Long> micros = new ArrayList<>(List.of(0L, 1L, -1L, 123_456L, 1_700_000_000_123_456L, -62_135_596_800_000_000L, -62_135_596_800_000_001L,
                253_402_300_799_999_999L, 253_402_300_800_000_000L));
        for (int day = 4; day <= 15; day++) {
            micros.add(CivilDate.toEpochDay(1582, 10, day) * MICROS_PER_DAY + 45_296_789_012L);
        }
        micros.add(CivilDate.toEpochDay(1500, 2, 29) * MICROS_PER_DAY + 1);
        micros.add(CivilDate.toEpochDay(-43, 3, 15) * MICROS_PER_DAY + 36_000_000_001L);
        micros.add(CivilDate.toEpochDay(-4_713, 11, 24) * MICROS_PER_DAY);
        micros.add(CivilDate.toEpochDay(12_345, 6, 7) * MICROS_PER_DAY + 123_456L);
        micros.add(CivilDate.toEpochDay(294_246, 12, 31) * MICROS_PER_DAY + MICROS_PER_DAY - 1);
        List<Expected> cases = new ArrayList<>();
        for (long value : micros) {
            LocalDateTime expected = LocalDateTime.ofEpochSecond(Math.floorDiv(value, 1_000_000), (int) Math.floorMod(value, 1_000_000) * 1_000, ZoneOffset.UTC);
            cases.add(new Expected(SqlLiteral.ofTimestamp(value), TIMESTAMP_MICROS, expected));
        }
        assertBasinValues(cases);
    }

    @Test
    void testIntervals()
    {
        List<Expected> cases = new ArrayList<>();
        long day = 86_400_000L;
        for (long millis : new long[] {0, 1, -1, 999, -1_000, 86_399_999, day, -day, day + 1, -(day + 3_600_000), 123_456_789_012L,
                Integer.MAX_VALUE * day + day - 1, -(Integer.MAX_VALUE * day + day - 1)}) {
            cases.add(new Expected(SqlLiteral.ofIntervalDayTime(millis), IntervalDayTimeType.INTERVAL_DAY_TIME, Duration.ofMillis(millis)));
        }
        for (long months : new long[] {0, 1, -1, 11, 12, -13, 1_200, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            cases.add(new Expected(SqlLiteral.ofIntervalYearMonth(months), IntervalYearMonthType.INTERVAL_YEAR_MONTH, Period.ofMonths((int) months).normalized()));
        }
        assertBasinValues(cases);
        assertThatThrownBy(() -> SqlLiteral.ofIntervalYearMonth(Integer.MAX_VALUE + 1L)).hasMessageContaining("interval out of range");
        assertThatThrownBy(() -> SqlLiteral.ofIntervalDayTime((Integer.MAX_VALUE + 1L) * day)).hasMessageContaining("interval out of range");
    }

    @Test
    void testNulls()
    {
        List<Expected> cases = new ArrayList<>();
        for (Type type : List.of(BOOLEAN, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DecimalType.createDecimalType(38, 10), DecimalType.createDecimalType(5, 2), VARCHAR,
                VarcharType.createVarcharType(3), VARBINARY, DATE, TIMESTAMP_MICROS, IntervalDayTimeType.INTERVAL_DAY_TIME, IntervalYearMonthType.INTERVAL_YEAR_MONTH)) {
            cases.add(new Expected(SqlLiteral.nullOf(type), type, null));
        }
        cases.add(new Expected(SqlLiteral.nullOf(CharType.createCharType(4)), VarcharType.createVarcharType(4), null));
        assertBasinValues(cases);
        assertThat(SqlLiteral.unknownNull().type()).isEmpty();
        assertThat(basin.execute("SELECT " + SqlLiteral.unknownNull().sql()).onlyValue()).isNull();
    }

    @Test
    void testUnknownLiteralTakesItsTypeFromContext()
    {
        assertThat(basin.execute("SELECT DATE '2024-01-02' = " + SqlLiteral.unknown("2024-01-02").sql()).onlyValue()).isEqualTo(true);
        assertThat(basin.execute("SELECT 1 + " + SqlLiteral.unknown("2").sql()).onlyValue()).isEqualTo(3);
        assertThat(basin.execute("SELECT TIMESTAMP '2024-01-02 03:04:05' < " + SqlLiteral.unknown("2024-01-02 03:04:06").sql()).onlyValue()).isEqualTo(true);
    }

    @Test
    void testLiteralsParseAsSingleExpressions()
    {
        // each literal is one primary expression: safe to put next to operators of any precedence
        for (SqlLiteral literal : List.of(SqlLiteral.ofTimestamp(CivilDate.toEpochDay(1582, 10, 10) * MICROS_PER_DAY), SqlLiteral.ofIntervalDayTime(-1),
                SqlLiteral.ofDecimal(new BigDecimal("-1.5")), SqlLiteral.ofBigint(Long.MIN_VALUE), SqlLiteral.ofDouble(-0.0))) {
            StatementParser.parse("SELECT 1 FROM (VALUES (1)) AS t(x) WHERE " + literal.sql() + " IS NOT NULL");
            QueryResult result = basin.execute("SELECT " + literal.sql() + " IS NULL, " + literal.sql() + " = " + literal.sql());
            assertThat(result.rows().getFirst()).containsExactly(false, true);
        }
    }

    record Expected(SqlLiteral literal, Type type, Object value, boolean unknownType)
    {
        Expected(SqlLiteral literal, Type type, Object value)
        {
            this(literal, type, value, false);
        }
    }

    /** Runs all literals as the columns of one query and checks each column's type and value. */
    private void assertBasinValues(List<Expected> cases)
    {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < cases.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(cases.get(i).literal().sql()).append(" AS c").append(i);
        }
        QueryResult result = basin.execute(sql.toString());
        List<Object> row = result.rows().getFirst();
        for (int i = 0; i < cases.size(); i++) {
            Expected expected = cases.get(i);
            String description = expected.literal().sql();
            assertThat(result.columns().get(i).type()).as("type of %s", description).isEqualTo(expected.type());
            if (!expected.unknownType()) {
                assertThat(expected.literal().type()).as("declared type of %s", description).contains(expected.type());
            }
            assertThat(row.get(i)).as("value of %s", description).isEqualTo(expected.value());
        }
    }
}
