package io.basin.execution.operator;

import io.basin.execution.QueryContext;
import io.basin.execution.compare.SortKey;
import io.basin.execution.driver.DriverContext;
import io.basin.execution.sort.SortedRun;
import io.basin.execution.sort.SortedRunMerger;
import io.basin.execution.sort.TopNBuffer;
import io.trino.spi.Page;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

/**
 * ORDER BY ... LIMIT n [OFFSET m]: the sink of one pipeline and the source of the next. Each
 * driver keeps only the best {@code n + m} rows of its input in a {@link TopNBuffer} (a bounded
 * heap, one comparison per rejected row); the source merges the drivers' kept rows, skips the
 * first {@code m} and emits the next {@code n}, in order, as a single partition.
 *
 * <p>Any {@code n + m} rows that are best overall are among the best {@code n + m} of the
 * driver that holds them, so keeping that many per driver is enough. Meant for small limits:
 * memory grows with {@code n + m}; the planner should choose a full sort with a LIMIT above it
 * for large ones.
 */
public final class TopNSink
        implements Sink, Source
{
    private final List<Type> types;
    private final List<SortKey> sortKeys;
    private final long limit;
    private final long offset;
    private final List<SortedRun> runs = new ArrayList<>();
    private boolean sinkFinished;
    private boolean partitionsCreated;

    public TopNSink(List<Type> types, List<SortKey> sortKeys, long limit, long offset)
    {
        this.types = List.copyOf(requireNonNull(types, "types is null"));
        this.sortKeys = List.copyOf(requireNonNull(sortKeys, "sortKeys is null"));
        checkArgument(!this.sortKeys.isEmpty(), "top-N needs at least one sort key");
        for (SortKey key : this.sortKeys) {
            checkArgument(key.channel() < this.types.size(), "sort key channel %s out of range", key.channel());
        }
        checkArgument(limit >= 0, "limit is negative");
        checkArgument(offset >= 0, "offset is negative");
        checkArgument(limit <= TopNBuffer.MAX_CAPACITY - offset, "limit + offset is too large for a top-N; use a sort and a limit");
        this.limit = limit;
        this.offset = offset;
    }

    public List<Type> types()
    {
        return types;
    }

    @Override
    public SinkOperator createSinkOperator(DriverContext driverContext)
    {
        requireNonNull(driverContext, "driverContext is null");
        return new TopNDriver(new TopNBuffer(types, sortKeys, limit + offset, driverContext.newMemoryContext("TopNSink")));
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
        return List.of(new SortedRunMerger(types, handedOver, sortKeys, offset, limit));
    }

    @Override
    public String describe()
    {
        return "TopN[" + limit + (offset > 0 ? " offset " + offset : "") + " by "
                + sortKeys.stream().map(SortKey::toString).collect(Collectors.joining(", ")) + "]";
    }

    private synchronized void addRun(SortedRun run)
    {
        checkState(!sinkFinished, "driver finished after finishSink");
        runs.add(run);
    }

    /** One driver's share: the best {@code limit + offset} rows it has seen. */
    private final class TopNDriver
            implements SinkOperator
    {
        private final TopNBuffer buffer;
        private boolean finished;

        TopNDriver(TopNBuffer buffer)
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
            addRun(buffer.finish());
        }

        @Override
        public boolean isFinished()
        {
            // LIMIT 0 needs no input at all; otherwise any later row may belong to the top N.
            return limit == 0;
        }
    }
}
