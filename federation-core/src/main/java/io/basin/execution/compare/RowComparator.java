package io.basin.execution.compare;

import io.trino.spi.Page;

import java.util.List;

/**
 * Orders rows, each given as a page and a position, by a list of {@link SortKey}s. Pages must
 * hold value blocks ({@link ValueBlocks#flatten}). Two rows whose keys are all equal, NULL
 * counting as equal to NULL, compare as 0: the same comparator finds window partitions and peers.
 */
@FunctionalInterface
public interface RowComparator
{
    int compare(Page left, int leftPosition, Page right, int rightPosition);

    /**
     * The comparator for the keys, specialized for the common shapes: a single key stored as a
     * long (bigint, timestamp, short decimal, interval) compares without any dispatch at all.
     */
    static RowComparator of(List<SortKey> sortKeys)
    {
        if (sortKeys.isEmpty()) {
            return (_, _, _, _) -> 0;
        }
        if (sortKeys.size() == 1) {
            return forKey(sortKeys.getFirst());
        }
        return new MultiKeyComparator(sortKeys.stream().map(RowComparator::forKey).toList());
    }

    private static RowComparator forKey(SortKey key)
    {
        if (key.kind() == ValueKind.LONG) {
            return new LongKeyComparator(key.channel(), key.ascending(), key.nullsFirst());
        }
        return new SortKeyComparator(key);
    }
}
