package io.basin.execution.operator;

import io.basin.execution.QueryContext;
import io.basin.execution.driver.DriverContext;
import io.basin.execution.hash.GroupByHash;
import io.basin.execution.memory.LocalMemoryContext;
import io.basin.plan.SetOperationNode;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * UNION (distinct), INTERSECT [ALL] and EXCEPT [ALL]: counts each distinct row per input, then
 * emits each row as many times as the operation says (once for the distinct forms). Each input
 * pipeline gets its own {@link #input(int)} view of this shared sink.
 */
public final class SetOperationSink
        implements Source
{
    private static final int OUTPUT_PAGE_ROWS = 8192;

    private final SetOperationNode.Kind kind;
    private final boolean all;
    private final List<Type> types;
    private final int inputCount;
    private final GroupByHash hash;
    private long[][] counts;
    private LocalMemoryContext memory;

    public SetOperationSink(SetOperationNode.Kind kind, boolean all, List<Type> types, int inputCount)
    {
        this.kind = requireNonNull(kind, "kind is null");
        this.all = all;
        this.types = List.copyOf(types);
        this.inputCount = inputCount;
        this.hash = new GroupByHash(types);
        this.counts = new long[inputCount][1024];
    }

    /** The sink for the {@code index}-th input's pipeline. */
    public Sink input(int index)
    {
        return new Sink()
        {
            @Override
            public SinkOperator createSinkOperator(DriverContext driverContext)
            {
                synchronized (SetOperationSink.this) {
                    if (memory == null) {
                        memory = driverContext.newMemoryContext("SetOperation");
                    }
                }
                return new SinkOperator()
                {
                    @Override
                    public void addInput(Page page)
                    {
                        add(index, page);
                    }

                    @Override
                    public void finish() {}
                };
            }

            @Override
            public void finishSink() {}

            @Override
            public String describe()
            {
                return "SetOperation[" + kind + (all ? " ALL" : "") + ", input " + index + "]";
            }
        };
    }

    private synchronized void add(int input, Page page)
    {
        Block[] blocks = new Block[types.size()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = page.getBlock(i);
        }
        int[] groups = hash.groupIds(blocks, page.getPositionCount(), null);
        int groupCount = hash.groupCount();
        if (groupCount > counts[0].length) {
            int size = Math.max(groupCount, counts[0].length * 2);
            for (int i = 0; i < inputCount; i++) {
                counts[i] = Arrays.copyOf(counts[i], size);
            }
        }
        long[] inputCounts = counts[input];
        for (int i = 0; i < page.getPositionCount(); i++) {
            inputCounts[groups[i]]++;
        }
        memory.setBytes(hash.retainedBytes() + (long) inputCount * counts[0].length * 8);
    }

    private long outputCount(int group)
    {
        long first = counts[0][group];
        return switch (kind) {
            case UNION -> 1;
            case INTERSECT -> {
                long result = first;
                for (int i = 1; i < inputCount; i++) {
                    result = Math.min(result, counts[i][group]);
                }
                yield all ? result : Math.min(result, 1);
            }
            case EXCEPT -> {
                if (!all) {
                    boolean inOthers = false;
                    for (int i = 1; i < inputCount; i++) {
                        inOthers |= counts[i][group] > 0;
                    }
                    yield first > 0 && !inOthers ? 1 : 0;
                }
                long result = first;
                for (int i = 1; i < inputCount; i++) {
                    result -= counts[i][group];
                }
                yield Math.max(result, 0);
            }
        };
    }

    @Override
    public synchronized List<PageSupplier> createPartitions(QueryContext queryContext)
    {
        List<Page> pages = new ArrayList<>();
        BlockBuilder[] builders = newBuilders();
        int rows = 0;
        for (int group = 0; group < hash.groupCount(); group++) {
            long copies = outputCount(group);
            for (long copy = 0; copy < copies; copy++) {
                hash.writeKeys(group, builders);
                if (++rows == OUTPUT_PAGE_ROWS) {
                    pages.add(build(builders, rows));
                    builders = newBuilders();
                    rows = 0;
                }
            }
        }
        if (rows > 0) {
            pages.add(build(builders, rows));
        }
        return new ValuesSource(pages, "").createPartitions(queryContext);
    }

    private BlockBuilder[] newBuilders()
    {
        BlockBuilder[] builders = new BlockBuilder[types.size()];
        for (int i = 0; i < builders.length; i++) {
            builders[i] = types.get(i).createBlockBuilder(null, OUTPUT_PAGE_ROWS);
        }
        return builders;
    }

    private static Page build(BlockBuilder[] builders, int rows)
    {
        Block[] blocks = new Block[builders.length];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = builders[i].build();
        }
        return new Page(rows, blocks);
    }

    @Override
    public String describe()
    {
        return "SetOperation[" + kind + (all ? " ALL" : "") + "]";
    }
}
