package io.basin.execution.operator.aggregation;

import io.basin.execution.QueryContext;
import io.basin.execution.driver.DriverContext;
import io.basin.execution.hash.GroupByHash;
import io.basin.execution.memory.LocalMemoryContext;
import io.basin.execution.operator.PageSupplier;
import io.basin.execution.operator.Sink;
import io.basin.execution.operator.SinkOperator;
import io.basin.execution.operator.Source;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

/**
 * Hash aggregation: every driver aggregates its input into its own hash tables (no locking on
 * the hot path); finished drivers fold their tables into one; the result is then the source of
 * the next pipeline, split into several partitions so that pipeline runs in parallel too.
 * Grouping sets get one hash table each; keys missing from a set are NULL in its rows.
 */
public final class HashAggregationSink
        implements Sink, Source
{
    private static final int OUTPUT_PAGE_ROWS = 8192;
    private static final int GROUPS_PER_PARTITION = 64 * 1024;

    private final List<Type> inputTypes;
    private final List<Integer> groupKeys;
    private final List<List<Integer>> groupingSets;
    private final List<AccumulatorFactory> accumulatorFactories;
    private final List<Type> outputTypes;

    private AggregationState merged;
    private LocalMemoryContext mergedMemory;
    private boolean finished;

    public HashAggregationSink(List<Type> inputTypes, List<Integer> groupKeys, List<List<Integer>> groupingSets, List<AccumulatorFactory> accumulatorFactories, List<Type> outputTypes)
    {
        this.inputTypes = List.copyOf(requireNonNull(inputTypes, "inputTypes is null"));
        this.groupKeys = List.copyOf(requireNonNull(groupKeys, "groupKeys is null"));
        this.groupingSets = requireNonNull(groupingSets, "groupingSets is null").stream().map(List::copyOf).toList();
        this.accumulatorFactories = List.copyOf(requireNonNull(accumulatorFactories, "accumulatorFactories is null"));
        this.outputTypes = List.copyOf(requireNonNull(outputTypes, "outputTypes is null"));
    }

    /** The aggregation state of one grouping set. */
    private final class SetState
    {
        final List<Integer> keyIndexes;
        final int[] keyChannels;
        final GroupByHash hash;
        final Accumulator[] accumulators;
        int[] groups = new int[0];
        int[] masked = new int[0];

        SetState(List<Integer> keyIndexes)
        {
            this.keyIndexes = keyIndexes;
            this.keyChannels = keyIndexes.stream().mapToInt(groupKeys::get).toArray();
            List<Type> keyTypes = new ArrayList<>();
            for (int channel : keyChannels) {
                keyTypes.add(inputTypes.get(channel));
            }
            this.hash = new GroupByHash(keyTypes);
            this.accumulators = new Accumulator[accumulatorFactories.size()];
            for (int i = 0; i < accumulators.length; i++) {
                Accumulator created = accumulatorFactories.get(i).create(keyIndexes);
                accumulators[i] = created instanceof ExactSumAccumulator sums ? sharedSums(i, sums).orElse(created) : created;
            }
        }

        /**
         * For a sum or average of the values an earlier aggregate already adds up (same column and
         * FILTER), that aggregate's sums and counts read as this aggregate's result.
         */
        private java.util.Optional<Accumulator> sharedSums(int index, ExactSumAccumulator candidate)
        {
            io.basin.plan.AggregationNode.Aggregate aggregate = accumulatorFactories.get(index).aggregate();
            for (int earlier = 0; earlier < index; earlier++) {
                if (accumulators[earlier] instanceof ExactSumAccumulator sums && sums.addsUpSameValues(candidate)
                        && accumulatorFactories.get(earlier).aggregate().filter().equals(aggregate.filter())) {
                    return java.util.Optional.of(candidate.sharedOutputOf(sums));
                }
            }
            return java.util.Optional.empty();
        }

        void addInput(Page page)
        {
            int count = page.getPositionCount();
            if (groups.length < count) {
                groups = new int[Math.max(count, 1024)];
                masked = new int[groups.length];
            }
            if (keyChannels.length == 0) {
                java.util.Arrays.fill(groups, 0, count, 0);
            }
            else {
                Block[] keys = new Block[keyChannels.length];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = page.getBlock(keyChannels[i]);
                }
                groups = hash.groupIds(keys, count, groups);
            }
            int groupCount = groupCount();
            for (int i = 0; i < accumulators.length; i++) {
                OptionalInt filter = accumulatorFactories.get(i).aggregate().filter();
                int[] target = groups;
                if (filter.isPresent()) {
                    Block mask = page.getBlock(filter.getAsInt());
                    for (int position = 0; position < count; position++) {
                        masked[position] = !mask.isNull(position) && BooleanType.BOOLEAN.getBoolean(mask, position) ? groups[position] : -1;
                    }
                    target = masked;
                }
                accumulators[i].addInput(target, groupCount, page, count);
            }
        }

        /** A set without keys always has its one row, even over no input. */
        int groupCount()
        {
            return keyChannels.length == 0 ? 1 : hash.groupCount();
        }

        void mergeFrom(SetState other)
        {
            int[] mapping = keyChannels.length == 0 ? new int[other.groupCount()] : hash.mergeGroups(other.hash);
            int groupCount = groupCount();
            for (int i = 0; i < accumulators.length; i++) {
                accumulators[i].merge(other.accumulators[i], mapping, groupCount);
            }
        }

        long retainedBytes()
        {
            long bytes = hash.retainedBytes();
            for (Accumulator accumulator : accumulators) {
                bytes += accumulator.retainedBytes();
            }
            return bytes;
        }
    }

    private final class AggregationState
    {
        final List<SetState> sets = new ArrayList<>();

        AggregationState()
        {
            for (List<Integer> set : groupingSets) {
                sets.add(new SetState(set));
            }
        }

        void addInput(Page page)
        {
            for (SetState set : sets) {
                set.addInput(page);
            }
        }

        void mergeFrom(AggregationState other)
        {
            for (int i = 0; i < sets.size(); i++) {
                sets.get(i).mergeFrom(other.sets.get(i));
            }
        }

        long retainedBytes()
        {
            long bytes = 0;
            for (SetState set : sets) {
                bytes += set.retainedBytes();
            }
            return bytes;
        }
    }

    @Override
    public SinkOperator createSinkOperator(DriverContext driverContext)
    {
        LocalMemoryContext memory = driverContext.newMemoryContext("HashAggregation");
        AggregationState state = new AggregationState();
        return new SinkOperator()
        {
            private int pagesSinceMemoryUpdate;

            @Override
            public void addInput(Page page)
            {
                state.addInput(page);
                if (++pagesSinceMemoryUpdate >= 8) {
                    pagesSinceMemoryUpdate = 0;
                    memory.setBytes(state.retainedBytes());
                }
            }

            @Override
            public void finish()
            {
                memory.setBytes(state.retainedBytes());
                mergeDriverState(state, memory);
            }
        };
    }

    private synchronized void mergeDriverState(AggregationState state, LocalMemoryContext memory)
    {
        if (merged == null) {
            merged = state;
            mergedMemory = memory;
            return;
        }
        merged.mergeFrom(state);
        memory.close();
        mergedMemory.setBytes(merged.retainedBytes());
    }

    @Override
    public synchronized void finishSink()
    {
        if (merged == null) {
            merged = new AggregationState();
        }
        finished = true;
    }

    @Override
    public synchronized List<PageSupplier> createPartitions(QueryContext queryContext)
    {
        checkState(finished, "aggregation not finished");
        List<PageSupplier> partitions = new ArrayList<>();
        for (SetState set : merged.sets) {
            int groups = set.groupCount();
            for (int start = 0; start < groups; start += GROUPS_PER_PARTITION) {
                int end = Math.min(groups, start + GROUPS_PER_PARTITION);
                partitions.add(outputPartition(set, start, end));
            }
        }
        return partitions;
    }

    private PageSupplier outputPartition(SetState set, int start, int end)
    {
        return new PageSupplier()
        {
            private int next = start;

            @Override
            public Page next()
            {
                if (next >= end) {
                    return null;
                }
                int to = Math.min(end, next + OUTPUT_PAGE_ROWS);
                Page page = buildPage(set, next, to);
                next = to;
                return page;
            }
        };
    }

    private Page buildPage(SetState set, int from, int to)
    {
        int rows = to - from;
        Block[] blocks = new Block[outputTypes.size()];
        int channel = 0;
        for (int key = 0; key < groupKeys.size(); key++) {
            int indexInSet = set.keyIndexes.indexOf(key);
            if (indexInSet >= 0) {
                blocks[channel++] = set.hash.keyBlock(indexInSet, from, to);
                continue;
            }
            // a key outside this grouping set is NULL in its rows
            blocks[channel] = RunLengthEncodedBlock.create(outputTypes.get(channel), null, rows);
            channel++;
        }
        for (Accumulator accumulator : set.accumulators) {
            BlockBuilder builder = outputTypes.get(channel).createBlockBuilder(null, rows);
            for (int group = from; group < to; group++) {
                accumulator.write(group, builder);
            }
            blocks[channel++] = builder.build();
        }
        return new Page(rows, blocks);
    }

    @Override
    public String describe()
    {
        return "HashAggregation[keys=" + groupKeys + (groupingSets.size() > 1 ? ", sets=" + groupingSets : "") + ", aggregates=" + accumulatorFactories.size() + "]";
    }
}
