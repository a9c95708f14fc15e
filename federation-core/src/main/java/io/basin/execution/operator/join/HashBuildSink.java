package io.basin.execution.operator.join;

import io.basin.execution.driver.DriverContext;
import io.basin.execution.hash.BlockConcatenation;
import io.basin.execution.hash.KeyType;
import io.basin.execution.memory.LocalMemoryContext;
import io.basin.execution.operator.Sink;
import io.basin.execution.operator.SinkOperator;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

/**
 * Collects the build side of a hash join from all drivers and builds the {@link JoinHashTable}.
 * A co-located join's build has a table per bucket: each row goes to the table of the bucket its
 * partition belongs to ({@link SinkOperator#startBucket}).
 */
public final class HashBuildSink
        implements Sink
{
    /** Below this many rows the columns are concatenated on the calling thread. */
    private static final int PARALLEL_CONCATENATION_ROWS = 64 * 1024;

    private final List<Type> types;
    private final int[] keyChannels;
    private final boolean[] nullEqual;
    private final int bucketCount;
    private final List<List<Page>> pages = new ArrayList<>();
    private final List<LocalMemoryContext> memoryContexts = new ArrayList<>();
    private LocalMemoryContext tableMemory;
    private int parallelism = 1;
    private volatile JoinHashTable[] tables;

    public HashBuildSink(List<Type> types, List<Integer> keyChannels, List<Boolean> nullEqual)
    {
        this(types, keyChannels, nullEqual, 1);
    }

    /** A build of {@code bucketCount} tables, one per bucket of a co-located join (one: an ordinary build). */
    public HashBuildSink(List<Type> types, List<Integer> keyChannels, List<Boolean> nullEqual, int bucketCount)
    {
        checkArgument(bucketCount > 0, "bucketCount must be positive");
        this.bucketCount = bucketCount;
        for (int bucket = 0; bucket < bucketCount; bucket++) {
            pages.add(new ArrayList<>());
        }
        this.types = List.copyOf(requireNonNull(types, "types is null"));
        this.keyChannels = keyChannels.stream().mapToInt(Integer::intValue).toArray();
        this.nullEqual = new boolean[nullEqual.size()];
        for (int i = 0; i < this.nullEqual.length; i++) {
            this.nullEqual[i] = nullEqual.get(i);
        }
    }

    public List<Type> types()
    {
        return types;
    }

    @Override
    public SinkOperator createSinkOperator(DriverContext driverContext)
    {
        LocalMemoryContext memory = driverContext.newMemoryContext("HashBuild");
        List<List<Page>> driverPages = new ArrayList<>();
        for (int bucket = 0; bucket < bucketCount; bucket++) {
            driverPages.add(new ArrayList<>());
        }
        synchronized (this) {
            memoryContexts.add(memory);
            if (tableMemory == null) {
                tableMemory = driverContext.newMemoryContext("JoinHashTable");
            }
            parallelism = driverContext.queryContext().parallelism();
        }
        return new SinkOperator()
        {
            private long bytes;
            private int bucket = bucketCount == 1 ? 0 : -1;

            @Override
            public void startBucket(int newBucket)
            {
                // an ordinary build above a co-located join (its rows come bucket by bucket) takes them all alike
                if (bucketCount > 1) {
                    checkState(newBucket < bucketCount, "bucket %s of a build of %s buckets", newBucket, bucketCount);
                    bucket = newBucket;
                }
            }

            @Override
            public void addInput(Page page)
            {
                checkState(bucket >= 0, "a co-located build got rows of no bucket");
                Page compact = page;
                driverPages.get(bucket).add(compact);
                bytes += compact.getRetainedSizeInBytes();
                memory.setBytes(bytes);
            }

            @Override
            public void finish()
            {
                synchronized (HashBuildSink.this) {
                    for (int bucket = 0; bucket < bucketCount; bucket++) {
                        pages.get(bucket).addAll(driverPages.get(bucket));
                    }
                }
            }
        };
    }

    @Override
    public synchronized void finishSink()
    {
        List<KeyType> keyTypes = new ArrayList<>();
        for (int channel : keyChannels) {
            keyTypes.add(KeyType.forType(types.get(channel)));
        }
        JoinHashTable[] built = new JoinHashTable[bucketCount];
        // the buckets' tables are independent: with several cores they are built side by side
        java.util.stream.IntStream buckets = java.util.stream.IntStream.range(0, bucketCount);
        (parallelism > 1 ? buckets.parallel() : buckets).forEach(bucket -> {
            built[bucket] = build(pages.get(bucket), keyTypes);
            pages.get(bucket).clear();
        });
        long bytes = 0;
        for (JoinHashTable table : built) {
            bytes += table.retainedBytes();
        }
        if (tableMemory != null) {
            tableMemory.setBytes(bytes);
        }
        for (LocalMemoryContext memory : memoryContexts) {
            memory.close();
        }
        tables = built;
    }

    private JoinHashTable build(List<Page> bucketPages, List<KeyType> keyTypes)
    {
        int rows = 0;
        for (Page page : bucketPages) {
            rows += page.getPositionCount();
        }
        Block[] columns = new Block[types.size()];
        // one table's build spreads over the cores; the tables of a co-located build are built side by side instead
        int tableParallelism = bucketCount == 1 ? parallelism : 1;
        java.util.stream.IntStream channels = java.util.stream.IntStream.range(0, columns.length);
        (tableParallelism > 1 && rows >= PARALLEL_CONCATENATION_ROWS ? channels.parallel() : channels).forEach(channel -> {
            List<Block> blocks = new ArrayList<>(bucketPages.size());
            for (Page page : bucketPages) {
                blocks.add(page.getBlock(channel));
            }
            columns[channel] = blocks.isEmpty() ? types.get(channel).createBlockBuilder(null, 0).build() : BlockConcatenation.concat(types.get(channel), blocks);
        });
        return new JoinHashTable(columns, rows, keyChannels, keyTypes, nullEqual, tableParallelism);
    }

    /** The hash table of an ordinary (one-bucket) build. */
    public JoinHashTable table()
    {
        checkState(bucketCount == 1, "a co-located build has a table per bucket");
        return table(0);
    }

    public JoinHashTable table(int bucket)
    {
        JoinHashTable[] result = tables;
        checkState(result != null, "hash table is not built yet");
        return result[bucket];
    }

    public int bucketCount()
    {
        return bucketCount;
    }

    @Override
    public String describe()
    {
        return "HashBuild[keys=" + java.util.Arrays.toString(keyChannels) + (bucketCount > 1 ? ", co-located: a table per bucket of " + bucketCount : "") + "]";
    }
}
