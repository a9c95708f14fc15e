package io.basin.spectrum;

import io.trino.orc.OrcReaderOptions;
import io.trino.parquet.ParquetReaderOptions;
import io.trino.spi.Page;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.TrinoException;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.io.FileIO;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.google.common.base.Preconditions.checkArgument;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_NOT_SUPPORTED;
import static java.util.Objects.requireNonNull;

/**
 * The scan fleet: a pool of worker threads, one per core by default, that decode the file ranges
 * of scans into pages. A caller hands over a {@link ScanRequest} and pulls the pages from the
 * returned {@link ScanStream}; the request's tasks run on up to {@code lanes} workers at a time.
 * Workers never wait for a slow consumer: a stream whose buffer is full parks its lanes and the
 * consumer resumes them, so one stalled query cannot hold a worker another query needs.
 *
 * <p>Thread-safe; {@link #close()} stops the workers.
 */
public final class ScanFleet
        implements ScanService
{
    private final ExecutorService workers;
    private final int workerCount;
    private final ParquetReaderOptions parquetOptions;
    private final OrcReaderOptions orcOptions;

    public ScanFleet(int workerCount)
    {
        checkArgument(workerCount > 0, "workerCount must be positive");
        this.workerCount = workerCount;
        this.workers = Executors.newFixedThreadPool(workerCount, Thread.ofPlatform().name("spectrum-worker-", 0).daemon(true).factory());
        // The decoders on the incubating Vector API run many times slower until C2 has compiled
        // them, and compiling them is costly. Measured over TPC-H SF 1 on lake Parquet (2 cores):
        // warm, the scalar decoders take the same time; from a cold start they take 13% less CPU
        // for q1, q3 and q6, and the whole benchmark 2-7% less time.
        this.parquetOptions = ParquetReaderOptions.builder().withVectorizedDecodingEnabled(false).build();
        this.orcOptions = new OrcReaderOptions();
    }

    /** A fleet with one worker per available processor. */
    public static ScanFleet withAllCores()
    {
        return new ScanFleet(Runtime.getRuntime().availableProcessors());
    }

    public int workerCount()
    {
        return workerCount;
    }

    @Override
    public ScanStream scan(ScanRequest request, FileIO fileIO, int lanes, ScanCounters counters)
    {
        requireNonNull(request, "request is null");
        requireNonNull(fileIO, "fileIO is null");
        requireNonNull(counters, "counters is null");
        checkArgument(lanes > 0, "lanes must be positive");
        // one loader per scan: each delete file is read once for all the tasks it applies to
        DeleteLoader deleteLoader = new DeleteLoader(fileIO, counters);
        ScanStream stream = new ScanStream(request.tasks(), Math.min(lanes, Math.max(1, request.tasks().size())), workers, task -> openTask(task, request, fileIO, counters, deleteLoader));
        stream.start();
        return stream;
    }

    private TaskReader openTask(ScanTask task, ScanRequest request, FileIO fileIO, ScanCounters counters, DeleteLoader deleteLoader)
    {
        // the predicate's columns are read too, to filter rows by them
        List<ScanColumn> readColumns = ProcessedTaskReader.withPredicateColumns(request);
        RowFilter filter = RowFilter.create(request.predicate(), request.comparisons(), readColumns);
        Optional<PartialAggregator> aggregator = request.aggregation().map(aggregation -> new PartialAggregator(aggregation, request.columns()));
        TaskBatchReader reader = openFile(task, readColumns, request.predicate(), fileIO, counters, deleteLoader);
        if (filter.acceptsAll() && aggregator.isEmpty()) {
            return new CountingTaskReader(reader, counters);
        }
        return new ProcessedTaskReader(reader, filter, request.columns().size(), aggregator, counters);
    }

    /** A decoder of the task's file, its batches' channels {@code columns}. */
    TaskBatchReader openFile(ScanTask task, List<ScanColumn> columns, TupleDomain<ScanColumn> predicate, FileIO fileIO, ScanCounters counters, DeleteLoader deleteLoader)
    {
        if (task.format() == FileFormat.PARQUET) {
            return new ParquetTaskReader(task, columns, predicate, fileIO.newInputFile(task.path(), task.fileSize()), parquetOptions, counters, deleteLoader);
        }
        if (task.format() == FileFormat.ORC) {
            return new OrcTaskReader(task, columns, predicate, fileIO.newInputFile(task.path(), task.fileSize()), orcOptions, counters, deleteLoader);
        }
        throw new TrinoException(LAKE_NOT_SUPPORTED, "Cannot read %s: the scan fleet does not read %s files".formatted(task.path(), task.format()));
    }

    @Override
    public void close()
    {
        workers.shutdownNow();
    }

    /** A task's batches, every column decoded, counted as returned. */
    private record CountingTaskReader(TaskBatchReader source, ScanCounters counters)
            implements TaskReader
    {
        @Override
        public Page nextPage()
                throws IOException
        {
            SourcePage batch = source.nextBatch();
            if (batch == null) {
                return null;
            }
            counters.addRowsReturned(batch.getPositionCount());
            return batch.getPage();
        }

        @Override
        public void close()
                throws IOException
        {
            source.close();
        }
    }
}
