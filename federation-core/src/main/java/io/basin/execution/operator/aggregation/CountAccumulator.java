package io.basin.execution.operator.aggregation;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.BigintType;

import java.util.Arrays;

/** count(*) when {@code channel < 0}, else count(x) of non-null values. */
final class CountAccumulator
        implements Accumulator
{
    private final int channel;
    private long[] counts = new long[16];

    CountAccumulator(int channel)
    {
        this.channel = channel;
    }

    private void ensure(int groupCount)
    {
        if (groupCount > counts.length) {
            counts = Arrays.copyOf(counts, Math.max(groupCount, counts.length * 2));
        }
    }

    @Override
    public void addInput(int[] groups, int groupCount, Page page, int positionCount)
    {
        ensure(groupCount);
        long[] counts = this.counts;
        if (channel < 0) {
            for (int i = 0; i < positionCount; i++) {
                int group = groups[i];
                if (group >= 0) {
                    counts[group]++;
                }
            }
            return;
        }
        Block block = page.getBlock(channel);
        boolean mayHaveNull = block.mayHaveNull();
        for (int i = 0; i < positionCount; i++) {
            int group = groups[i];
            if (group >= 0 && (!mayHaveNull || !block.isNull(i))) {
                counts[group]++;
            }
        }
    }

    @Override
    public void merge(Accumulator other, int[] mapping, int groupCount)
    {
        ensure(groupCount);
        CountAccumulator that = (CountAccumulator) other;
        for (int group = 0; group < mapping.length; group++) {
            counts[mapping[group]] += that.counts[group];
        }
    }

    @Override
    public void write(int group, BlockBuilder output)
    {
        BigintType.BIGINT.writeLong(output, group < counts.length ? counts[group] : 0);
    }

    @Override
    public long retainedBytes()
    {
        return counts.length * 8L;
    }
}
