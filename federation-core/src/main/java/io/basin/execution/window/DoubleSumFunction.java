package io.basin.execution.window;

import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.RealType;
import io.trino.spi.type.Type;

import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.RealType.REAL;
import static java.util.Objects.requireNonNull;

/** {@code sum} of real or double values over the frame, as double or real; NULL when no value. */
final class DoubleSumFunction
        extends FrameAggregateFunction
{
    private final int valueChannel;
    private final boolean realInput;
    private final boolean realOutput;
    private final DoubleSum sum = new DoubleSum();

    DoubleSumFunction(int valueChannel, Type valueType, Type outputType)
    {
        this.valueChannel = valueChannel;
        this.realInput = requireNonNull(valueType, "valueType is null") instanceof RealType;
        this.realOutput = requireNonNull(outputType, "outputType is null") instanceof RealType;
    }

    @Override
    protected void clear()
    {
        sum.clear();
    }

    @Override
    protected void add(int row)
    {
        Block block = partition.block(valueChannel, row);
        int position = partition.position(row);
        if (!block.isNull(position)) {
            sum.add(value(block, position));
        }
    }

    @Override
    protected void remove(int row)
    {
        Block block = partition.block(valueChannel, row);
        int position = partition.position(row);
        if (!block.isNull(position)) {
            sum.remove(value(block, position));
        }
    }

    private double value(Block block, int position)
    {
        return realInput ? REAL.getFloat(block, position) : DOUBLE.getDouble(block, position);
    }

    @Override
    protected void write(BlockBuilder output)
    {
        if (sum.count() == 0) {
            output.appendNull();
        }
        else if (realOutput) {
            REAL.writeFloat(output, (float) sum.value());
        }
        else {
            DOUBLE.writeDouble(output, sum.value());
        }
    }
}
