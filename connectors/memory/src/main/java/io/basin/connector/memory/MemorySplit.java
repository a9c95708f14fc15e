package io.basin.connector.memory;

import io.trino.spi.connector.ConnectorSplit;

/**
 * A contiguous run of a table's committed pages, {@code [firstPage, endPage)}. Tables only grow
 * by appending pages, so the run names the same rows for as long as the table exists.
 *
 * @param tableId the table scanned
 * @param firstPage index of the first page of the split
 * @param endPage index one past the last page of the split
 * @param rowCount rows in the split, for scheduling
 */
public record MemorySplit(long tableId, int firstPage, int endPage, long rowCount)
        implements ConnectorSplit
{
    private static final long INSTANCE_SIZE = 40;

    public MemorySplit
    {
        if (firstPage < 0 || endPage < firstPage) {
            throw new IllegalArgumentException("Invalid page range [%s, %s)".formatted(firstPage, endPage));
        }
    }

    @Override
    public long getRetainedSizeInBytes()
    {
        return INSTANCE_SIZE;
    }
}
