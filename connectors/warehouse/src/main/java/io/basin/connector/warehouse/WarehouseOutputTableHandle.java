package io.basin.connector.warehouse;

import io.basin.connector.warehouse.storage.TableDefinition;
import io.trino.spi.connector.ConnectorOutputTableHandle;

import static java.util.Objects.requireNonNull;

/** A {@code CREATE TABLE AS} in progress: the new table, invisible until the transaction commits. */
public record WarehouseOutputTableHandle(TableDefinition table)
        implements ConnectorOutputTableHandle
{
    public WarehouseOutputTableHandle
    {
        requireNonNull(table, "table is null");
    }
}
