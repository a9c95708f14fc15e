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

import static io.basin.execution.operator.SortAssertions.assertSortedSlice;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestTopNSink
{
    private static final List<Type> TYPES = List.of(BIGINT, VARCHAR, DOUBLE, BIGINT);

    @Test
    void keepsTheBestRowsAfterTheOffset()
    {
        List<List<Object>> rows = randomRows(new Random(1), 60_000, 1000);
        List<SortKey> keys = List.of(SortKey.ascending(0, BIGINT), SortKey.descending(1, VARCHAR));
        for (long limit : new long[] {1, 10, 100, 1000}) {
            for (long offset : new long[] {0, 5, 250}) {
                assertTopN(rows, keys, limit, offset, 3, 1024);
            }
        }
    }

    @Test
    void handlesNullsTiesAndDescendingKeys()
    {
        List<List<Object>> rows = randomRows(new Random(2), 20_000, 5);
        assertTopN(rows, List.of(new SortKey(0, BIGINT, false, true), new SortKey(2, DOUBLE, true, true)), 100, 0, 4, 500);
        assertTopN(rows, List.of(new SortKey(0, BIGINT, true, false)), 10, 10, 2, 777);
        assertTopN(rows, List.of(SortKey.descending(1, VARCHAR), SortKey.ascending(3, BIGINT)), 37, 3, 3, 8192);
    }

    @Test
    void everyTypeAsKey()
    {
        Random random = new Random(3);
        for (Type type : TestingValues.ALL_TYPES) {
            List<List<Object>> rows = new ArrayList<>();
            for (long row = 0; row < 4000; row++) {
                rows.add(TestingPages.row(TestingValues.random(type, random, 0.1, row % 2 == 0 ? 30 : 1_000_000), row));
            }
            List<Type> types = List.of(type, BIGINT);
            for (boolean ascending : new boolean[] {true, false}) {
                TopNSink sink = new TopNSink(types, List.of(SortKey.of(0, type, ascending)), 25, 5);
                List<Page> output = TestingDrivers.run(sink, TestingPages.toPages(types, rows, 300), TestingDrivers.queryContext(3));
                assertSortedSlice(rows, TestingPages.toRows(types, output), List.of(SortKey.of(0, type, ascending)), 5, 25);
            }
        }
    }

    @Test
    void largeLimitCompactsRetainedPages()
    {
        // many survivors per page: exercises compaction of the retained pages
        List<List<Object>> rows = randomRows(new Random(4), 400_000, 1_000_000);
        QueryContext queryContext = TestingDrivers.queryContext(2);
        List<SortKey> keys = List.of(SortKey.descending(2, DOUBLE));
        TopNSink sink = new TopNSink(TYPES, keys, 20_000, 1000);
        List<Page> output = TestingDrivers.run(sink, TestingPages.toPages(TYPES, rows, 4096), queryContext);
        assertSortedSlice(rows, TestingPages.toRows(TYPES, output), keys, 1000, 20_000);
        SortAssertions.assertPageSizes(output, 8192);
        // Each driver retains at most about twice its 21,000 kept rows: a quarter of the input
        // here. Without compaction it would retain nearly all of it.
        assertThat(queryContext.memoryPool().peakBytes()).isLessThan(TestingPages.toPage(TYPES, rows).getRetainedSizeInBytes() * 2 / 5);
        assertThat(queryContext.memoryPool().reservedBytes()).isZero();
    }

    @Test
    void smallLimitRetainsLittleMemory()
    {
        List<List<Object>> rows = randomRows(new Random(5), 300_000, 1_000_000);
        QueryContext queryContext = TestingDrivers.queryContext(2);
        List<SortKey> keys = List.of(SortKey.ascending(0, BIGINT));
        List<Page> output = TestingDrivers.run(new TopNSink(TYPES, keys, 10, 0), TestingPages.toPages(TYPES, rows, 8192), queryContext);
        assertSortedSlice(rows, TestingPages.toRows(TYPES, output), keys, 0, 10);
        // at most a few pages per driver are ever retained
        assertThat(queryContext.memoryPool().peakBytes()).isLessThan(8L << 20);
    }

    @Test
    void limitZeroAndEmptyInput()
    {
        List<List<Object>> rows = randomRows(new Random(6), 1000, 100);
        List<SortKey> keys = List.of(SortKey.ascending(0, BIGINT));
        assertThat(TestingDrivers.run(new TopNSink(TYPES, keys, 0, 0), TestingPages.toPages(TYPES, rows, 100), TestingDrivers.queryContext(2))).isEmpty();
        assertThat(TestingDrivers.run(new TopNSink(TYPES, keys, 10, 0), List.of(), TestingDrivers.queryContext(2))).isEmpty();
        // offset past the end
        assertThat(TestingDrivers.run(new TopNSink(TYPES, keys, 10, 5000), TestingPages.toPages(TYPES, rows, 100), TestingDrivers.queryContext(2))).isEmpty();
    }

    @Test
    void failsWhenKeptRowsExceedTheMemoryLimit()
    {
        List<List<Object>> rows = randomRows(new Random(7), 100_000, 1_000_000);
        TopNSink sink = new TopNSink(TYPES, List.of(SortKey.ascending(0, BIGINT)), 80_000, 0);
        assertThatThrownBy(() -> TestingDrivers.run(sink, TestingPages.toPages(TYPES, rows, 1000), TestingDrivers.queryContext(1L << 20, 2)))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.code()).isEqualTo(BasinErrorCode.EXCEEDED_MEMORY_LIMIT));
    }

    private static void assertTopN(List<List<Object>> rows, List<SortKey> keys, long limit, long offset, int drivers, int rowsPerPage)
    {
        TopNSink sink = new TopNSink(TYPES, keys, limit, offset);
        List<Page> output = TestingDrivers.run(sink, TestingPages.toPages(TYPES, rows, rowsPerPage), TestingDrivers.queryContext(drivers));
        assertSortedSlice(rows, TestingPages.toRows(TYPES, output), keys, offset, limit);
    }

    private static List<List<Object>> randomRows(Random random, int count, int distinct)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (long row = 0; row < count; row++) {
            rows.add(TestingPages.row(
                    random.nextInt(20) == 0 ? null : (long) random.nextInt(distinct),
                    TestingValues.randomString(random, 2),
                    random.nextInt(20) == 0 ? null : random.nextDouble(),
                    row));
        }
        return rows;
    }
}
