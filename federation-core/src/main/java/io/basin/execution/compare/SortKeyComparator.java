package io.basin.execution.compare;

import io.trino.spi.Page;
import io.trino.spi.block.Block;

import static java.util.Objects.requireNonNull;

/** One sort key of any kind: NULL placement, then the direction applied to the value order. */
final class SortKeyComparator
        implements RowComparator
{
    private final int channel;
    private final ValueKind kind;
    private final boolean ascending;
    private final boolean nullsFirst;

    SortKeyComparator(SortKey key)
    {
        requireNonNull(key, "key is null");
        this.channel = key.channel();
        this.kind = key.kind();
        this.ascending = key.ascending();
        this.nullsFirst = key.nullsFirst();
    }

    @Override
    public int compare(Page left, int leftPosition, Page right, int rightPosition)
    {
        Block leftBlock = left.getBlock(channel);
        Block rightBlock = right.getBlock(channel);
        boolean leftNull = leftBlock.isNull(leftPosition);
        boolean rightNull = rightBlock.isNull(rightPosition);
        if (leftNull | rightNull) {
            if (leftNull && rightNull) {
                return 0;
            }
            return leftNull == nullsFirst ? -1 : 1;
        }
        // Value comparisons are bounded well away from Integer.MIN_VALUE, so negation is safe.
        int result = ValueComparator.compare(kind, leftBlock, leftPosition, rightBlock, rightPosition);
        return ascending ? result : -result;
    }
}
