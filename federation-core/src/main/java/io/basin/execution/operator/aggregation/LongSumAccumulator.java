package io.basin.execution.operator.aggregation;

import io.basin.error.BasinException;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import java.util.Arrays;

import static io.basin.error.BasinErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;

/** sum of integer types into bigint, with overflow detection; {@code sum0} gives 0 instead of NULL for no rows. */
final class LongSumAccumulator
        implements Accumulator
{
    private final int channel;
    private final Type inputType;
    private final Type outputType;
    private final boolean sum0;
    private long[] sums = new long[16];
    private boolean[] seen = new boolean[16];

    LongSumAccumulator(int channel, Type inputType, Type outputType, boolean sum0)
    {
        this.channel = channel;
        this.inputType = inputType;
        this.outputType = outputType;
        this.sum0 = sum0;
    }

    private void ensure(int groupCount)
    {
        if (groupCount > sums.length) {
            int size = Math.max(groupCount, sums.length * 2);
            sums = Arrays.copyOf(sums, size);
            seen = Arrays.copyOf(seen, size);
        }
    }

    @Override
    public void addInput(int[] groups, int groupCount, Page page, int positionCount)
    {
        ensure(groupCount);
        Block block = page.getBlock(channel);
        long[] sums = this.sums;
        boolean[] seen = this.seen;
        try {
            for (int i = 0; i < positionCount; i++) {
                int group = groups[i];
                if (group >= 0 && !block.isNull(i)) {
                    sums[group] = Math.addExact(sums[group], inputType.getLong(block, i));
                    seen[group] = true;
                }
            }
        }
        catch (ArithmeticException e) {
            throw new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
        }
    }

    @Override
    public void merge(Accumulator other, int[] mapping, int groupCount)
    {
        ensure(groupCount);
        LongSumAccumulator that = (LongSumAccumulator) other;
        try {
            for (int group = 0; group < mapping.length; group++) {
                if (that.seen[group]) {
                    int target = mapping[group];
                    sums[target] = Math.addExact(sums[target], that.sums[group]);
                    seen[target] = true;
                }
            }
        }
        catch (ArithmeticException e) {
            throw new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
        }
    }

    @Override
    public void write(int group, BlockBuilder output)
    {
        boolean hasValue = group < seen.length && seen[group];
        if (!hasValue && !sum0) {
            output.appendNull();
            return;
        }
        outputType.writeLong(output, hasValue ? sums[group] : 0);
    }

    @Override
    public long retainedBytes()
    {
        return sums.length * 9L;
    }
}
