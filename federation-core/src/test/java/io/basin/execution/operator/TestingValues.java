package io.basin.execution.operator;

import io.basin.type.IntervalDayTimeType;
import io.basin.type.IntervalYearMonthType;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.LongTimestamp;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarbinaryType;
import io.trino.spi.type.VarcharType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import static io.basin.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
import static io.basin.type.IntervalYearMonthType.INTERVAL_YEAR_MONTH;
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
import static io.trino.spi.type.TimestampType.TIMESTAMP_NANOS;
import static io.trino.spi.type.TinyintType.TINYINT;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;

/** Random test values with deliberate edge cases: extremes, NaN, -0.0, non-BMP characters, trailing spaces. */
final class TestingValues
{
    static final List<Type> ALL_TYPES = List.of(
            BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE,
            createDecimalType(10, 2), createDecimalType(30, 5),
            VARCHAR, createCharType(6), VARBINARY,
            DATE, TIMESTAMP_MICROS, TIMESTAMP_NANOS, INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH);

    // Code points whose UTF-16 order differs from their code point order (U+E000 sorts after a
    // surrogate pair in UTF-16, before it by code point), plus multi-byte and ASCII characters.
    private static final String[] STRING_PIECES = {"a", "b", "ab", "A", "z", "é", "ü", "\uE000", "\uD83D\uDE00", "\uFFFD", "中", "", " ", "\u0001"};

    private TestingValues() {}

    /**
     * A random value of the type, or NULL with the given probability. {@code distinct} bounds the
     * number of different values, to force ties.
     */
    static Object random(Type type, Random random, double nullProbability, int distinct)
    {
        if (random.nextDouble() < nullProbability) {
            return null;
        }
        int pick = random.nextInt(distinct);
        return switch (type) {
            case BooleanType _ -> pick % 2 == 0;
            case TinyintType _ -> (long) (byte) edge(pick, Byte.MIN_VALUE, Byte.MAX_VALUE, random.nextInt(256) - 128);
            case SmallintType _ -> (long) (short) edge(pick, Short.MIN_VALUE, Short.MAX_VALUE, random.nextInt(65536) - 32768);
            case IntegerType _, DateType _ -> (long) (int) edge(pick, Integer.MIN_VALUE, Integer.MAX_VALUE, random.nextInt());
            case BigintType _, IntervalDayTimeType _, IntervalYearMonthType _ -> edge(pick, Long.MIN_VALUE, Long.MAX_VALUE, random.nextLong());
            case TimestampType timestamp when timestamp.isShort() -> edge(pick, -62135596800000000L, 253402300799999999L, random.nextLong() >> 8);
            case TimestampType _ -> new LongTimestamp((random.nextLong() >> 8) + pick % 4, pick % 3 * 1000);
            case RealType _ -> (float) randomDouble(pick, random);
            case DoubleType _ -> randomDouble(pick, random);
            case DecimalType decimal -> randomDecimal(decimal, pick, random);
            case VarcharType _ -> randomString(random, 0);
            case CharType charType -> randomChar(charType, random);
            case VarbinaryType _ -> {
                byte[] bytes = new byte[random.nextInt(10)];
                random.nextBytes(bytes);
                yield new TestingBinary(bytes);
            }
            default -> throw new IllegalArgumentException("unsupported test type " + type);
        };
    }

    /** A value from a small domain: the same {@code pick} always gives the same value, so ties are frequent. */
    static Object fromDomain(Type type, int pick)
    {
        Random random = new Random(pick * 7919L + type.getDisplayName().hashCode());
        return random(type, random, 0, Integer.MAX_VALUE);
    }

    private static long edge(int pick, long min, long max, long otherwise)
    {
        return switch (pick % 17) {
            case 0 -> min;
            case 1 -> max;
            case 2 -> 0;
            case 3 -> -1;
            case 4 -> 1;
            default -> otherwise;
        };
    }

    private static double randomDouble(int pick, Random random)
    {
        return switch (pick % 23) {
            case 0 -> Double.NaN;
            case 1 -> Double.longBitsToDouble(0x7ff8000000000123L);
            case 2 -> -0.0;
            case 3 -> 0.0;
            case 4 -> Double.POSITIVE_INFINITY;
            case 5 -> Double.NEGATIVE_INFINITY;
            case 6 -> Double.MAX_VALUE;
            case 7 -> -Double.MIN_VALUE;
            // a NaN with the sign bit set: its raw bits look like the most negative number
            case 8 -> Double.longBitsToDouble(0xfff8000000000001L);
            default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 10);
        };
    }

    private static BigDecimal randomDecimal(DecimalType type, int pick, Random random)
    {
        BigInteger limit = BigInteger.TEN.pow(type.getPrecision()).subtract(BigInteger.ONE);
        BigInteger unscaled = switch (pick % 13) {
            case 0 -> limit;
            case 1 -> limit.negate();
            case 2 -> BigInteger.ZERO;
            default -> new BigInteger(type.getPrecision() * 3, random).mod(limit).subtract(limit.shiftRight(1));
        };
        return new BigDecimal(unscaled, type.getScale());
    }

    static String randomString(Random random, int maxLength)
    {
        int pieces = random.nextInt(maxLength == 0 ? 6 : maxLength + 1);
        StringBuilder builder = new StringBuilder();
        for (int piece = 0; piece < pieces; piece++) {
            builder.append(STRING_PIECES[random.nextInt(STRING_PIECES.length)]);
        }
        return builder.toString();
    }

    private static String randomChar(CharType type, Random random)
    {
        // char values up to the declared length, some with trailing spaces that must not matter
        StringBuilder builder = new StringBuilder();
        int length = random.nextInt(type.getLength() + 1);
        for (int index = 0; index < length; index++) {
            builder.append("ab \u00e9".charAt(random.nextInt(4)));
        }
        return builder.toString();
    }
}
