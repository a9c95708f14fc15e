package io.basin.execution.window;

import io.trino.spi.block.BlockBuilder;

import static io.trino.spi.type.DoubleType.DOUBLE;

/** {@code cume_dist()}: the fraction of the partition's rows up to and including the current row's peers. */
final class CumeDistFunction
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
        DOUBLE.writeDouble(output, (double) peerGroupEnd / partitionSize);
    }
}
