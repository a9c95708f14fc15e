package io.basin.execution.operator;

import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import io.basin.execution.QueryContext;
import io.basin.execution.compare.SortKey;
import io.trino.spi.Page;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.basin.execution.operator.SortAssertions.assertPageSizes;
import static io.basin.execution.operator.SortAssertions.assertSortedSlice;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.CharType.createCharType;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestOrderBySink
{
    @Test
    void sortsEveryTypeInEveryDirectionAndNullPlacement()
    {
        Random random = new Random(1);
        for (Type type : TestingValues.ALL_TYPES) {
            List<Type> types = List.of(type, BIGINT);
            // few distinct values: many ties, so the id column shows rows survive intact
            List<List<Object>> rows = new ArrayList<>();
            for (int row = 0; row < 3000; row++) {
                rows.add(TestingPages.row(TestingValues.random(type, random, 0.1, row % 3 == 0 ? 20 : 1_000_000), (long) row));
            }
            for (boolean ascending : new boolean[] {true, false}) {
                for (boolean nullsFirst : new boolean[] {true, false}) {
                    List<SortKey> keys = List.of(new SortKey(0, type, ascending, nullsFirst));
                    assertOrderBy(types, rows, keys, 3, 700);
                }
            }
        }
    }

    @Test
    void breaksTiesWithLaterKeys()
    {
        Random random = new Random(2);
        List<Type> types = TestingValues.ALL_TYPES;
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < 5000; row++) {
            List<Object> values = new ArrayList<>();
            for (Type type : types) {
                values.add(TestingValues.random(type, random, 0.15, 4));
            }
            rows.add(values);
        }
        // every type as a leading key with few distinct values, then two more keys
        for (int leading = 0; leading < types.size(); leading++) {
            int second = (leading + 5) % types.size();
            int third = (leading + 9) % types.size();
            List<SortKey> keys = List.of(
                    new SortKey(leading, types.get(leading), leading % 2 == 0, leading % 3 == 0),
                    new SortKey(second, types.get(second), leading % 3 != 0, leading % 2 == 0),
                    SortKey.descending(third, types.get(third)));
            assertOrderBy(types, rows, keys, 2, 512);
        }
    }

    @Test
    void sortsLongStringsSharingLongPrefixes()
    {
        // strings that tie on their first 7, 14, 21... bytes, of lengths around those
        // boundaries, some sharing more than 448 bytes, some padded chars: the radix passes over
        // later bytes and the comparison fallback past them
        Random random = new Random(5);
        String[] stems = {"Customer#", "Customer#000", "Customer#0000000", "", "abcdefg", "abcdefgh", "abcdefghijklmn", "x".repeat(500), "x".repeat(460) + "\u00e9"};
        Type charType = createCharType(600);
        List<Type> types = List.of(VARCHAR, charType, BIGINT);
        List<List<Object>> rows = new ArrayList<>();
        for (long row = 0; row < 20_000; row++) {
            String stem = stems[random.nextInt(stems.length)];
            String value = random.nextInt(50) == 0 ? null : stem + (random.nextInt(4) == 0 ? "" : Integer.toString(random.nextInt(300)));
            String padded = value == null ? null : value + " ".repeat(random.nextInt(3));
            rows.add(TestingPages.row(value, padded, (long) random.nextInt(5)));
        }
        for (boolean ascending : new boolean[] {true, false}) {
            assertOrderBy(types, rows, List.of(SortKey.of(0, VARCHAR, ascending)), 2, 1000);
            assertOrderBy(types, rows, List.of(SortKey.of(0, VARCHAR, ascending), SortKey.descending(2, BIGINT)), 3, 1000);
            assertOrderBy(types, rows, List.of(SortKey.of(1, charType, ascending), SortKey.ascending(2, BIGINT)), 2, 4096);
        }
    }

    @Test
    void sortsLargeMultiPageInput()
    {
        Random random = new Random(3);
        List<Type> types = List.of(BIGINT, VARCHAR, DOUBLE, INTEGER);
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < 250_000; row++) {
            rows.add(TestingPages.row(
                    random.nextInt(10) == 0 ? null : random.nextLong() % 100_000,
                    TestingValues.randomString(random, 3),
                    random.nextDouble(),
                    (long) row));
        }
        List<Page> output = assertOrderBy(types, rows, List.of(SortKey.ascending(0, BIGINT)), 4, 4096);
        assertPageSizes(output, 8192);
        assertThat(output.size()).isGreaterThanOrEqualTo(250_000 / 8192);

        assertOrderBy(types, rows, List.of(SortKey.descending(1, VARCHAR), SortKey.ascending(2, DOUBLE)), 3, 10_000);
    }

    @Test
    void acceptsDictionaryAndRunLengthEncodedBlocks()
    {
        Random random = new Random(4);
        List<Type> types = List.of(VARCHAR, BIGINT);
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < 2000; row++) {
            rows.add(TestingPages.row(TestingValues.randomString(random, 4), random.nextBoolean() ? null : (long) random.nextInt(50)));
        }
        List<Page> input = new ArrayList<>();
        for (Page page : TestingPages.toPages(types, rows, 333)) {
            input.add(TestingPages.encode(page));
        }
        input.add(TestingPages.encode(TestingPages.toPage(types, List.of(TestingPages.row("single", 7L)))));
        List<List<Object>> allRows = new ArrayList<>(rows);
        allRows.add(TestingPages.row("single", 7L));

        List<SortKey> keys = List.of(SortKey.ascending(1, BIGINT), SortKey.descending(0, VARCHAR));
        List<Page> output = TestingDrivers.run(new OrderBySink(types, keys), input, TestingDrivers.queryContext(2));
        assertSortedSlice(allRows, TestingPages.toRows(types, output), keys, 0, Long.MAX_VALUE);
    }

    @Test
    void emptyInputProducesNoPages()
    {
        List<Type> types = List.of(BIGINT);
        OrderBySink sink = new OrderBySink(types, List.of(SortKey.ascending(0, BIGINT)));
        assertThat(TestingDrivers.run(sink, List.of(), TestingDrivers.queryContext(3))).isEmpty();

        // pages without rows are no input either
        OrderBySink withEmptyPages = new OrderBySink(types, List.of(SortKey.ascending(0, BIGINT)));
        List<Page> emptyPages = List.of(TestingPages.toPage(types, List.of()), TestingPages.toPage(types, List.of()));
        assertThat(TestingDrivers.run(withEmptyPages, emptyPages, TestingDrivers.queryContext(2))).isEmpty();
    }

    @Test
    void releasesMemoryWhenOutputIsConsumed()
    {
        QueryContext queryContext = TestingDrivers.queryContext(2);
        List<Type> types = List.of(BIGINT);
        List<List<Object>> rows = new ArrayList<>();
        for (long row = 0; row < 50_000; row++) {
            rows.add(TestingPages.row(row * 7919 % 50_000));
        }
        TestingDrivers.run(new OrderBySink(types, List.of(SortKey.ascending(0, BIGINT))), TestingPages.toPages(types, rows, 1000), queryContext);
        assertThat(queryContext.memoryPool().peakBytes()).isGreaterThan(50_000L * Long.BYTES);
        assertThat(queryContext.memoryPool().reservedBytes()).isZero();
    }

    @Test
    void failsWhenTheSortExceedsTheMemoryLimit()
    {
        List<Type> types = List.of(BIGINT, VARCHAR);
        List<List<Object>> rows = new ArrayList<>();
        for (long row = 0; row < 100_000; row++) {
            rows.add(TestingPages.row(row, "some text to take up room " + row));
        }
        QueryContext queryContext = TestingDrivers.queryContext(1L << 20, 2);
        OrderBySink sink = new OrderBySink(types, List.of(SortKey.descending(0, BIGINT)));
        assertThatThrownBy(() -> TestingDrivers.run(sink, TestingPages.toPages(types, rows, 1024), queryContext))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.code()).isEqualTo(BasinErrorCode.EXCEEDED_MEMORY_LIMIT));
    }

    private static List<Page> assertOrderBy(List<Type> types, List<List<Object>> rows, List<SortKey> keys, int drivers, int rowsPerPage)
    {
        OrderBySink sink = new OrderBySink(types, keys);
        List<Page> output = TestingDrivers.run(sink, TestingPages.toPages(types, rows, rowsPerPage), TestingDrivers.queryContext(drivers));
        assertSortedSlice(rows, TestingPages.toRows(types, output), keys, 0, Long.MAX_VALUE);
        return output;
    }
}
