package io.basin.connector.jdbc;

import io.trino.spi.connector.ConnectorTransactionHandle;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** A Basin transaction over a remote catalog; reads run in their own remote transactions. */
public record JdbcTransactionHandle(UUID id)
        implements ConnectorTransactionHandle
{
    public JdbcTransactionHandle
    {
        requireNonNull(id, "id is null");
    }
}
