package io.basin.execution.window;

import io.trino.spi.block.BlockBuilder;

/**
 * A window function being computed over the partitions of one sorted input, by one thread.
 * Rows are numbered within their partition from 0, and ranges are half-open.
 * {@link #processRow} is called for every row of a partition in order, after {@link #reset}.
 */
public interface WindowFunction
{
    /** A new partition starts; drop every state of the previous one. */
    void reset(WindowPartition partition);

    /**
     * Appends the value for {@code row} to {@code output}.
     *
     * @param peerGroupStart first row of the current row's peer group
     * @param peerGroupEnd one past the last row of the peer group
     * @param frameStart first row of the frame (for functions that use a frame)
     * @param frameEnd one past the last row of the frame; {@code frameStart == frameEnd} is an empty frame
     */
    void processRow(BlockBuilder output, int row, int peerGroupStart, int peerGroupEnd, int frameStart, int frameEnd);
}
