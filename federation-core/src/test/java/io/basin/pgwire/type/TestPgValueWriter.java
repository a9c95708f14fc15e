package io.basin.pgwire.type;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.basin.execution.expression.function.CivilDate;
import io.basin.type.IntervalDayTimeType;
import io.basin.type.IntervalYearMonthType;
import io.trino.spi.block.Block;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.CharType;
import io.trino.spi.type.Chars;
import io.trino.spi.type.DateTimeEncoding;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.LongTimestamp;
import io.trino.spi.type.LongTimestampWithTimeZone;
import io.trino.spi.type.TimeZoneKey;
import io.trino.spi.type.Type;
import io.trino.spi.type.UuidType;
import io.trino.spi.type.VarcharType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import static io.basin.pgwire.type.PgDateTimeText.MICROS_PER_DAY;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TimeType.TIME_MICROS;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MILLIS;
import static io.trino.spi.type.TimestampType.TIMESTAMP_NANOS;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MICROS;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MILLIS;
import static io.trino.spi.type.TinyintType.TINYINT;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Text and binary encodings of every engine type, value by value, against PostgreSQL 17: the
 * text must equal PostgreSQL's output of the same value, the binary form its {@code *send}
 * function's bytes. Extremes, NULL, zero, negatives, BC and five-digit years, all fraction
 * lengths, float specials and 17-digit values, long decimals, non-ASCII and empty strings.
 */
@TestInstance(PER_CLASS)
class TestPgValueWriter
{
    private static final HexFormat HEX = HexFormat.of();
    /** An interval from a {@link #daysAndMicros} source. */
    static final String DAYS_AND_MICROS = "((split_part(v, ' ', 1) || ' days')::interval + (split_part(v, ' ', 2) || ' microseconds')::interval)";

    private TestingPostgresValues postgres;

    @BeforeAll
    void setUp()
    {
        postgres = new TestingPostgresValues();
    }

    @AfterAll
    void tearDown()
            throws SQLException
    {
        postgres.close();
    }

    @Test
    void testBoolean()
    {
        assertMatchesPostgres(BOOLEAN, List.of(true, false), String::valueOf, "v::bool", "boolsend");
    }

    @Test
    void testIntegers()
    {
        assertMatchesPostgres(TINYINT, longs(-128, -1, 0, 1, 9, 10, 99, 100, 127), String::valueOf, "v::int2", "int2send");
        assertMatchesPostgres(SMALLINT, longs(Short.MIN_VALUE, -1, 0, 1, 12345, Short.MAX_VALUE), String::valueOf, "v::int2", "int2send");
        assertMatchesPostgres(INTEGER, longs(Integer.MIN_VALUE, -1_000_000, -1, 0, 1, 999_999_999, 1_000_000_000, Integer.MAX_VALUE), String::valueOf, "v::int4", "int4send");
        assertMatchesPostgres(BIGINT, longs(Long.MIN_VALUE, Long.MIN_VALUE + 1, -1_000_000_000_000_000_000L, -1, 0, 1, 9_999_999_999L, 999_999_999_999_999_999L, Long.MAX_VALUE),
                String::valueOf, "v::int8", "int8send");
    }

    @Test
    void testReal()
    {
        float[] floats = {0, -0.0f, 1, -1, 0.1f, 0.3f, 1.5f, 100000, 123456, 999999, 1e6f, 1234567, 9999999, 1e7f, 16777216, 16777217, 1e-4f, 9.999999e-5f, 1e-5f,
                1.1754942e-38f, Float.MIN_NORMAL, Float.MIN_VALUE, 2 * Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 3.14159265f, 2.7182817f, 1f / 3, 2f / 3,
                Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e38f, 1e-38f, 0.8e-45f, 7.0e-45f};
        List<Long> values = new ArrayList<>();
        for (float value : floats) {
            values.add((long) Float.floatToRawIntBits(value));
        }
        assertMatchesPostgres(REAL, values, bits -> Float.toString(Float.intBitsToFloat((int) (long) (Long) bits)), "v::float4", "float4send");
    }

