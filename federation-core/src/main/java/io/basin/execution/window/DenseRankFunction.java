package io.basin.execution.window;

import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/** {@code dense_rank()}: the number of the current peer group, without gaps. */
final class DenseRankFunction
        implements WindowFunction
{
    private final Type outputType;
    private int currentPeerGroupStart;
    private long rank;

    DenseRankFunction(Type outputType)
    {
        this.outputType = requireNonNull(outputType, "outputType is null");
    }

    @Override
    public void reset(WindowPartition partition)
    {
        currentPeerGroupStart = -1;
        rank = 0;
    }

    @Override
    public void processRow(BlockBuilder output, int row, int peerGroupStart, int peerGroupEnd, int frameStart, int frameEnd)
    {
        if (peerGroupStart != currentPeerGroupStart) {
            currentPeerGroupStart = peerGroupStart;
            rank++;
        }
        outputType.writeLong(output, rank);
    }
}
