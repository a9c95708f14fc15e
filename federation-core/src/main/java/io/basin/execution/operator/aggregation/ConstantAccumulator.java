package io.basin.execution.operator.aggregation;

import io.trino.spi.Page;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

/** GROUPING(...) and LITERAL_AGG: a value fixed per grouping set or per plan. */
final class ConstantAccumulator
        implements Accumulator
{
    private final Type type;
    private final Object value;

    ConstantAccumulator(Type type, Object value)
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
        io.trino.spi.type.TypeUtils.writeNativeValue(type, output, value);
    }

    @Override
    public long retainedBytes()
    {
        return 0;
    }
}
