package io.basin.execution.operator;

import io.basin.execution.QueryContext;
import io.basin.execution.compare.RowHasher;
import io.basin.execution.compare.SortKey;
import io.basin.execution.compare.ValueBlocks;
import io.basin.execution.driver.DriverContext;
import io.basin.execution.memory.LocalMemoryContext;
import io.basin.execution.sort.SortBuffer;
import io.basin.execution.window.WindowFunctionSpec;
import io.basin.execution.window.WindowFunctions;
import io.basin.execution.window.WindowProcessor;
import io.basin.execution.window.WindowSpec;
import io.trino.spi.Page;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

/**
 * Window functions sharing one {@link WindowSpec}: the sink of one pipeline and the source of
 * the next. The output is every input column followed by one column per function, in the
 * order of the function specs; its row order is unspecified.
 *
 * <p>With PARTITION BY, each driver spreads its rows over buckets by a hash of the partition
 * key ({@link RowHasher}), so all rows of a window partition land in one bucket. The source
 * offers each bucket as its own partition: the driver that takes it gathers the bucket's rows
 * from every sink driver, sorts them by (partition key, order keys) and computes the functions
 * ({@link WindowProcessor}). Buckets are sorted and computed in parallel, twice as many as
 * drivers to even out skew. Without PARTITION BY there is one bucket, hence one partition.
 */
