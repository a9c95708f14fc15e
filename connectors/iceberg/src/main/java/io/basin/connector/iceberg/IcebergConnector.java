package io.basin.connector.iceberg;

import io.basin.spectrum.ScanCounters;
import io.basin.spectrum.ScanFleet;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorPageSinkProvider;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.transaction.IsolationLevel;

import java.io.IOException;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_CATALOG_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * A lake catalog: Iceberg tables whose scans run on the spectrum scan fleet. Schemas are Iceberg
 * namespaces; every write is one Iceberg commit.
 */
public final class IcebergConnector
        implements Connector
{
    private final LakeCatalog lake;
    private final ScanFleet fleet;
    private final ScanCounters counters = new ScanCounters();
    private final IcebergMetadata metadata;
    private final IcebergSplitManager splitManager;
    private final IcebergPageSourceProvider pageSourceProvider;
    private final IcebergPageSinkProvider pageSinkProvider;

    public IcebergConnector(String catalogName, IcebergConfig config)
    {
        requireNonNull(config, "config is null");
        this.lake = new LakeCatalog(catalogName, config);
        this.fleet = new ScanFleet(config.workers());
        DataFileCodec codec = new DataFileCodec();
        this.metadata = new IcebergMetadata(lake, codec);
        this.splitManager = new IcebergSplitManager(metadata, config.workers());
        this.pageSourceProvider = new IcebergPageSourceProvider(lake, fleet, counters);
        this.pageSinkProvider = new IcebergPageSinkProvider(lake, codec);
    }

    @Override
    public ConnectorTransactionHandle beginTransaction(IsolationLevel isolationLevel, boolean readOnly, boolean autoCommit)
    {
        return IcebergTransactionHandle.INSTANCE;
    }

    @Override
    public ConnectorMetadata getMetadata(ConnectorSession session, ConnectorTransactionHandle transaction)
    {
        return metadata;
    }

    @Override
    public ConnectorSplitManager getSplitManager()
    {
        return splitManager;
    }

    @Override
    public ConnectorPageSourceProvider getPageSourceProvider()
    {
        return pageSourceProvider;
    }

    @Override
    public ConnectorPageSinkProvider getPageSinkProvider()
    {
        return pageSinkProvider;
    }

    /** What this catalog's scans have read so far: files, row groups total and read, bytes, rows. */
    public ScanCounters scanCounters()
    {
        return counters;
    }

    @Override
    public void shutdown()
    {
        fleet.close();
        metadata.abandonCreates();
        try {
            lake.close();
        }
        catch (IOException e) {
            throw new TrinoException(LAKE_CATALOG_ERROR, "Cannot close the lake catalog: " + e.getMessage(), e);
        }
    }
}
