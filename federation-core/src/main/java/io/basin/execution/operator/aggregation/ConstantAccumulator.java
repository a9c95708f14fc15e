package io.basin.execution.operator.aggregation;

import io.trino.spi.Page;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

/** GROUPING(...): a value fixed per grouping set. */
final class ConstantAccumulator
        implements Accumulator
{
    private final Type type;
    private final long value;

    ConstantAccumulator(Type type, long value)
    {
        this.type = type;
        this.value = value;
    }

    @Override
    public void addInput(int[] groups, int groupCount, Page page, int positionCount) {}

    @Override
    public void merge(Accumulator other, int[] mapping, int groupCount) {}

    @Override
    public void write(int group, BlockBuilder output)
    {
        type.writeLong(output, value);
    }

    @Override
    public long retainedBytes()
    {
        return 0;
    }
}
