package io.basin.execution.window;

import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/** {@code rank()}: the row number of the first peer, so ties share a rank and leave gaps after them. */
final class RankFunction
        implements WindowFunction
{
    private final Type outputType;

    RankFunction(Type outputType)
    {
        this.outputType = requireNonNull(outputType, "outputType is null");
    }

    @Override
    public void reset(WindowPartition partition) {}

    @Override
    public void processRow(BlockBuilder output, int row, int peerGroupStart, int peerGroupEnd, int frameStart, int frameEnd)
    {
        outputType.writeLong(output, peerGroupStart + 1);
    }
}
