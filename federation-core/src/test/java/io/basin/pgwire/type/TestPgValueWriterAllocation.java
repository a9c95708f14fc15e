package io.basin.pgwire.type;

import io.airlift.slice.Slices;
import io.basin.type.IntervalDayTimeType;
import io.basin.type.IntervalYearMonthType;
import io.trino.spi.block.Block;
import io.trino.spi.type.ArrayType;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.TinyintType.TINYINT;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The value writers write the common types without allocating per value: after warm-up, writing
 * tens of thousands of values allocates (almost) nothing on the writing thread, as measured by the
 * JVM's per-thread allocation counter.
 */
class TestPgValueWriterAllocation
{
    private static final int VALUES = 10_000;
    private static final int ROUNDS = 5;
    // allowance for incidental allocation that does not grow with the number of values
    private static final long ALLOWED_BYTES = 16 * 1024;

    @Test
    void testWritersDoNotAllocatePerValue()
    {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SplittableRandom random = new SplittableRandom(9);
        DecimalType shortDecimal = DecimalType.createDecimalType(12, 3);
        DecimalType longDecimal = DecimalType.createDecimalType(38, 9);
        List<Case> cases = List.of(
                new Case(BOOLEAN, _ -> random.nextBoolean()),
                new Case(TINYINT, _ -> (long) (byte) random.nextInt()),
                new Case(SMALLINT, _ -> (long) (short) random.nextInt()),
                new Case(INTEGER, _ -> (long) random.nextInt()),
                new Case(BIGINT, _ -> random.nextLong()),
                new Case(REAL, _ -> (long) Float.floatToIntBits((float) random.nextDouble(-1e6, 1e6))),
                new Case(DOUBLE, _ -> Double.longBitsToDouble(random.nextLong())),
                new Case(shortDecimal, _ -> random.nextLong(-999_999_999_999L, 999_999_999_999L)),
                new Case(longDecimal, _ -> Int128.valueOf(new BigDecimal(random.nextDouble(-1, 1)).movePointRight(37).toBigInteger())),
                new Case(VARCHAR, i -> Slices.utf8Slice("value " + i)),
                new Case(CharType.createCharType(12), i -> Slices.utf8Slice("c" + i)),
                new Case(VARBINARY, i -> Slices.utf8Slice("bytes" + i)),
                new Case(DATE, _ -> random.nextLong(-1_000_000, 1_000_000)),
                new Case(TIMESTAMP_MICROS, _ -> random.nextLong(-10_000_000_000_000_000L, 10_000_000_000_000_000L)),
                new Case(IntervalDayTimeType.INTERVAL_DAY_TIME, _ -> random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L)),
                new Case(IntervalYearMonthType.INTERVAL_YEAR_MONTH, _ -> (long) random.nextInt(-100_000, 100_000)));
        for (Case testCase : cases) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < VALUES; i++) {
                values.add(i % 100 == 0 ? null : testCase.values().apply(i));
            }
            Block block = TestingEncodings.block(testCase.type(), values);
            for (PgFormat format : PgFormat.values()) {
                PgValueWriter writer = PgValueWriter.forType(testCase.type(), format);
                WireBuffer buffer = new WireBuffer(VALUES * 64);
                // warm up, so that the measured rounds run compiled code
                for (int round = 0; round < 30; round++) {
                    writeAll(writer, block, buffer);
                }
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int round = 0; round < ROUNDS; round++) {
                    writeAll(writer, block, buffer);
                }
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                assertThat(allocated).as("bytes allocated writing %s values of %s in %s", VALUES * ROUNDS, testCase.type(), format).isLessThan(ALLOWED_BYTES);
            }
        }
    }

    @Test
    void testMeasurementSeesAllocation()
    {
        // control: a type without a PostgreSQL counterpart is written through a String per value
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ArrayType type = new ArrayType(INTEGER);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < VALUES; i++) {
            values.add(TestingEncodings.block(INTEGER, List.of((long) i)));
        }
        Block block = TestingEncodings.block(type, values);
        PgValueWriter writer = PgValueWriter.forType(type, PgFormat.TEXT);
        WireBuffer buffer = new WireBuffer(VALUES * 64);
        writeAll(writer, block, buffer);
        long before = threads.getCurrentThreadAllocatedBytes();
        writeAll(writer, block, buffer);
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isGreaterThan(ALLOWED_BYTES);
    }

    private static void writeAll(PgValueWriter writer, Block block, WireBuffer buffer)
    {
        buffer.reset();
        for (int position = 0; position < block.getPositionCount(); position++) {
            writer.write(block, position, buffer);
        }
    }

    private record Case(Type type, LongFunction<Object> values) {}
}
