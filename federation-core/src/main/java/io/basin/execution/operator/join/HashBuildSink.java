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

import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

/** Collects the build side of a hash join from all drivers and builds the {@link JoinHashTable}. */
public final class HashBuildSink
        implements Sink
{
    private final List<Type> types;
    private final int[] keyChannels;
    private final boolean[] nullEqual;
    private final List<Page> pages = new ArrayList<>();
    private final List<LocalMemoryContext> memoryContexts = new ArrayList<>();
    private LocalMemoryContext tableMemory;
    private volatile JoinHashTable table;

    public HashBuildSink(List<Type> types, List<Integer> keyChannels, List<Boolean> nullEqual)
    {
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
        List<Page> driverPages = new ArrayList<>();
        synchronized (this) {
            memoryContexts.add(memory);
            if (tableMemory == null) {
                tableMemory = driverContext.newMemoryContext("JoinHashTable");
            }
        }
        return new SinkOperator()
        {
            private long bytes;

            @Override
            public void addInput(Page page)
            {
                Page compact = page;
                driverPages.add(compact);
                bytes += compact.getRetainedSizeInBytes();
                memory.setBytes(bytes);
            }

            @Override
            public void finish()
            {
                synchronized (HashBuildSink.this) {
                    pages.addAll(driverPages);
                }
            }
        };
    }

    @Override
    public synchronized void finishSink()
    {
        int rows = 0;
        for (Page page : pages) {
            rows += page.getPositionCount();
        }
        Block[] columns = new Block[types.size()];
        for (int channel = 0; channel < columns.length; channel++) {
            List<Block> blocks = new ArrayList<>(pages.size());
            for (Page page : pages) {
                blocks.add(page.getBlock(channel));
            }
            columns[channel] = blocks.isEmpty() ? types.get(channel).createBlockBuilder(null, 0).build() : BlockConcatenation.concat(types.get(channel), blocks);
        }
        List<KeyType> keyTypes = new ArrayList<>();
        for (int channel : keyChannels) {
            keyTypes.add(KeyType.forType(types.get(channel)));
        }
        pages.clear();
        JoinHashTable built = new JoinHashTable(columns, rows, keyChannels, keyTypes, nullEqual);
        if (tableMemory != null) {
            tableMemory.setBytes(built.retainedBytes());
        }
        for (LocalMemoryContext memory : memoryContexts) {
            memory.close();
        }
        table = built;
    }

    public JoinHashTable table()
    {
        JoinHashTable result = table;
        checkState(result != null, "hash table is not built yet");
        return result;
    }

    @Override
    public String describe()
    {
        return "HashBuild[keys=" + java.util.Arrays.toString(keyChannels) + "]";
    }
}
