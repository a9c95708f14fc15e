package io.basin.connector.memory;

import io.trino.spi.connector.ConnectorInsertTableHandle;

/**
 * An {@code INSERT} in progress. Pages written for it carry every column of the table, in table
 * order.
 *
 * @param tableId the table written to
 * @param columnCount the number of channels every written page has
 */
public record MemoryInsertTableHandle(long tableId, int columnCount)
        implements ConnectorInsertTableHandle
{
    public MemoryInsertTableHandle
    {
        if (columnCount < 0) {
            throw new IllegalArgumentException("columnCount is negative: " + columnCount);
        }
    }
}
