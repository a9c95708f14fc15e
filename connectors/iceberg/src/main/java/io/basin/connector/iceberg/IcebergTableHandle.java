package io.basin.connector.iceberg;

import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.predicate.TupleDomain;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A lake table as of one snapshot (empty: the table has no snapshot yet, i.e. no rows), with the
 * predicate pushed into its scans. Immutable; pushdown returns a new handle.
 */
public record IcebergTableHandle(SchemaTableName name, Optional<Long> snapshotId, TupleDomain<IcebergColumnHandle> predicate)
        implements ConnectorTableHandle
{
    public IcebergTableHandle
    {
        requireNonNull(name, "name is null");
        requireNonNull(snapshotId, "snapshotId is null");
        requireNonNull(predicate, "predicate is null");
    }

    IcebergTableHandle withPredicate(TupleDomain<IcebergColumnHandle> predicate)
    {
        return new IcebergTableHandle(name, snapshotId, predicate);
    }
}
