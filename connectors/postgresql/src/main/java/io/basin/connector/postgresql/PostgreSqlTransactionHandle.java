package io.basin.connector.postgresql;

import io.trino.spi.connector.ConnectorTransactionHandle;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** A Basin transaction over a PostgreSQL catalog; reads run in their own remote transactions. */
public record PostgreSqlTransactionHandle(UUID id)
        implements ConnectorTransactionHandle
{
    public PostgreSqlTransactionHandle
    {
        requireNonNull(id, "id is null");
    }
}
