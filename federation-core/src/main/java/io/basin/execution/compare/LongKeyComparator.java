package io.basin.execution.compare;

import io.trino.spi.Page;
import io.trino.spi.block.LongArrayBlock;

/** One key stored as a signed long; a final class so the hot comparison inlines completely. */
final class LongKeyComparator
        implements RowComparator
{
    private final int channel;
    private final boolean ascending;
    private final boolean nullsFirst;

    LongKeyComparator(int channel, boolean ascending, boolean nullsFirst)
    {
        this.channel = channel;
        this.ascending = ascending;
        this.nullsFirst = nullsFirst;
    }

    @Override
    public int compare(Page left, int leftPosition, Page right, int rightPosition)
    {
        LongArrayBlock leftBlock = (LongArrayBlock) left.getBlock(channel);
        LongArrayBlock rightBlock = (LongArrayBlock) right.getBlock(channel);
        boolean leftNull = leftBlock.isNull(leftPosition);
        boolean rightNull = rightBlock.isNull(rightPosition);
        if (leftNull | rightNull) {
            if (leftNull && rightNull) {
                return 0;
            }
            return leftNull == nullsFirst ? -1 : 1;
        }
        int result = Long.compare(leftBlock.getLong(leftPosition), rightBlock.getLong(rightPosition));
        return ascending ? result : -result;
    }
}