public final class WindowSink
        implements Sink, Source
{
    private final List<Type> inputTypes;
    private final WindowSpec windowSpec;
    private final List<WindowFunctionSpec> functions;
    private final List<SortKey> sortKeys;
    private final List<Type> outputTypes;

    private int bucketCount;
    private final List<SortBuffer[]> driverBuckets = new ArrayList<>();
    private boolean sinkFinished;
    private boolean partitionsCreated;

    public WindowSink(List<Type> inputTypes, WindowSpec windowSpec, List<WindowFunctionSpec> functions)
    {
        this.inputTypes = List.copyOf(requireNonNull(inputTypes, "inputTypes is null"));
        this.windowSpec = requireNonNull(windowSpec, "windowSpec is null");
        this.functions = List.copyOf(requireNonNull(functions, "functions is null"));
        checkArgument(!this.functions.isEmpty(), "no window functions");
        for (int channel : windowSpec.partitionChannels()) {
            checkArgument(channel < this.inputTypes.size(), "partition channel %s out of range", channel);
        }
        for (SortKey key : windowSpec.orderKeys()) {
            checkArgument(key.channel() < this.inputTypes.size(), "order key channel %s out of range", key.channel());
        }
        // Bind every function now so a type error surfaces when the plan is built.
        this.functions.forEach(function -> WindowFunctions.create(function, this.inputTypes));

        this.sortKeys = Stream.concat(
                        windowSpec.partitionChannels().stream().map(channel -> SortKey.ascending(channel, this.inputTypes.get(channel))),
                        windowSpec.orderKeys().stream())
                .toList();
        this.outputTypes = Stream.concat(this.inputTypes.stream(), this.functions.stream().map(WindowFunctionSpec::outputType)).toList();
    }

    /** The input types followed by the functions' output types. */
    public List<Type> outputTypes()
    {
        return outputTypes;
    }

    @Override
    public SinkOperator createSinkOperator(DriverContext driverContext)
    {
        requireNonNull(driverContext, "driverContext is null");
        int buckets = bucketCount(driverContext.queryContext());
        SortBuffer[] buffers = new SortBuffer[buckets];
        for (int bucket = 0; bucket < buckets; bucket++) {
            buffers[bucket] = new SortBuffer(inputTypes, sortKeys, driverContext.newMemoryContext("WindowSink"));
        }
        return new WindowDriver(buffers);
    }

    private synchronized int bucketCount(QueryContext queryContext)
    {
        if (bucketCount == 0) {
            bucketCount = windowSpec.partitionChannels().isEmpty() ? 1 : Math.max(1, 2 * queryContext.parallelism());
        }
        return bucketCount;
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
        List<PageSupplier> partitions = new ArrayList<>();
        for (int bucket = 0; bucket < Math.max(1, bucketCount); bucket++) {
            List<SortBuffer> parts = new ArrayList<>();
            for (SortBuffer[] buffers : driverBuckets) {
                parts.add(buffers[bucket]);
            }
            partitions.add(new BucketSupplier(parts, queryContext.memoryPool().newLocalMemoryContext("WindowSink#bucket" + bucket)));
        }
        driverBuckets.clear();
        return partitions;
    }

    @Override
    public String describe()
    {
        return "Window[partition by " + windowSpec.partitionChannels().stream().map(channel -> "#" + channel).collect(Collectors.joining(", "))
                + " order by " + windowSpec.orderKeys().stream().map(SortKey::toString).collect(Collectors.joining(", "))
                + ": " + functions.stream().map(WindowFunctionSpec::toString).collect(Collectors.joining(", ")) + "]";
    }

    private synchronized void addDriverBuckets(SortBuffer[] buffers)
    {
        checkState(!sinkFinished, "driver finished after finishSink");
        driverBuckets.add(buffers);
    }

    /** One driver's share: its rows, spread over the buckets. */
    private final class WindowDriver
            implements SinkOperator
    {
        private final SortBuffer[] buckets;
        private final RowHasher hasher;
        private boolean finished;

        WindowDriver(SortBuffer[] buckets)
        {
            this.buckets = buckets;
            this.hasher = new RowHasher(windowSpec.partitionChannels(),
                    windowSpec.partitionChannels().stream().map(inputTypes::get).toList());
        }

        @Override
        public void addInput(Page page)
        {
            checkState(!finished, "driver already finished");
            if (buckets.length == 1) {
                buckets[0].addPage(page);
                return;
            }
            Page flat = ValueBlocks.flatten(page);
            int positionCount = flat.getPositionCount();
            int[] bucketOfRow = new int[positionCount];
            int[] rowsPerBucket = new int[buckets.length];
            for (int position = 0; position < positionCount; position++) {
                int bucket = (int) Long.remainderUnsigned(hasher.hash(flat, position), buckets.length);
                bucketOfRow[position] = bucket;
                rowsPerBucket[bucket]++;
            }
            int[][] positionsByBucket = new int[buckets.length][];
            for (int bucket = 0; bucket < buckets.length; bucket++) {
                if (rowsPerBucket[bucket] == positionCount) {
                    // the whole page goes to one bucket: no copy
                    buckets[bucket].addPage(flat);
                    return;
                }
                positionsByBucket[bucket] = new int[rowsPerBucket[bucket]];
            }
            int[] filled = new int[buckets.length];
            for (int position = 0; position < positionCount; position++) {
                int bucket = bucketOfRow[position];
                positionsByBucket[bucket][filled[bucket]++] = position;
            }
            for (int bucket = 0; bucket < buckets.length; bucket++) {
                if (filled[bucket] > 0) {
                    buckets[bucket].addPage(flat.copyPositions(positionsByBucket[bucket], 0, filled[bucket]));
                }
            }
        }

        @Override
        public void finish()
        {
            checkState(!finished, "driver already finished");
            finished = true;
            addDriverBuckets(buckets);
        }
    }

    /** One bucket: gathered, sorted and computed by the driver that takes it, on its first call. */
    private final class BucketSupplier
            implements PageSupplier
    {
        private List<SortBuffer> parts;
        private final LocalMemoryContext memoryContext;
        private WindowProcessor processor;

        BucketSupplier(List<SortBuffer> parts, LocalMemoryContext memoryContext)
        {
            this.parts = parts;
            this.memoryContext = memoryContext;
        }

        @Override
        public Page next()
        {
            if (processor == null) {
                SortBuffer bucket = new SortBuffer(inputTypes, sortKeys, memoryContext);
                for (SortBuffer part : parts) {
                    bucket.addAll(part);
                }
                parts = null;
                processor = new WindowProcessor(bucket.sort(), inputTypes, windowSpec, functions);
            }
            return processor.next();
        }
    }
}