    @Test
    void testDouble()
    {
        List<Double> values = new ArrayList<>(Arrays.asList(0.0, -0.0, 1.0, -1.0, 0.1, 0.1 + 0.2, 0.1 + 0.7, 1.5e-7, 1e-4, 9.99e-5, 1e-5, 2.5e-5, 4.35, 100.0,
                1e14, 123456789012345.6, 1e15, 999999999999999.9, 1e16, 1e20, 1e21, 1e22, 1e23, 1e100, -1e-100, Math.PI, Math.E, 1.0 / 3, 2.0 / 3,
                9007199254740992.0, 9007199254740994.0, 123456789012345678.0, Double.MIN_VALUE, 2 * Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MIN_NORMAL,
                Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                5e-324, 1.7976931348623157e308, 0.30000000000000004, 2.2250738585072014E-308, 1e-310, 1.2345678901234567e-300, 8.41e21, 5.0e-5, 1e300 * 10));
        assertMatchesPostgres(DOUBLE, values, value -> Double.toString((Double) value), "v::float8", "float8send");
    }

    @Test
    void testDecimal()
    {
        int[][] typeParameters = {{1, 0}, {1, 1}, {5, 2}, {10, 10}, {18, 0}, {18, 4}, {18, 18}, {19, 0}, {19, 9}, {20, 5}, {28, 3}, {38, 0}, {38, 2}, {38, 10}, {38, 37}, {38, 38}};
        Random random = new Random(1);
        for (int[] parameters : typeParameters) {
            int precision = parameters[0];
            int scale = parameters[1];
            DecimalType type = DecimalType.createDecimalType(precision, scale);
            BigInteger max = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
            List<BigInteger> unscaledValues = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(), max, max.negate(),
                    BigInteger.TEN.pow(Math.min(scale, precision - 1)), BigInteger.TEN.pow(precision - 1), BigInteger.valueOf(10_000).min(max), BigInteger.valueOf(9_999).min(max)));
            for (int i = 0; i < 20; i++) {
                BigInteger value = new BigInteger(precision * 4, random).mod(max.add(BigInteger.ONE));
                unscaledValues.add(random.nextBoolean() ? value : value.negate());
            }
            List<Object> values = new ArrayList<>();
            for (BigInteger unscaled : unscaledValues) {
                values.add(type.isShort() ? (Object) unscaled.longValueExact() : Int128.valueOf(unscaled));
            }
            Function<Object, String> source = value -> new BigDecimal(value instanceof Int128 int128 ? int128.toBigInteger() : BigInteger.valueOf((Long) value), scale).toPlainString();
            assertMatchesPostgres(type, values, source, "v::numeric(%s,%s)".formatted(precision, scale), "numeric_send");
        }
    }

    @Test
    void testStrings()
    {
        List<String> strings = List.of("", "a", "abc", "héllo", "日本語", "😀 emoji", "it's", "back\\slash", "tab\tnew\nline\r", "  spaces  ", "x".repeat(10_000), "NULL");
        List<Slice> values = new ArrayList<>();
        for (String string : strings) {
            values.add(Slices.utf8Slice(string));
        }
        Function<Object, String> source = value -> ((Slice) value).toStringUtf8();
        assertMatchesPostgres(VARCHAR, values, source, "v::varchar", "varcharsend");
        assertMatchesPostgres(VarcharType.createVarcharType(10_000), values, source, "v::varchar(10000)", "varcharsend");
        assertMatchesPostgres(VARCHAR, values, source, "v::text", "textsend");
    }

    @Test
    void testChar()
    {
        CharType type = CharType.createCharType(5);
        List<Slice> values = new ArrayList<>();
        for (String string : List.of("", "a", "ab", " a", "abcde", "é", "日本", "a b", "😀")) {
            // Trino keeps char values without trailing spaces
            values.add(Chars.trimTrailingSpaces(Slices.utf8Slice(string)));
        }
        assertMatchesPostgres(type, values, value -> ((Slice) value).toStringUtf8(), "v::char(5)", "bpcharsend");
    }

    @Test
    void testVarbinary()
    {
        byte[] random = new byte[300];
        new Random(2).nextBytes(random);
        List<Slice> values = new ArrayList<>();
        for (byte[] bytes : List.of(new byte[0], new byte[] {0}, new byte[] {(byte) 0xff, 0x0a, 0x7f, (byte) 0x80}, "hello".getBytes(UTF_8), random)) {
            values.add(Slices.wrappedBuffer(bytes));
        }
        assertMatchesPostgres(VARBINARY, values, value -> "\\x" + HEX.formatHex(((Slice) value).getBytes()), "v::bytea", "byteasend");
    }

    @Test
    void testDate()
    {
        List<Long> values = longs(0, -1, 1, 10_957, 19_723, -719_162, -719_163, -719_528, -719_529, -141_428, -141_438, -2_440_588, -1_000_000,
                CivilDate.toEpochDay(9999, 12, 31), CivilDate.toEpochDay(10000, 1, 1), CivilDate.toEpochDay(5_874_897, 12, 31), CivilDate.toEpochDay(-43, 3, 15),
                CivilDate.toEpochDay(2000, 2, 29), CivilDate.toEpochDay(1900, 3, 1));
        assertMatchesPostgres(DATE, values, String::valueOf, "date '1970-01-01' + v::int", "date_send");
    }

    @Test
    void testTimestamp()
    {
        List<Long> micros = new ArrayList<>(longs(0, 1, -1, 10, 100, 1_000, 10_000, 100_000, 123_456, 1_000_000, -1_000_000, 1_500_000, 1_230_000, 1_234_000,
                1_234_500, 1_234_560, 1_234_567, 946_684_800_000_000L, 1_700_000_000_123_456L, -999_999, MICROS_PER_DAY - 1));
        // BC, far future, PostgreSQL's limits
        micros.add(CivilDate.toEpochDay(-43, 3, 15) * MICROS_PER_DAY + 36_000_500_000L);
        micros.add(CivilDate.toEpochDay(0, 12, 31) * MICROS_PER_DAY + MICROS_PER_DAY - 1);
        micros.add(CivilDate.toEpochDay(-4712, 11, 24) * MICROS_PER_DAY);
        micros.add(CivilDate.toEpochDay(10000, 1, 1) * MICROS_PER_DAY + 1);
        // (PostgreSQL reaches 294276 AD; microseconds since 1970 in a long end in 294247 AD)
        micros.add(CivilDate.toEpochDay(294_246, 12, 31) * MICROS_PER_DAY + MICROS_PER_DAY - 1);
        micros.add(CivilDate.toEpochDay(1582, 10, 10) * MICROS_PER_DAY + 42);
        String expression = "timestamp '1970-01-01' + " + DAYS_AND_MICROS;
        assertMatchesPostgres(TIMESTAMP_MICROS, micros, value -> daysAndMicros((Long) value), expression, "timestamp_send");

        assertMatchesPostgres(TIMESTAMP_MILLIS, longs(0, 1_000, -1_000, 1_700_000_000_123_000L, -62_000_000_000_000_000L), value -> daysAndMicros((Long) value), expression, "timestamp_send");

        // finer than PostgreSQL: rounded half up to microseconds, as Trino rounds
        List<LongTimestamp> nanos = List.of(new LongTimestamp(1, 499_999), new LongTimestamp(1, 500_000), new LongTimestamp(-1, 999_999), new LongTimestamp(1_700_000_000_123_456L, 0));
        List<byte[]> text = TestingEncodings.encode(TIMESTAMP_NANOS, PgFormat.TEXT, nanos);
        List<byte[]> binary = TestingEncodings.encode(TIMESTAMP_NANOS, PgFormat.BINARY, nanos);
        List<String> roundedMicros = longs(1, 2, 0, 1_700_000_000_123_456L).stream().map(TestPgValueWriter::daysAndMicros).toList();
        assertThat(strings(text)).isEqualTo(postgres.texts(expression, roundedMicros));
        assertThat(hexes(binary)).isEqualTo(hexes(postgres.sendBytes("timestamp_send", expression, roundedMicros)));
    }

    @Test
    void testTimestampWithTimeZone()
    {
        TimeZoneKey paris = TimeZoneKey.getTimeZoneKey("Europe/Paris");
        List<Long> millis = longs(0, 1, -1, 1_700_000_000_123L, CivilDate.toEpochDay(-43, 3, 15) * 86_400_000L, CivilDate.toEpochDay(12345, 6, 7) * 86_400_000L + 5);
        List<Long> packed = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Long value : millis) {
            // the zone is not part of PostgreSQL's value: the instant is written in UTC
            packed.add(DateTimeEncoding.packDateTimeWithZone(value, value % 2 == 0 ? TimeZoneKey.UTC_KEY : paris));
            sources.add(daysAndMicros(value * 1_000));
        }
        String expression = "timestamptz '1970-01-01 00:00:00+00' + " + DAYS_AND_MICROS;
        assertThat(TestingEncodings.encodeText(TIMESTAMP_TZ_MILLIS, packed)).isEqualTo(postgres.texts(expression, sources));
        assertThat(hexes(TestingEncodings.encode(TIMESTAMP_TZ_MILLIS, PgFormat.BINARY, packed))).isEqualTo(hexes(postgres.sendBytes("timestamptz_send", expression, sources)));

        List<LongTimestampWithTimeZone> micros = List.of(
                LongTimestampWithTimeZone.fromEpochMillisAndFraction(1_700_000_000_123L, 456_000_000, paris),
                LongTimestampWithTimeZone.fromEpochMillisAndFraction(-1, 999_999_999, TimeZoneKey.UTC_KEY));
        assertThat(TestingEncodings.encodeText(TIMESTAMP_TZ_MICROS, micros)).isEqualTo(postgres.texts(expression, List.of(daysAndMicros(1_700_000_000_123_456L), daysAndMicros(0))));
    }

    @Test
    void testTime()
    {
        List<Long> micros = longs(0, 1, 10, 123_456, 1_000_000, 45_296_789_012L, MICROS_PER_DAY - 1, 12 * 3_600_000_000L);
        List<Long> picos = micros.stream().map(value -> value * 1_000_000).toList();
        String expression = "time '00:00' + (v || ' microseconds')::interval";
        List<String> sources = micros.stream().map(String::valueOf).toList();
        assertThat(TestingEncodings.encodeText(TIME_MICROS, picos)).isEqualTo(postgres.texts(expression, sources));
        assertThat(hexes(TestingEncodings.encode(TIME_MICROS, PgFormat.BINARY, picos))).isEqualTo(hexes(postgres.sendBytes("time_send", expression, sources)));
    }

    @Test
    void testIntervalDayTime()
    {
        long day = 86_400_000L;
        List<Long> values = longs(0, 1, -1, 999, 1_000, 1_500, 60_000, 3_600_000, day - 1, day, -day, day + 1, -(day + 2 * 3_600_000), 100 * day + 5 * 3_600_000 + 6_007,
                -(3 * day) + 4 * 3_600_000, 123_456_789_012L, -123_456_789_012L, Integer.MAX_VALUE * day + day - 1, Integer.MIN_VALUE * day);
        // Basin's milliseconds become days of 24 hours and the rest, as Basin's own text form splits them
        Function<Object, String> source = value -> ((Long) value / day) + " " + ((Long) value % day) * 1_000;
        assertMatchesPostgres(IntervalDayTimeType.INTERVAL_DAY_TIME, values, source,
                "(split_part(v, ' ', 1) || ' days ' || split_part(v, ' ', 2) || ' microseconds')::interval", "interval_send");
    }

    @Test
    void testIntervalYearMonth()
    {
        List<Long> values = longs(0, 1, -1, 2, 11, 12, 13, -12, -13, 25, 1_200, Integer.MAX_VALUE, Integer.MIN_VALUE);
        assertMatchesPostgres(IntervalYearMonthType.INTERVAL_YEAR_MONTH, values, String::valueOf, "(v || ' months')::interval", "interval_send");
    }

    @Test
    void testUuid()
    {
        Random random = new Random(3);
        List<UUID> uuids = List.of(new UUID(0, 0), new UUID(-1, -1), new UUID(random.nextLong(), random.nextLong()), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        List<Slice> values = new ArrayList<>();
        for (UUID uuid : uuids) {
            values.add(UuidType.javaUuidToTrinoUuid(uuid));
        }
        assertMatchesPostgres(UuidType.UUID, values, value -> UuidType.trinoUuidToJavaUuid((Slice) value).toString(), "v::uuid", "uuid_send");
    }

    @Test
    void testTypeWithoutPostgresCounterpartIsText()
    {
        ArrayType type = new ArrayType(INTEGER);
        Block block = TestingEncodings.block(type, Arrays.asList(TestingEncodings.block(INTEGER, longs(1, 2)), null));
        String expected = String.valueOf(type.getObjectValue(null, block, 0));
        assertThat(PgColumnType.forType(type)).isEqualTo(new PgColumnType(PgType.TEXT, -1));
        for (PgFormat format : PgFormat.values()) {
            List<byte[]> fields = TestingEncodings.encode(type, format, block);
            assertThat(new String(fields.get(0), UTF_8)).isEqualTo(expected);
            assertThat(fields.get(1)).isNull();
        }
    }

    @Test
    void testDictionaryAndRunLengthBlocks()
    {
        Block varchars = TestingEncodings.block(VARCHAR, Arrays.asList(Slices.utf8Slice("zero"), null, Slices.utf8Slice("two")));
        Block dictionary = DictionaryBlock.create(4, varchars, new int[] {2, 1, 0, 2});
        assertThat(strings(TestingEncodings.encode(VARCHAR, PgFormat.TEXT, dictionary))).containsExactly("two", null, "zero", "two");

        DecimalType decimal = DecimalType.createDecimalType(30, 3);
        Block decimals = TestingEncodings.block(decimal, List.of(Int128.valueOf(-12_345)));
        Block runLength = RunLengthEncodedBlock.create(decimals, 3);
        assertThat(strings(TestingEncodings.encode(decimal, PgFormat.TEXT, runLength))).containsExactly("-12.345", "-12.345", "-12.345");

        CharType charType = CharType.createCharType(3);
        Block chars = DictionaryBlock.create(2, TestingEncodings.block(charType, List.of(Slices.utf8Slice("a"))), new int[] {0, 0});
        assertThat(strings(TestingEncodings.encode(charType, PgFormat.BINARY, chars))).containsExactly("a  ", "a  ");
    }

    @Test
    void testColumnTypes()
    {
        assertThat(PgColumnType.forType(BOOLEAN)).isEqualTo(new PgColumnType(PgType.BOOL, -1));
        assertThat(PgColumnType.forType(TINYINT)).isEqualTo(new PgColumnType(PgType.INT2, -1));
        assertThat(PgColumnType.forType(SMALLINT)).isEqualTo(new PgColumnType(PgType.INT2, -1));
        assertThat(PgColumnType.forType(INTEGER)).isEqualTo(new PgColumnType(PgType.INT4, -1));
        assertThat(PgColumnType.forType(BIGINT)).isEqualTo(new PgColumnType(PgType.INT8, -1));
        assertThat(PgColumnType.forType(REAL)).isEqualTo(new PgColumnType(PgType.FLOAT4, -1));
        assertThat(PgColumnType.forType(DOUBLE)).isEqualTo(new PgColumnType(PgType.FLOAT8, -1));
        assertThat(PgColumnType.forType(DecimalType.createDecimalType(10, 2))).isEqualTo(new PgColumnType(PgType.NUMERIC, (10 << 16 | 2) + 4));
        assertThat(PgColumnType.forType(DecimalType.createDecimalType(38, 38))).isEqualTo(new PgColumnType(PgType.NUMERIC, (38 << 16 | 38) + 4));
        assertThat(PgColumnType.forType(VARCHAR)).isEqualTo(new PgColumnType(PgType.VARCHAR, -1));
        assertThat(PgColumnType.forType(VarcharType.createVarcharType(20))).isEqualTo(new PgColumnType(PgType.VARCHAR, 24));
        assertThat(PgColumnType.forType(CharType.createCharType(5))).isEqualTo(new PgColumnType(PgType.BPCHAR, 9));
        assertThat(PgColumnType.forType(VARBINARY)).isEqualTo(new PgColumnType(PgType.BYTEA, -1));
        assertThat(PgColumnType.forType(DATE)).isEqualTo(new PgColumnType(PgType.DATE, -1));
        assertThat(PgColumnType.forType(TIMESTAMP_MICROS)).isEqualTo(new PgColumnType(PgType.TIMESTAMP, 6));
        assertThat(PgColumnType.forType(TIMESTAMP_MILLIS)).isEqualTo(new PgColumnType(PgType.TIMESTAMP, 3));
        assertThat(PgColumnType.forType(TIMESTAMP_NANOS)).isEqualTo(new PgColumnType(PgType.TIMESTAMP, 6));
        assertThat(PgColumnType.forType(TIMESTAMP_TZ_MILLIS)).isEqualTo(new PgColumnType(PgType.TIMESTAMPTZ, 3));
        assertThat(PgColumnType.forType(TIME_MICROS)).isEqualTo(new PgColumnType(PgType.TIME, 6));
        assertThat(PgColumnType.forType(IntervalDayTimeType.INTERVAL_DAY_TIME)).isEqualTo(new PgColumnType(PgType.INTERVAL, -1));
        assertThat(PgColumnType.forType(IntervalYearMonthType.INTERVAL_YEAR_MONTH)).isEqualTo(new PgColumnType(PgType.INTERVAL, -1));
        assertThat(PgColumnType.forType(UuidType.UUID)).isEqualTo(new PgColumnType(PgType.UUID, -1));
    }

    /**
     * Writes {@code values} of {@code type} and NULL in both formats and compares them with PostgreSQL's
     * output of {@code expression} and {@code sendFunction(expression)} over each value's source.
     */
    private void assertMatchesPostgres(Type type, List<?> nonNullValues, Function<Object, String> source, String expression, String sendFunction)
    {
        List<Object> values = new ArrayList<>(nonNullValues);
        values.add(null);
        List<String> sources = new ArrayList<>();
        for (Object value : values) {
            sources.add(value == null ? null : source.apply(value));
        }
        List<String> expectedText = postgres.texts(expression, sources);
        List<String> actualText = strings(TestingEncodings.encode(type, PgFormat.TEXT, values));
        for (int i = 0; i < values.size(); i++) {
            assertThat(actualText.get(i)).as("text of %s %s", type, sources.get(i)).isEqualTo(expectedText.get(i));
        }
        List<byte[]> expectedBinary = postgres.sendBytes(sendFunction, expression, sources);
        List<byte[]> actualBinary = TestingEncodings.encode(type, PgFormat.BINARY, values);
        for (int i = 0; i < values.size(); i++) {
            assertThat(hex(actualBinary.get(i))).as("binary of %s %s", type, sources.get(i)).isEqualTo(hex(expectedBinary.get(i)));
        }
    }

    /** Days and microseconds of a day, as the source of {@link #DAYS_AND_MICROS}: an interval of all microseconds overflows near PostgreSQL's limits. */
    static String daysAndMicros(long micros)
    {
        return Math.floorDiv(micros, MICROS_PER_DAY) + " " + Math.floorMod(micros, MICROS_PER_DAY);
    }

    private static List<String> strings(List<byte[]> fields)
    {
        List<String> strings = new ArrayList<>();
        for (byte[] field : fields) {
            strings.add(field == null ? null : new String(field, UTF_8));
        }
        return strings;
    }

    private static List<String> hexes(List<byte[]> fields)
    {
        return fields.stream().map(TestPgValueWriter::hex).toList();
    }

    private static String hex(byte[] bytes)
    {
        return bytes == null ? null : HEX.formatHex(bytes);
    }

    private static List<Long> longs(long... values)
    {
        List<Long> list = new ArrayList<>();
        for (long value : values) {
            list.add(value);
        }
        return list;
    }
}
