package io.basin.execution.driver;

import io.basin.execution.QueryContext;
import io.basin.execution.memory.QueryMemoryPool;
import io.basin.execution.operator.Operator;
import io.basin.execution.operator.OperatorFactory;
import io.basin.execution.operator.PageBufferSink;
import io.basin.execution.operator.PageConsumer;
import io.basin.execution.operator.PageSupplier;
import io.basin.execution.operator.Source;
import io.trino.spi.Page;
import io.trino.spi.block.LongArrayBlock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counters EXPLAIN ANALYZE reads: rows into and out of every stage as the test's own pages
 * dictate, an operator's time without the time of the operator it pushes into, CPU time apart from
 * time spent waiting, drivers, and the sink's accounted memory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestExecutionStatistics
{
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int PARTITIONS = 4;
    private static final int PAGES_PER_PARTITION = 3;
    private static final int ROWS_PER_PAGE = 1000;
    private static final long BUSY_NANOS = 3_000_000;
    private static final long SLEEP_MILLIS = 10;

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterAll
    void tearDown()
    {
        executor.shutdownNow();
    }

    @Test
    void testStagesAreCountedAndTimedOnTheirOwn()
    {
        PageBufferSink sink = new PageBufferSink("Collect");
        Pipeline pipeline = new Pipeline(0, source(), List.of(new KeepEven(), new Sleep()), sink);
        ExecutionStatistics statistics = new ExecutionStatistics();
        new PipelineExecutor(executor).execute(List.of(pipeline), queryContext(), statistics);

        long inputRows = (long) PARTITIONS * PAGES_PER_PARTITION * ROWS_PER_PAGE;
        long keptRows = inputRows / 2;
        int pages = PARTITIONS * PAGES_PER_PARTITION;
        ExecutionStatistics.PipelineStats stats = statistics.stats(pipeline).orElseThrow();
        assertThat(stats.source().outputRows()).isEqualTo(inputRows);
        OperatorStats keepEven = stats.operators().get(0);
        OperatorStats sleep = stats.operators().get(1);
        assertThat(keepEven.inputRows()).isEqualTo(inputRows);
        assertThat(keepEven.inputPages()).isEqualTo(pages);
        assertThat(keepEven.outputRows()).isEqualTo(keptRows);
        assertThat(sleep.inputRows()).isEqualTo(keptRows);
        assertThat(sleep.outputRows()).isEqualTo(keptRows);
        assertThat(stats.sink().inputRows()).isEqualTo(keptRows);
        assertThat(sink.pages().stream().mapToLong(Page::getPositionCount).sum()).isEqualTo(keptRows);
        assertThat(keepEven.drivers()).isEqualTo(2);
        assertThat(stats.source().drivers()).isEqualTo(2);

        // KeepEven burns CPU per page and pushes into Sleep, which waits: each stage has its own time
        long sleepNanos = TimeUnit.MILLISECONDS.toNanos(SLEEP_MILLIS) * pages;
        assertThat(keepEven.cpuNanos()).isGreaterThanOrEqualTo(BUSY_NANOS * pages);
        assertThat(keepEven.wallNanos()).isGreaterThanOrEqualTo(BUSY_NANOS * pages).isLessThan(sleepNanos);
        assertThat(sleep.wallNanos()).isGreaterThanOrEqualTo(sleepNanos);
        assertThat(sleep.cpuNanos()).isLessThan(sleep.wallNanos() / 2);

        // the sink keeps every page: its peak is all of them at once
        long retained = sink.pages().stream().mapToLong(Page::getRetainedSizeInBytes).sum();
        assertThat(stats.sink().peakMemoryBytes()).isEqualTo(retained);
    }

    @Test
    void testWithoutStatisticsNothingIsCounted()
    {
        PageBufferSink sink = new PageBufferSink("Collect");
        Pipeline pipeline = new Pipeline(0, source(), List.of(new KeepEven()), sink);
        ExecutionStatistics statistics = new ExecutionStatistics();
        new PipelineExecutor(executor).execute(List.of(pipeline), queryContext());
        assertThat(statistics.stats(pipeline)).isEmpty();
        assertThat(sink.pages().stream().mapToLong(Page::getPositionCount).sum()).isEqualTo((long) PARTITIONS * PAGES_PER_PARTITION * ROWS_PER_PAGE / 2);
    }

    private static QueryContext queryContext()
    {
        return new QueryContext("test", new QueryMemoryPool(1L << 30), 2, Instant.EPOCH, ZoneOffset.UTC);
    }

    private static Source source()
    {
        return new Source()
        {
            @Override
            public List<PageSupplier> createPartitions(QueryContext queryContext)
            {
                List<PageSupplier> partitions = new ArrayList<>();
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    List<Page> pages = new ArrayList<>();
                    for (int page = 0; page < PAGES_PER_PARTITION; page++) {
                        long[] values = new long[ROWS_PER_PAGE];
                        for (int row = 0; row < ROWS_PER_PAGE; row++) {
                            values[row] = row;
                        }
                        pages.add(new Page(new LongArrayBlock(ROWS_PER_PAGE, Optional.empty(), values)));
                    }
                    Iterator<Page> iterator = pages.iterator();
                    partitions.add(() -> iterator.hasNext() ? iterator.next() : null);
                }
                return partitions;
            }

            @Override
            public String describe()
            {
                return "Numbers";
            }
        };
    }

    /** Keeps the rows with an even value, after burning {@link #BUSY_NANOS} of CPU per page. */
    private static final class KeepEven
            implements OperatorFactory
    {
        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            return (page, output) -> {
                long start = THREADS.getCurrentThreadCpuTime();
                while (THREADS.getCurrentThreadCpuTime() - start < BUSY_NANOS) {
                    Thread.onSpinWait();
                }
                int[] kept = new int[page.getPositionCount()];
                int count = 0;
                for (int position = 0; position < page.getPositionCount(); position++) {
                    if (io.trino.spi.type.BigintType.BIGINT.getLong(page.getBlock(0), position) % 2 == 0) {
                        kept[count++] = position;
                    }
                }
                output.accept(page.getPositions(kept, 0, count));
            };
        }

        @Override
        public String describe()
        {
            return "KeepEven";
        }
    }

    /** Passes pages on after waiting {@link #SLEEP_MILLIS} ms, using no CPU meanwhile. */
    private static final class Sleep
            implements OperatorFactory
    {
        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            return new Operator()
            {
                @Override
                public void addInput(Page page, PageConsumer output)
                {
                    try {
                        Thread.sleep(SLEEP_MILLIS);
                    }
                    catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    output.accept(page);
                }
            };
        }

        @Override
        public String describe()
        {
            return "Sleep";
        }
    }
}
