package io.basin.pgwire.type;

import io.basin.embedded.QueryResult;
import io.basin.error.BasinException;
import io.basin.execution.expression.function.CivilDate;
import io.basin.testing.TestingBasin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import static io.basin.pgwire.type.PgDateTimeText.MICROS_PER_DAY;
import static io.basin.pgwire.type.TestPgValueWriter.DAYS_AND_MICROS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Bound parameters, with PostgreSQL 17 as the oracle: values that PostgreSQL writes (its text
 * output and its {@code *send} bytes) decode into literals that Basin reads back as the original
 * values; text that PostgreSQL's input functions accept decodes to the value PostgreSQL reads
 * (compared through PostgreSQL's binary form of its reading); text it rejects fails with its
 * SQLSTATE and message.
 */
@TestInstance(PER_CLASS)
class TestPgParameterDecoder
{
    private static final HexFormat HEX = HexFormat.of();

    private TestingPostgresValues postgres;
    private TestingBasin basin;

    @BeforeAll
    void setUp()
    {
        postgres = new TestingPostgresValues();
        basin = new TestingBasin();
    }

    @AfterAll
    void tearDown()
            throws SQLException
    {
        postgres.close();
        basin.close();
    }

    @Test
    void testNumbersRoundTrip()
    {
        assertRoundTrip(PgType.BOOL, "v::bool", "boolsend", List.of("true", "false"), Boolean::parseBoolean);
        assertRoundTrip(PgType.INT2, "v::int2", "int2send", List.of("-32768", "-1", "0", "32767"), Short::parseShort);
        assertRoundTrip(PgType.INT4, "v::int4", "int4send", List.of("-2147483648", "0", "42", "2147483647"), Integer::parseInt);
        assertRoundTrip(PgType.INT8, "v::int8", "int8send", List.of("-9223372036854775808", "0", "9223372036854775807"), Long::parseLong);
        assertRoundTrip(PgType.OID, "v::oid", "oidsend", List.of("0", "42", "4294967295"), Long::parseLong);

        List<String> floats = new ArrayList<>();
        for (float value : new float[] {0, -0.0f, 0.1f, 1e-45f, Float.MIN_NORMAL, Float.MAX_VALUE, 16777217, 1.0000001f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            floats.add(Float.toString(value));
        }
        assertRoundTrip(PgType.FLOAT4, "v::float4", "float4send", floats, Float::parseFloat);

        List<String> doubles = new ArrayList<>();
        Random random = new Random(7);
        for (double value : new double[] {0, -0.0, 0.1, 0.1 + 0.2, 1e23, 5e-324, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, Math.PI, 1e-310,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, random.nextGaussian(), Double.longBitsToDouble(random.nextLong())}) {
            doubles.add(Double.toString(value));
        }
        assertRoundTrip(PgType.FLOAT8, "v::float8", "float8send", doubles, Double::parseDouble);

        List<String> numerics = List.of("0", "0.00", "12.50", "-12.50", "0.001", "-0.0001", "1e5", "10000", "99999999999999999999999999999999999999",
                "-99999999999999999999999999999999999999", "0.12345678901234567890123456789012345678", "1234567890123456789.0123456789012345678", "100000000.00000001");
        assertRoundTrip(PgType.NUMERIC, "v::numeric", "numeric_send", numerics, source -> {
            BigDecimal value = new BigDecimal(source);
            return value.scale() < 0 ? value.setScale(0) : value;
        });
    }

    @Test
    void testStringsRoundTrip()
    {
        List<String> strings = List.of("", "abc", "it's", "back\\slash", "tab\tnew\nline", "日本語", "😀", "$1", "NULL");
        assertRoundTrip(PgType.TEXT, "v::text", "textsend", strings, source -> source);
        assertRoundTrip(PgType.VARCHAR, "v::varchar", "varcharsend", strings, source -> source);
        assertRoundTrip(PgType.NAME, "v::name", "namesend", strings, source -> source);
        // PostgreSQL sends char(n) padded; Basin keeps the padding
        assertRoundTrip(PgType.BPCHAR, "v::char(5)", "bpcharsend", List.of("ab", "abcde", "日本"), source -> source + " ".repeat(5 - source.length()));
        assertRoundTrip(PgType.BYTEA, "v::bytea", "byteasend", List.of("\\x", "\\x00", "\\x0aff7f80", "\\x" + "ab".repeat(1000)), source -> HEX.parseHex(source.substring(2)));

        UUID uuid = new UUID(new Random(8).nextLong(), 42);
        assertRoundTrip(PgType.UUID, "v::uuid", "uuid_send", List.of(uuid.toString(), "00000000-0000-0000-0000-000000000000"), source -> source);
        assertRoundTrip(PgType.JSON, "v::json", "json_send", List.of("{\"a\": [1, 2.5, \"x\"]}", "null"), source -> source);
        assertRoundTrip(PgType.JSONB, "v::jsonb", "jsonb_send", List.of("{\"b\": 1, \"a\": \"日本\"}", "[]"), source -> postgres.text("SELECT '%s'::jsonb".formatted(source)));
    }

    @Test
    void testDateTimesRoundTrip()
    {
        List<Long> days = List.of(0L, -1L, 19_723L, -719_162L, -719_528L, -2_440_588L, CivilDate.toEpochDay(1582, 10, 10), CivilDate.toEpochDay(9999, 12, 31),
                CivilDate.toEpochDay(10000, 1, 1), CivilDate.toEpochDay(5_874_897, 12, 31), CivilDate.toEpochDay(-43, 3, 15));
        assertRoundTrip(PgType.DATE, "date '1970-01-01' + v::int", "date_send", days.stream().map(String::valueOf).toList(), source -> LocalDate.ofEpochDay(Long.parseLong(source)));

        List<Long> micros = new ArrayList<>(List.of(0L, 1L, -1L, 1_700_000_000_123_456L, 1_500_000L, 253_402_300_799_999_999L));
        for (long day : new long[] {CivilDate.toEpochDay(1582, 10, 10), CivilDate.toEpochDay(-43, 3, 15), CivilDate.toEpochDay(12_345, 6, 7), -2_440_588}) {
            micros.add(day * MICROS_PER_DAY + 45_296_789_012L);
        }
        List<String> sources = micros.stream().map(TestPgValueWriter::daysAndMicros).toList();
        Function<String, Object> expected = source -> {
            String[] parts = source.split(" ");
            long value = Long.parseLong(parts[0]) * MICROS_PER_DAY + Long.parseLong(parts[1]);
            return LocalDateTime.ofEpochSecond(Math.floorDiv(value, 1_000_000), (int) Math.floorMod(value, 1_000_000) * 1_000, ZoneOffset.UTC);
        };
        assertRoundTrip(PgType.TIMESTAMP, "timestamp '1970-01-01' + " + DAYS_AND_MICROS, "timestamp_send", sources, expected);
        // timestamptz becomes Basin's timestamp of the instant in UTC
        assertRoundTrip(PgType.TIMESTAMPTZ, "timestamptz '1970-01-01 00:00:00+00' + " + DAYS_AND_MICROS, "timestamptz_send", sources, expected);
    }

    @Test
    void testIntervalsRoundTrip()
    {
        long day = 86_400_000L;
        List<Long> millis = List.of(0L, 1L, -1L, 1_500L, 3_600_000L, day, -day, day + 7_200_000, -(day + 7_200_000), -(3 * day) + 4 * 3_600_000, 123_456_789_012L);
        // day-time intervals come back as days and time, as Basin's interval day to second
        assertRoundTrip(PgType.INTERVAL, "(split_part(v, ' ', 1) || ' days ' || split_part(v, ' ', 2) || ' microseconds')::interval", "interval_send",
                millis.stream().map(value -> (value / day) + " " + (value % day) * 1_000).toList(),
                source -> Duration.ofMillis(Long.parseLong(source.split(" ")[0]) * day + Long.parseLong(source.split(" ")[1]) / 1_000));
        assertRoundTrip(PgType.INTERVAL, "(v || ' months')::interval", "interval_send", List.of("1", "-1", "11", "12", "-13", "1200", "2147483647", "-2147483648"),
                source -> Period.ofMonths(Integer.parseInt(source)).normalized());
    }

    @Test
    void testTextInputsReadAsPostgresReadsThem()
    {
        assertReadsAsPostgres(PgType.BOOL, "boolsend", "t", "TRUE", " yes ", "on", "OFF", "0", "1", "f", "n", "Fa");
        assertReadsAsPostgres(PgType.INT2, "int2send", " 42 ", "+7", "-32768", "1_000");
        assertReadsAsPostgres(PgType.INT4, "int4send", " 42 ", "+7", "-0", "1_000_000", "-2147483648");
        assertReadsAsPostgres(PgType.INT8, "int8send", "-9223372036854775808", " 9223372036854775807");
        assertReadsAsPostgres(PgType.OID, "oidsend", "42", "-1", "4294967295");
        assertReadsAsPostgres(PgType.FLOAT4, "float4send", "1e-45", "3.4028235e38", "0.1", " -inf", "NaN", ".5", "-0");
        assertReadsAsPostgres(PgType.FLOAT8, "float8send", "1e3", " -Infinity ", "inf", "nan", "1.7976931348623157e308", "4.9e-324", ".5", "5.", "-0", "0.1e-2", "123456789012345678901234567890");
        assertReadsAsPostgres(PgType.NUMERIC, "numeric_send", " 1.50 ", "1e-3", "-.5", "1_000.000_1", "+5", "0.000", "5.", "1.5E+3", "-0");
        assertReadsAsPostgres(PgType.TEXT, "textsend", " padded ", "");
        assertReadsAsPostgres(PgType.BPCHAR, "bpcharsend", "ab  ", "x");
        assertReadsAsPostgres(PgType.BYTEA, "byteasend", "\\x0aFF", "\\x 0a ff", "abc\\000def\\\\", "plain", "");
        assertReadsAsPostgres(PgType.DATE, "date_send", "2024-01-02", "  2024-01-02  ", "20240102", "0044-03-15 BC", "12345-01-02", "epoch", "2024-01-02 10:00:00", "1582-10-10");
        assertReadsAsPostgres(PgType.TIMESTAMP, "timestamp_send", "2024-01-02 03:04:05.123456", "2024-01-02T03:04:05", "2024-01-02 03:04:05+02", "2024-01-02",
                "0044-03-15 10:00:00 BC", "epoch", "2024-01-02 03:04:05.1234567", "12345-06-07 08:09:10.5", "1582-10-10 12:00:00.000001");
        assertReadsAsPostgres(PgType.TIMESTAMPTZ, "timestamptz_send", "2024-01-02 03:04:05+02", "2024-01-02 03:04:05.5-03:30", "2024-01-02 03:04:05Z",
                "2024-01-02 03:04:05 UTC", "2024-01-02 03:04:05 Europe/Paris", "2024-07-01 12:00:00 America/New_York", "2024-01-02", "0044-03-15 10:00:00+01 BC",
                "2024-01-02 03:04:05+05:30:15", "2024-01-02 03:04:05 +0100", "2024-01-02T03:04:05.123456+00:00");
        assertReadsAsPostgres(PgType.INTERVAL, "interval_send", "1 year 2 mons", "@ 1 hour ago", "1.5 days", "P1DT2H", "PT1.5S", "P1Y2M", "3 4:05:06", "-1-2", "1-2",
                "90 min", "1 week", "2 weeks 3 days", "1.5 years", "1 day -04:05:06", "-1 days +02:00:00", "100:00:00", "05:06.5", "1:30", "10 secs", "1 millisecond",
                "1000 microseconds", "1 decade", "1 century", "2 millennium", "1 mon", "-1 mons", "1 year -1 mon", "@ 3 days 4 hours ago", "0.5 weeks", "1 day 2 hours 3 minutes 4.5 seconds",
                "5", "-1.5", "2147483647 days", "0", "1d", "-00:00:00.5");
        assertReadsAsPostgres(PgType.UUID, "uuid_send", "{12345678-1234-1234-1234-123456789abc}", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "a0eebc999c0b4ef8bb6d6bb9bd380a11",
                "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11");
    }

    @Test
    void testInvalidTextFailsAsInPostgres()
    {
        assertFailsAsPostgres(PgType.INT4, "abc");
        assertFailsAsPostgres(PgType.INT4, "");
        assertFailsAsPostgres(PgType.INT4, "1.5");
        assertFailsAsPostgres(PgType.INT4, "99999999999");
        assertFailsAsPostgres(PgType.INT2, "40000");
        assertFailsAsPostgres(PgType.INT8, "9223372036854775808");
        assertFailsAsPostgres(PgType.OID, "abc");
        assertFailsAsPostgres(PgType.OID, "4294967296");
        assertFailsAsPostgres(PgType.BOOL, "maybe");
        assertFailsAsPostgres(PgType.FLOAT8, "abc");
        assertFailsAsPostgres(PgType.FLOAT8, "1e999");
        assertFailsAsPostgres(PgType.FLOAT4, "1e39");
        assertFailsAsPostgres(PgType.NUMERIC, "abc");
        assertFailsAsPostgres(PgType.NUMERIC, "1..2");
        assertFailsAsPostgres(PgType.DATE, "abc");
        assertFailsAsPostgres(PgType.DATE, "2024-13-01");
        assertFailsAsPostgres(PgType.DATE, "2023-02-29");
        assertFailsAsPostgres(PgType.TIMESTAMP, "2024-01-02 25:00:00");
        assertFailsAsPostgres(PgType.TIMESTAMP, "yesterday-ish");
        assertFailsAsPostgres(PgType.TIMESTAMPTZ, "abc");
        assertFailsAsPostgres(PgType.INTERVAL, "1 fortnight");
        assertFailsAsPostgres(PgType.INTERVAL, "");
        assertFailsAsPostgres(PgType.INTERVAL, "ago");
        assertFailsAsPostgres(PgType.INTERVAL, "2147483648 days");
        assertFailsAsPostgres(PgType.BYTEA, "\\xzz");
        assertFailsAsPostgres(PgType.BYTEA, "\\x123");
        assertFailsAsPostgres(PgType.BYTEA, "a\\b");
        assertFailsAsPostgres(PgType.UUID, "xyz");
        assertFailsAsPostgres(PgType.UUID, "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    }

    @Test
    void testInvalidUtf8()
    {
        assertDecodeFails(PgType.TEXT, PgFormat.TEXT, new byte[] {'a', (byte) 0xff}, "22021", "invalid byte sequence for encoding \"UTF8\": 0xff");
        assertDecodeFails(PgType.VARCHAR, PgFormat.BINARY, new byte[] {(byte) 0xc3, 0x28}, "22021", "invalid byte sequence for encoding \"UTF8\": 0xc3 0x28");
        assertDecodeFails(PgType.TEXT, PgFormat.TEXT, new byte[] {'a', 0, 'b'}, "22021", "invalid byte sequence for encoding \"UTF8\": 0x00");
        assertDecodeFails(PgType.INT4, PgFormat.TEXT, new byte[] {(byte) 0xe2, (byte) 0x82}, "22021", "invalid byte sequence for encoding \"UTF8\": 0xe2 0x82");
        assertDecodeFails(PgType.UNKNOWN, PgFormat.TEXT, new byte[] {(byte) 0x80}, "22021", "invalid byte sequence for encoding \"UTF8\": 0x80");
    }

    @Test
    void testMalformedBinary()
    {
        // PostgreSQL: 08P01 when the value is too short, 22P03 when bytes are left over
        assertDecodeFails(PgType.INT4, PgFormat.BINARY, new byte[3], "08P01", "insufficient data left in message");
        assertDecodeFails(PgType.INT4, PgFormat.BINARY, new byte[5], "22P03", "incorrect binary data format in bind parameter 3");
        assertDecodeFails(PgType.INT8, PgFormat.BINARY, new byte[4], "08P01", "insufficient data left in message");
        assertDecodeFails(PgType.BOOL, PgFormat.BINARY, new byte[0], "08P01", "insufficient data left in message");
        assertDecodeFails(PgType.FLOAT8, PgFormat.BINARY, new byte[9], "22P03", "incorrect binary data format in bind parameter 3");
        assertDecodeFails(PgType.INTERVAL, PgFormat.BINARY, new byte[12], "08P01", "insufficient data left in message");
        assertDecodeFails(PgType.UUID, PgFormat.BINARY, new byte[15], "08P01", "insufficient data left in message");
        assertDecodeFails(PgType.NUMERIC, PgFormat.BINARY, HEX.parseHex("000100000000"), "08P01", "insufficient data left in message");
        assertDecodeFails(PgType.NUMERIC, PgFormat.BINARY, HEX.parseHex("0001000000000000" + "0001" + "00"), "22P03", "incorrect binary data format in bind parameter 3");
        assertDecodeFails(PgType.NUMERIC, PgFormat.BINARY, HEX.parseHex("0001000012340000" + "0001"), "22P03", "invalid sign in external \"numeric\" value");
        assertDecodeFails(PgType.NUMERIC, PgFormat.BINARY, HEX.parseHex("0001000000004000" + "0001"), "22P03", "invalid scale in external \"numeric\" value");
        assertDecodeFails(PgType.NUMERIC, PgFormat.BINARY, HEX.parseHex("0001000000000000" + "2710"), "22P03", "invalid digit in external \"numeric\" value");
        assertDecodeFails(PgType.JSONB, PgFormat.BINARY, HEX.parseHex("027b7d"), "22P03", "unsupported jsonb version number 2"); // PostgreSQL: XX000 (an elog), a client error all the same
        // PostgreSQL's infinities, which Basin's date and timestamp lack
        assertDecodeFails(PgType.DATE, PgFormat.BINARY, HEX.parseHex("7fffffff"), "22008", "date out of range: Basin's dates have no -infinity or infinity");
        assertDecodeFails(PgType.TIMESTAMP, PgFormat.BINARY, HEX.parseHex("8000000000000000"), "22008", "timestamp out of range: Basin's timestamps have no -infinity or infinity");
    }

    @Test
    void testValuesBasinCannotHold()
    {
        assertDecodeFails(PgType.NUMERIC, PgFormat.TEXT, "NaN".getBytes(UTF_8), "0A000", "Numeric NaN cannot be bound: Basin's decimal has no such value");
        assertDecodeFails(PgType.NUMERIC, PgFormat.BINARY, HEX.parseHex("00000000c0000000"), "0A000", "Numeric NaN cannot be bound: Basin's decimal has no such value");
        assertDecodeFails(PgType.NUMERIC, PgFormat.TEXT, "1e38".getBytes(UTF_8), "22003", "numeric field overflow: a value of 39 digits before the decimal point does not fit Basin's decimal of at most 38 digits");
        assertDecodeFails(PgType.INTERVAL, PgFormat.TEXT, "1 mon 2 days".getBytes(UTF_8), "0A000",
                "Interval '1 mon 2 days' has both months and days or time: Basin's intervals are either year-month or day-time");
        assertDecodeFails(PgType.TIME, PgFormat.TEXT, "10:00".getBytes(UTF_8), "0A000", "Parameters of type time without time zone are not supported");
        assertDecodeFails(PgType.INT4_ARRAY, PgFormat.TEXT, "{1,2}".getBytes(UTF_8), "0A000", "Parameters of type integer[] are not supported");
        assertDecodeFails(PgType.UNKNOWN, PgFormat.BINARY, new byte[4], "0A000", "Parameter $3 of unspecified type cannot be sent in binary format: declare its type, or send it as text");
        assertThatThrownBy(() -> PgParameterDecoder.decode(1, 123_456, PgFormat.TEXT, new byte[0]))
                .hasMessage("Parameter $1 has type OID 123456, which Basin does not support");
    }

    @Test
    void testUnspecifiedType()
    {
        assertThat(PgParameterDecoder.decode(1, 0, PgFormat.TEXT, "it's 2024-01-02".getBytes(UTF_8))).isEqualTo(SqlLiteral.unknown("it's 2024-01-02"));
        assertThat(PgParameterDecoder.decode(1, 0, PgFormat.TEXT, null)).isEqualTo(SqlLiteral.unknownNull());
        assertThat(PgParameterDecoder.decode(1, PgType.UNKNOWN.oid(), PgFormat.TEXT, "x".getBytes(UTF_8)).sql()).isEqualTo("'x'");
        // PG JDBC's setTimestamp binds an unspecified type with a zone; in context the string reads as a timestamp
        SqlLiteral literal = PgParameterDecoder.decode(1, 0, PgFormat.TEXT, "2024-01-02 03:04:05+00".getBytes(UTF_8));
        assertThat(basin.execute("SELECT TIMESTAMP '2024-01-02 03:04:05' = " + literal.sql()).onlyValue()).isEqualTo(true);
    }

    @Test
    void testNulls()
    {
        List<SqlLiteral> literals = new ArrayList<>();
        for (PgType type : List.of(PgType.BOOL, PgType.INT2, PgType.INT4, PgType.INT8, PgType.OID, PgType.FLOAT4, PgType.FLOAT8, PgType.NUMERIC, PgType.TEXT, PgType.VARCHAR,
                PgType.BPCHAR, PgType.NAME, PgType.BYTEA, PgType.DATE, PgType.TIMESTAMP, PgType.TIMESTAMPTZ, PgType.INTERVAL, PgType.UUID, PgType.JSON)) {
            for (PgFormat format : PgFormat.values()) {
                literals.add(PgParameterDecoder.decode(1, type.oid(), format, null));
            }
        }
        QueryResult result = basin.execute("SELECT " + String.join(", ", literals.stream().map(SqlLiteral::sql).toList()));
        for (int i = 0; i < literals.size(); i++) {
            assertThat(result.rows().getFirst().get(i)).isNull();
            if (literals.get(i).type().isPresent()) {
                assertThat(result.columns().get(i).type()).isEqualTo(literals.get(i).type().get());
            }
        }
        assertThat(PgParameterDecoder.decode(1, PgType.INT4.oid(), PgFormat.TEXT, null).sql()).isEqualTo("CAST(NULL AS INTEGER)");
    }

    /**
     * PostgreSQL writes each source's value of {@code expression} in text and binary; both decode
     * into literals that Basin reads back as the expected value, of the literal's type.
     */
    private void assertRoundTrip(PgType type, String expression, String sendFunction, List<String> sources, Function<String, Object> expected)
    {
        List<String> texts = postgres.texts(expression, sources);
        List<byte[]> binaries = postgres.sendBytes(sendFunction, expression, sources);
        List<SqlLiteral> literals = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            literals.add(PgParameterDecoder.decode(i + 1, type.oid(), PgFormat.TEXT, texts.get(i).getBytes(UTF_8)));
            literals.add(PgParameterDecoder.decode(i + 1, type.oid(), PgFormat.BINARY, binaries.get(i)));
            values.add(expected.apply(sources.get(i)));
            values.add(expected.apply(sources.get(i)));
        }
        QueryResult result = basin.execute("SELECT " + String.join(", ", literals.stream().map(SqlLiteral::sql).toList()));
        List<Object> row = result.rows().getFirst();
        for (int i = 0; i < literals.size(); i++) {
            String description = "%s %s of %s: %s".formatted(i % 2 == 0 ? "text" : "binary", type.name(), sources.get(i / 2), literals.get(i).sql());
            assertThat(row.get(i)).as(description).isEqualTo(values.get(i));
            if (literals.get(i).type().isPresent()) {
                assertThat(result.columns().get(i).type()).as(description).isEqualTo(literals.get(i).type().get());
            }
        }
    }

    /** Each text decodes to the literal of the value PostgreSQL reads from it (taken from PostgreSQL's binary form of that value). */
    private void assertReadsAsPostgres(PgType type, String sendFunction, String... inputs)
    {
        List<byte[]> binaries = postgres.sendBytes(sendFunction, "v::" + type.name(), List.of(inputs));
        for (int i = 0; i < inputs.length; i++) {
            SqlLiteral expected = PgParameterDecoder.decode(1, type.oid(), PgFormat.BINARY, binaries.get(i));
            SqlLiteral actual = PgParameterDecoder.decode(1, type.oid(), PgFormat.TEXT, inputs[i].getBytes(UTF_8));
            assertThat(actual).as("%s '%s'", type.name(), inputs[i]).isEqualTo(expected);
        }
    }

    private void assertFailsAsPostgres(PgType type, String input)
    {
        SQLException expected = postgres.failure("SELECT '%s'::%s".formatted(input.replace("'", "''"), type.name()));
        String expectedSqlState = expected.getSQLState();
        assertThatThrownBy(() -> PgParameterDecoder.decode(1, type.oid(), PgFormat.TEXT, input.getBytes(UTF_8)))
                .as("%s '%s'", type.name(), input)
                .isInstanceOfSatisfying(BasinException.class, e -> {
                    assertThat(e.sqlState()).as("SQLSTATE of %s '%s'", type.name(), input).isEqualTo(expectedSqlState);
                    assertThat("ERROR: " + e.getMessage()).as("message of %s '%s'", type.name(), input).isEqualTo(expected.getMessage().lines().findFirst().orElseThrow());
                });
    }

    private static void assertDecodeFails(PgType type, PgFormat format, byte[] value, String sqlState, String message)
    {
        assertThatThrownBy(() -> PgParameterDecoder.decode(3, type.oid(), format, value))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo(sqlState))
                .hasMessage(message);
    }
}
