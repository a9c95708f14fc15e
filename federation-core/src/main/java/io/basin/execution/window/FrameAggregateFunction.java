package io.basin.execution.window;

import io.trino.spi.block.BlockBuilder;

/**
 * An aggregate over a sliding frame. The aggregate keeps the rows of the previous frame and
 * moves to the next by adding the rows that entered it and removing the rows that left. Since
 * both ends of every supported frame only move forward, each row is added and removed at most
 * once per partition: O(n) for the whole partition whatever the frame, where recomputing each
 * frame would be O(n * frame size). A frame that jumps past the previous one, or (defensively)
 * moves backward, starts from empty.
 */
abstract class FrameAggregateFunction
        implements WindowFunction
{
    protected WindowPartition partition;
    private int currentStart;
    private int currentEnd;

    @Override
    public final void reset(WindowPartition partition)
    {
        this.partition = partition;
        currentStart = 0;
        currentEnd = 0;
        clear();
    }

    @Override
    public final void processRow(BlockBuilder output, int row, int peerGroupStart, int peerGroupEnd, int frameStart, int frameEnd)
    {
        if (frameStart < currentStart || frameEnd < currentEnd || frameStart >= currentEnd) {
            clear();
            currentStart = frameStart;
            currentEnd = frameStart;
        }
        while (currentEnd < frameEnd) {
            add(currentEnd++);
        }
        while (currentStart < frameStart) {
            remove(currentStart++);
        }
        write(output);
    }

    /** Forget every row. */
    protected abstract void clear();

    /** The row joined the frame. */
    protected abstract void add(int row);

    /** The row left the frame; rows leave in the order they joined. */
    protected abstract void remove(int row);

    /** Appends the aggregate of the rows in the frame. */
    protected abstract void write(BlockBuilder output);
}
