package io.basin.execution.window;

import io.trino.spi.block.BlockBuilder;

/**
 * {@code last_value(value)}: the value at the last row of the frame; NULL for an empty frame.
 * With the default frame that is the current row's last peer, not the partition's last row.
 */
final class LastValueFunction
        implements WindowFunction
{
    private final int valueChannel;
    private WindowPartition partition;

    LastValueFunction(int valueChannel)
    {
        this.valueChannel = valueChannel;
    }

    @Override
    public void reset(WindowPartition partition)
    {
        this.partition = partition;
    }

    @Override
    public void processRow(BlockBuilder output, int row, int peerGroupStart, int peerGroupEnd, int frameStart, int frameEnd)
    {
        if (frameStart == frameEnd) {
            output.appendNull();
        }
        else {
            partition.appendValue(valueChannel, frameEnd - 1, output);
        }
    }
}
