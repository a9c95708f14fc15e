package io.basin.connector.mysql;

import io.trino.spi.connector.ConnectorSplit;

/** The whole relation, read over one connection. */
public record MySqlSplit()
        implements ConnectorSplit
{
    private static final long INSTANCE_SIZE = 16;

    @Override
    public long getRetainedSizeInBytes()
    {
        return INSTANCE_SIZE;
    }
}
