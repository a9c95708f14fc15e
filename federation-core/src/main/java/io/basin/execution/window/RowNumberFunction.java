package io.basin.execution.window;

import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/** {@code row_number()}: 1, 2, 3, ... in window order; peers get distinct, arbitrary numbers. */
final class RowNumberFunction
        implements WindowFunction
{
    private final Type outputType;

    RowNumberFunction(Type outputType)
    {
        this.outputType = requireNonNull(outputType, "outputType is null");
    }

    @Override
    public void reset(WindowPartition partition) {}

    @Override
    public void processRow(BlockBuilder output, int row, int peerGroupStart, int peerGroupEnd, int frameStart, int frameEnd)
    {
        outputType.writeLong(output, row + 1);
    }
}
