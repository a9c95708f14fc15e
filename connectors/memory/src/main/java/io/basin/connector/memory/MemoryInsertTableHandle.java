package io.basin.connector.memory;

import io.trino.spi.connector.ConnectorInsertTableHandle;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An {@code INSERT} in progress. Pages written for it carry every column of the table, in table
 * order.
 *
 * @param tableId the table written to
 * @param columns the table's columns: the channels of every written page
 */
public record MemoryInsertTableHandle(long tableId, List<MemoryColumnHandle> columns)
        implements ConnectorInsertTableHandle
{
    public MemoryInsertTableHandle
    {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }
}
