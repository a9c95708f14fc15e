package io.basin.connector.iceberg;

import io.trino.spi.connector.ConnectorSplit;

/**
 * The one split of a metadata table, a system table or an aggregation answered from table
 * metadata: its rows do not come from the fleet.
 */
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
