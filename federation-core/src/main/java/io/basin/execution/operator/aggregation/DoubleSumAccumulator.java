package io.basin.execution.operator.aggregation;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.RealType;
import io.trino.spi.type.Type;

import java.util.Arrays;

/** sum of real/double into double, or avg when {@code average} is set. */
final class DoubleSumAccumulator
        implements Accumulator
{
    private final int channel;
    private final Type inputType;
    private final Type outputType;
    private final boolean sum0;
    private final boolean average;
    // with partial results as input: the channel of their counts, which add up instead of one per row
    private final int countChannel;
    private double[] sums = new double[16];
    private long[] counts = new long[16];

    DoubleSumAccumulator(int channel, Type inputType, Type outputType, boolean sum0, boolean average)
    {
        this(channel, inputType, outputType, sum0, average, -1);
    }

    DoubleSumAccumulator(int channel, Type inputType, Type outputType, boolean sum0, boolean average, int countChannel)
    {
        this.countChannel = countChannel;
        this.channel = channel;
        this.inputType = inputType;
        this.outputType = outputType;
        this.sum0 = sum0;
        this.average = average;
    }

    private void ensure(int groupCount)
    {
        if (groupCount > sums.length) {
            int size = Math.max(groupCount, sums.length * 2);
            sums = Arrays.copyOf(sums, size);
            counts = Arrays.copyOf(counts, size);
        }
    }

    @Override
    public void addInput(int[] groups, int groupCount, Page page, int positionCount)
    {
        ensure(groupCount);
        Block block = page.getBlock(channel);
        Block countBlock = countChannel < 0 ? null : page.getBlock(countChannel);
        boolean real = inputType instanceof RealType;
        for (int i = 0; i < positionCount; i++) {
            int group = groups[i];
            if (group >= 0 && !block.isNull(i)) {
                double value = real ? Float.intBitsToFloat((int) inputType.getLong(block, i)) : inputType.getDouble(block, i);
                sums[group] += value;
                counts[group] += countBlock == null ? 1 : io.trino.spi.type.BigintType.BIGINT.getLong(countBlock, i);
            }
        }
    }

    @Override
    public void merge(Accumulator other, int[] mapping, int groupCount)
    {
        ensure(groupCount);
        DoubleSumAccumulator that = (DoubleSumAccumulator) other;
        for (int group = 0; group < mapping.length; group++) {
            sums[mapping[group]] += that.sums[group];
            counts[mapping[group]] += that.counts[group];
        }
    }

    @Override
    public void write(int group, BlockBuilder output)
    {
        long count = group < counts.length ? counts[group] : 0;
        if (count == 0 && (average || !sum0)) {
            output.appendNull();
            return;
        }
        double value = count == 0 ? 0 : sums[group];
        if (average) {
            value /= count;
        }
        if (outputType instanceof RealType) {
            outputType.writeLong(output, Float.floatToIntBits((float) value));
        }
        else {
            outputType.writeDouble(output, value);
        }
    }

    @Override
    public long retainedBytes()
    {
        return sums.length * 16L;
    }
}
