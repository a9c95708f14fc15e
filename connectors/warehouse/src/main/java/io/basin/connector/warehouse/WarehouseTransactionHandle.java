package io.basin.connector.warehouse;

import io.trino.spi.connector.ConnectorTransactionHandle;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** Names one transaction of a warehouse catalog. */
public record WarehouseTransactionHandle(UUID id)
        implements ConnectorTransactionHandle
{
    public WarehouseTransactionHandle
    {
        requireNonNull(id, "id is null");
    }
}
