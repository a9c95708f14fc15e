package io.basin.execution.compare;

import io.trino.spi.Page;

import java.util.List;

/** Several keys: the first one that differs decides. */
final class MultiKeyComparator
        implements RowComparator
{
    private final RowComparator[] keys;

    MultiKeyComparator(List<RowComparator> keys)
    {
        this.keys = keys.toArray(RowComparator[]::new);
    }

    @Override
    public int compare(Page left, int leftPosition, Page right, int rightPosition)
    {
        for (RowComparator key : keys) {
            int result = key.compare(left, leftPosition, right, rightPosition);
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }
}
