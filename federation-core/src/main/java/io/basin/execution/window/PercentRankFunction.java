package io.basin.execution.window;

import io.trino.spi.block.BlockBuilder;

import static io.trino.spi.type.DoubleType.DOUBLE;

/** {@code percent_rank()}: {@code (rank - 1) / (rows - 1)}, and 0 for a partition of one row. */
final class PercentRankFunction
        implements WindowFunction
{
    private int partitionSize;

    @Override
    public void reset(WindowPartition partition)
    {
        partitionSize = partition.size();
    }

    @Override
    public void processRow(BlockBuilder output, int row, int peerGroupStart, int peerGroupEnd, int frameStart, int frameEnd)
    {
        DOUBLE.writeDouble(output, partitionSize == 1 ? 0.0 : (double) peerGroupStart / (partitionSize - 1));
    }
}
