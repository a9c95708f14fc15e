package io.basin.connector.warehouse;

import io.basin.connector.warehouse.storage.TableDefinition;
import io.trino.spi.connector.ConnectorInsertTableHandle;

import static java.util.Objects.requireNonNull;

/** An {@code INSERT} in progress into {@code table}, writing all of its columns in table order. */
public record WarehouseInsertTableHandle(TableDefinition table)
        implements ConnectorInsertTableHandle
{
    public WarehouseInsertTableHandle
    {
        requireNonNull(table, "table is null");
    }
}
