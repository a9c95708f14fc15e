package io.basin.connector.iceberg;

import io.basin.spectrum.ScanCounters;
import io.basin.spectrum.ScanFleet;
import io.basin.spectrum.ScanService;
import io.basin.spectrum.flight.RemoteScanFleet;
import io.basin.spectrum.flight.ScanWorkersSystemTable;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorPageSinkProvider;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.SystemTable;
import io.trino.spi.transaction.IsolationLevel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_CATALOG_ERROR;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_INVALID_CONFIGURATION;
import static java.util.Objects.requireNonNull;

/**
 * A lake catalog: Iceberg tables whose scans run on the spectrum scan fleet. Schemas are Iceberg
 * namespaces; every write is one Iceberg commit.
 */
public final class IcebergConnector
        implements Connector
{
    private final LakeCatalog lake;
    private final ScanService fleet;
    private final ScanCounters counters = new ScanCounters();
    private final ScanSummaries summaries = new ScanSummaries(counters);
    private final DataFileCodec codec = new DataFileCodec();
    private final Map<IcebergTransactionHandle, IcebergMetadata> transactions = new ConcurrentHashMap<>();
    private final IcebergSplitManager splitManager;
    private final IcebergPageSourceProvider pageSourceProvider;
    private final IcebergPageSinkProvider pageSinkProvider;

    public IcebergConnector(String catalogName, IcebergConfig config)
    {
        requireNonNull(config, "config is null");
        this.lake = new LakeCatalog(catalogName, config);
        this.fleet = scanService(config);
        this.splitManager = new IcebergSplitManager(this::metadata, config.workers());
        this.pageSourceProvider = new IcebergPageSourceProvider(lake, fleet, summaries, this::metadata);
        this.pageSinkProvider = new IcebergPageSinkProvider(lake, codec);
    }

    /** The in-process fleet, or the remote workers when the catalog lists them. */
    private static ScanService scanService(IcebergConfig config)
    {
        IcebergConfig.RemoteWorkers remote = config.remoteWorkers();
        if (remote.addresses().isEmpty() && !remote.localTakesTasks()) {
            return new ScanFleet(config.workers());
        }
        Optional<ScanService> local = remote.localFallback() || remote.localTakesTasks() ? Optional.of(new ScanFleet(config.workers())) : Optional.empty();
        try {
            return new RemoteScanFleet(remote.addresses(), S3aConfiguration.settings(config.s3()), local, remote.localTakesTasks(), remote.trustedCertificates().map(Path::of));
        }
        catch (IllegalArgumentException e) {
            local.ifPresent(ScanService::close);
            throw new TrinoException(LAKE_INVALID_CONFIGURATION, "Cannot configure the lake catalog: spectrum.tls-trusted-certificates: " + e.getMessage(), e);
        }
    }

    @Override
    public ConnectorTransactionHandle beginTransaction(IsolationLevel isolationLevel, boolean readOnly, boolean autoCommit)
    {
        IcebergTransactionHandle transaction = new IcebergTransactionHandle(UUID.randomUUID());
        transactions.put(transaction, new IcebergMetadata(lake, codec));
        return transaction;
    }

    @Override
    public ConnectorMetadata getMetadata(ConnectorSession session, ConnectorTransactionHandle transaction)
    {
        return metadata(transaction);
    }

    IcebergMetadata metadata(ConnectorTransactionHandle transaction)
    {
        IcebergMetadata metadata = transactions.get((IcebergTransactionHandle) transaction);
        if (metadata == null) {
            throw new IllegalStateException("Lake transaction %s is not open".formatted(transaction));
        }
        return metadata;
    }

    @Override
    public void commit(ConnectorTransactionHandle transaction)
    {
        // writes committed their snapshots when their statements finished
        transactions.remove((IcebergTransactionHandle) transaction);
    }

    @Override
    public void rollback(ConnectorTransactionHandle transaction)
    {
        // a CREATE TABLE AS that never finished leaves no table: its Iceberg transaction is dropped
        transactions.remove((IcebergTransactionHandle) transaction);
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

    /** {@code runtime.scan_workers} when the scans run on remote workers. */
    @Override
    public Set<SystemTable> getSystemTables()
    {
        if (fleet instanceof RemoteScanFleet remote) {
            return Set.of(new ScanWorkersSystemTable(remote));
        }
        return Set.of();
    }

    /** Where this catalog's scans run: the in-process fleet or a {@link RemoteScanFleet} (whose workers and retries it reports). */
    public ScanService scanService()
    {
        return fleet;
    }

    @Override
    public void shutdown()
    {
        fleet.close();
        transactions.clear();
        try {
            lake.close();
        }
        catch (IOException e) {
            throw new TrinoException(LAKE_CATALOG_ERROR, "Cannot close the lake catalog: " + e.getMessage(), e);
        }
    }
}
