package io.basin.execution.operator.join;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.ValueBlock;

/**
 * Copies of a probe page's rows for a join's output, when the probe's columns may be row views: a
 * filter right under the join hands on the rows it selected as dictionary blocks of positions over
 * the scanned blocks instead of copying them (see
 * {@link io.basin.execution.expression.PageProcessorFactory#withRowViews}). A view is gathered
 * from the block behind it, so the filter's rows are copied once, here, and only those the join
 * keeps; nothing downstream of the join sees a view.
 */
final class ProbeRows
{
    private ProbeRows() {}

    /** Rows {@code positions[0..count)} of {@code block}: a flat copy, or a dictionary block when its dictionary is no larger than the rows. */
    static Block copy(Block block, int[] positions, int count)
    {
        if (!(block instanceof DictionaryBlock dictionary)) {
            return block.copyPositions(positions, 0, count);
        }
        ValueBlock values = dictionary.getDictionary();
        int[] rawIds = dictionary.getRawIds();
        int offset = dictionary.getRawIdsOffset();
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = rawIds[offset + positions[i]];
        }
        return values.getPositionCount() > count ? values.copyPositions(ids, 0, count) : DictionaryBlock.create(count, values, ids);
    }

    /** Every row of {@code page}, with its row views gathered: for a page passed on whole. */
    static Page materialize(Page page)
    {
        int count = page.getPositionCount();
        Block[] blocks = null;
        int[] identity = null;
        for (int channel = 0; channel < page.getChannelCount(); channel++) {
            if (page.getBlock(channel) instanceof DictionaryBlock dictionary && dictionary.getDictionary().getPositionCount() > count) {
                if (blocks == null) {
                    blocks = new Block[page.getChannelCount()];
                    for (int i = 0; i < blocks.length; i++) {
                        blocks[i] = page.getBlock(i);
                    }
                    identity = new int[count];
                    for (int i = 0; i < count; i++) {
                        identity[i] = i;
                    }
                }
                blocks[channel] = copy(dictionary, identity, count);
            }
        }
        return blocks == null ? page : new Page(count, blocks);
    }
}
