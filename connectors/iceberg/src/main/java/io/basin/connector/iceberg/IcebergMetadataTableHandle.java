package io.basin.connector.iceberg;

import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.SchemaTableName;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A metadata table ({@code "t$snapshots"}, {@code "t$files"}) of lake table {@code base} as of a snapshot. */
public record IcebergMetadataTableHandle(SchemaTableName base, MetadataTable table, Optional<Long> snapshotId)
        implements ConnectorTableHandle
{
    public IcebergMetadataTableHandle
    {
        requireNonNull(base, "base is null");
        requireNonNull(table, "table is null");
        requireNonNull(snapshotId, "snapshotId is null");
    }

    SchemaTableName name()
    {
        return new SchemaTableName(base.getSchemaName(), base.getTableName() + table.suffix());
    }
}
