package io.basin.connector.iceberg;

import io.trino.spi.connector.ConnectorTransactionHandle;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A statement's view of a lake catalog. Each transaction loads a table once and reads it as of
 * that load, so one query sees one snapshot of each table however often the engine asks; writes
 * commit an Iceberg snapshot atomically when their statement finishes.
 */
public record IcebergTransactionHandle(UUID id)
        implements ConnectorTransactionHandle
{
    public IcebergTransactionHandle
    {
        requireNonNull(id, "id is null");
    }
}
