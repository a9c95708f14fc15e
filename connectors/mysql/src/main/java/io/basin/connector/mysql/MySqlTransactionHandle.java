package io.basin.connector.mysql;

import io.trino.spi.connector.ConnectorTransactionHandle;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** A Basin transaction over a MySQL catalog; reads run in their own remote transactions. */
public record MySqlTransactionHandle(UUID id)
        implements ConnectorTransactionHandle
{
    public MySqlTransactionHandle
    {
        requireNonNull(id, "id is null");
    }
}
