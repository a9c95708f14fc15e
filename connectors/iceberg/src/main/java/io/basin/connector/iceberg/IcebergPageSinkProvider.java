package io.basin.connector.iceberg;

import io.trino.spi.connector.ConnectorInsertTableHandle;
import io.trino.spi.connector.ConnectorOutputTableHandle;
import io.trino.spi.connector.ConnectorPageSink;
import io.trino.spi.connector.ConnectorPageSinkId;
import io.trino.spi.connector.ConnectorPageSinkProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTransactionHandle;

import static java.util.Objects.requireNonNull;

/** One {@link IcebergPageSink} per writer of a {@code CREATE TABLE AS} or {@code INSERT}. */
final class IcebergPageSinkProvider
        implements ConnectorPageSinkProvider
{
    private final LakeCatalog lake;
    private final DataFileCodec codec;

    IcebergPageSinkProvider(LakeCatalog lake, DataFileCodec codec)
    {
        this.lake = requireNonNull(lake, "lake is null");
        this.codec = requireNonNull(codec, "codec is null");
    }

    @Override
    public ConnectorPageSink createPageSink(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorOutputTableHandle outputTableHandle, ConnectorPageSinkId pageSinkId)
    {
        return new IcebergPageSink((IcebergWriteHandle) outputTableHandle, lake.fileIO(), codec);
    }

    @Override
    public ConnectorPageSink createPageSink(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorInsertTableHandle insertTableHandle, ConnectorPageSinkId pageSinkId)
    {
        return new IcebergPageSink((IcebergWriteHandle) insertTableHandle, lake.fileIO(), codec);
    }
}
