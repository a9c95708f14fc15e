package io.basin.execution.window;

import io.trino.spi.block.BlockBuilder;

/** {@code first_value(value)}: the value at the first row of the frame; NULL for an empty frame. */
final class FirstValueFunction
        implements WindowFunction
{
    private final int valueChannel;
    private WindowPartition partition;

    FirstValueFunction(int valueChannel)
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
            partition.appendValue(valueChannel, frameStart, output);
        }
    }
}
