package io.basin.connector.memory;

import io.trino.spi.connector.ConnectorOutputTableHandle;

import static java.util.Objects.requireNonNull;

/**
 * A {@code CREATE TABLE AS} in progress: the table that {@code finishCreateTable} will publish.
 *
 * @param table the new table; its id is fresh and not yet visible
 * @param replace whether an existing table of the same name is replaced
 */
public record MemoryOutputTableHandle(MemoryTableDefinition table, boolean replace)
        implements ConnectorOutputTableHandle
{
    public MemoryOutputTableHandle
    {
        requireNonNull(table, "table is null");
    }
}
