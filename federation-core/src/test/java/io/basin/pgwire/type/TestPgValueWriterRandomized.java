package io.basin.pgwire.type;

import io.basin.type.IntervalDayTimeType;
import io.basin.type.IntervalYearMonthType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static io.basin.pgwire.type.PgDateTimeText.MICROS_PER_DAY;
import static io.basin.pgwire.type.TestPgValueWriter.DAYS_AND_MICROS;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Thousands of random values per type (fixed seeds), written by the value writers and compared
 * with PostgreSQL 17's text output and {@code *send} bytes of the same values, one query per type.
 */
@TestInstance(PER_CLASS)
class TestPgValueWriterRandomized
{
    private static final HexFormat HEX = HexFormat.of();
    // PostgreSQL's first day, 4714-11-24 BC, and the last day a long of microseconds since 1970 reaches
    private static final long MIN_DAY = -2_440_588;
    private static final long MAX_DAY = Long.MAX_VALUE / MICROS_PER_DAY - 1;

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
    void testDoubles()
    {
        SplittableRandom random = new SplittableRandom(11);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            values.add(Double.longBitsToDouble(random.nextLong()));
        }
        for (int i = 0; i < 2_000; i++) {
            // decimal-looking values: 1 to 17 digits, any exponent
            values.add(Double.parseDouble(randomDigits(random, 1 + random.nextInt(17)) + "e" + (random.nextInt(80) - 40)));
        }
        for (int i = 0; i < 1_000; i++) {
            values.add((double) random.nextLong(-(1L << 60), 1L << 60) / (1L << random.nextInt(64)));
        }
        assertMatchesPostgres(DOUBLE, values, value -> Double.toString((Double) value), "v::float8", "float8send");
    }

    @Test
    void testReals()
    {
        SplittableRandom random = new SplittableRandom(12);
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            values.add((long) random.nextInt());
        }
        for (int i = 0; i < 2_000; i++) {
            float value = Float.parseFloat(randomDigits(random, 1 + random.nextInt(9)) + "e" + (random.nextInt(60) - 30));
            values.add((long) Float.floatToRawIntBits(value));
        }
        assertMatchesPostgres(REAL, values, bits -> Float.toString(Float.intBitsToFloat((int) (long) (Long) bits)), "v::float4", "float4send");
    }

    @Test
    void testDecimals()
    {
        SplittableRandom random = new SplittableRandom(13);
        List<String> sources = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> binaries = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            int precision = 1 + random.nextInt(38);
            int scale = random.nextInt(precision + 1);
            DecimalType type = DecimalType.createDecimalType(precision, scale);
            // a random number of digits, so that small values are common too
            BigInteger unscaled = new BigInteger(randomDigits(random, 1 + random.nextInt(precision)));
            if (random.nextBoolean()) {
                unscaled = unscaled.negate();
            }
            Object value = type.isShort() ? (Object) unscaled.longValueExact() : Int128.valueOf(unscaled);
            sources.add(new BigDecimal(unscaled, scale).toPlainString());
            texts.add(new String(TestingEncodings.encode(type, PgFormat.TEXT, List.of(value)).getFirst(), UTF_8));
            binaries.add(HEX.formatHex(TestingEncodings.encode(type, PgFormat.BINARY, List.of(value)).getFirst()));
        }
        // the text keeps its scale: '12.50'::numeric has display scale 2, as numeric(4,2) would
        assertThat(texts).isEqualTo(postgres.texts("v::numeric", sources));
        assertThat(binaries).isEqualTo(postgres.sendBytes("numeric_send", "v::numeric", sources).stream().map(HEX::formatHex).toList());
    }

    @Test
    void testTimestamps()
    {
        SplittableRandom random = new SplittableRandom(14);
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            long micros = random.nextLong(MIN_DAY * MICROS_PER_DAY, MAX_DAY * MICROS_PER_DAY);
            if (i % 2 == 0) {
                // mostly recent years, the common case
                micros = random.nextLong(-3_000_000_000_000_000L, 3_000_000_000_000_000L);
            }
            // 0 to 6 fraction digits
            long unit = AsciiDigits.powerOfTen(random.nextInt(7));
            values.add(Math.floorDiv(micros, unit) * unit);
        }
        assertMatchesPostgres(TIMESTAMP_MICROS, values, value -> TestPgValueWriter.daysAndMicros((Long) value), "timestamp '1970-01-01' + " + DAYS_AND_MICROS, "timestamp_send");
    }

    @Test
    void testDates()
    {
        SplittableRandom random = new SplittableRandom(15);
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            values.add(i % 2 == 0 ? random.nextLong(MIN_DAY, 2_147_483_494L - 2_451_545 + 10_957) : random.nextLong(-1_000_000, 1_000_000));
        }
        assertMatchesPostgres(DATE, values, String::valueOf, "date '1970-01-01' + v::int", "date_send");
    }

    @Test
    void testIntervals()
    {
        SplittableRandom random = new SplittableRandom(16);
        long day = MICROS_PER_DAY / 1_000;
        List<Long> millis = new ArrayList<>();
        List<Long> months = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            // magnitudes from milliseconds to millions of days
            long magnitude = 1L << random.nextInt(1, 57);
            millis.add(random.nextLong(-magnitude, magnitude));
            months.add((long) random.nextInt(-(1 << random.nextInt(1, 31)), 1 << random.nextInt(1, 31)));
        }
        assertMatchesPostgres(IntervalDayTimeType.INTERVAL_DAY_TIME, millis, value -> ((Long) value / day) + " " + ((Long) value % day) * 1_000,
                "(split_part(v, ' ', 1) || ' days ' || split_part(v, ' ', 2) || ' microseconds')::interval", "interval_send");
        assertMatchesPostgres(IntervalYearMonthType.INTERVAL_YEAR_MONTH, months, String::valueOf, "(v || ' months')::interval", "interval_send");
    }

    private void assertMatchesPostgres(Type type, List<?> values, Function<Object, String> source, String expression, String sendFunction)
    {
        List<String> sources = values.stream().map(source).toList();
        List<String> texts = TestingEncodings.encodeText(type, values);
        List<String> expectedTexts = postgres.texts(expression, sources);
        for (int i = 0; i < values.size(); i++) {
            assertThat(texts.get(i)).as("text of %s %s", type, sources.get(i)).isEqualTo(expectedTexts.get(i));
        }
        List<byte[]> binaries = TestingEncodings.encode(type, PgFormat.BINARY, values);
        List<byte[]> expectedBinaries = postgres.sendBytes(sendFunction, expression, sources);
        for (int i = 0; i < values.size(); i++) {
            assertThat(HEX.formatHex(binaries.get(i))).as("binary of %s %s", type, sources.get(i)).isEqualTo(HEX.formatHex(expectedBinaries.get(i)));
        }
    }

    private static String randomDigits(SplittableRandom random, int count)
    {
        StringBuilder digits = new StringBuilder(count);
        digits.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
