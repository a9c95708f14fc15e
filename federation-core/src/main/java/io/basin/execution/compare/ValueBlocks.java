package io.basin.execution.compare;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.ValueBlock;

/**
 * Turns dictionary and run-length encoded blocks into plain value blocks, so code that keeps
 * rows (sorts, top-N heaps, window partitions) can read values with a cast instead of an
 * indirection per access, and so a kept row does not pin a large dictionary.
 */
public final class ValueBlocks
{
    // A value block that views a small region of a much larger array is copied, so retaining a
    // few rows does not retain (and account for) the whole array behind them.
    private static final int SLACK_BYTES = 4096;

    private ValueBlocks() {}

    /** A page whose every block is a compact {@link ValueBlock}; the page itself when it already is. */
    public static Page flatten(Page page)
    {
        Block[] blocks = null;
        for (int channel = 0; channel < page.getChannelCount(); channel++) {
            Block block = page.getBlock(channel);
            ValueBlock flat = flatten(block);
            if (flat != block) {
                if (blocks == null) {
                    blocks = new Block[page.getChannelCount()];
                    for (int previous = 0; previous < channel; previous++) {
                        blocks[previous] = page.getBlock(previous);
                    }
                }
            }
            if (blocks != null) {
                blocks[channel] = flat;
            }
        }
        return blocks == null ? page : new Page(page.getPositionCount(), blocks);
    }

    public static ValueBlock flatten(Block block)
    {
        if (block instanceof ValueBlock valueBlock) {
            if (valueBlock.getRetainedSizeInBytes() > 2 * valueBlock.getSizeInBytes() + SLACK_BYTES) {
                return valueBlock.copyRegion(0, valueBlock.getPositionCount());
            }
            return valueBlock;
        }
        int positionCount = block.getPositionCount();
        int[] positions = new int[positionCount];
        for (int position = 0; position < positionCount; position++) {
            positions[position] = block.getUnderlyingValuePosition(position);
        }
        return block.getUnderlyingValueBlock().copyPositions(positions, 0, positionCount);
    }
}
