package io.basin.connector.iceberg;

import io.trino.spi.connector.ConnectorSplit;

/** The one split of a metadata table: its rows come from the table's metadata, not from the fleet. */
public enum IcebergMetadataSplit
        implements ConnectorSplit
{
    INSTANCE;

    @Override
    public long getRetainedSizeInBytes()
    {
        return 0;
    }
}
