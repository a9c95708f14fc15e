package io.basin.connector.warehouse;

import io.basin.connector.warehouse.storage.ManifestCodec;
import io.basin.connector.warehouse.storage.SortedRunWriter;
import io.basin.connector.warehouse.storage.TypeNames;
import io.basin.connector.warehouse.storage.WarehouseStore;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorNodePartitioningProvider;
import io.trino.spi.connector.ConnectorPageSinkProvider;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.session.PropertyMetadata;
import io.trino.spi.transaction.IsolationLevel;
import io.trino.spi.type.TypeManager;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.trino.spi.StandardErrorCode.TRANSACTION_ALREADY_ABORTED;
import static java.util.Objects.requireNonNull;

/**
 * The warehouse tier's managed column storage (see {@link WarehouseStore} for the files). Every
 * transaction reads one snapshot and commits atomically; row groups are written by the page
 * sinks before the commit that publishes them.
 */
public final class WarehouseConnector
        implements Connector
{
    private final WarehouseStore store;
    private final Map<UUID, WarehouseTransaction> transactions = new ConcurrentHashMap<>();
    private final ScanCounters scanCounters = new ScanCounters();
    private final WarehouseSplitManager splitManager;
    private final WarehousePageSourceProvider pageSourceProvider;
    private final WarehousePageSinkProvider pageSinkProvider;
    private final SortedRunWriter runWriter;
    private final int sortBufferRows;
    private final int slices;
    private final WarehouseNodePartitioningProvider nodePartitioningProvider = new WarehouseNodePartitioningProvider();

    public WarehouseConnector(WarehouseConfig config, Optional<TypeManager> typeManager)
    {
        requireNonNull(config, "config is null");
        this.store = WarehouseStore.open(config.dataDirectory(), new ManifestCodec(new TypeNames(typeManager)));
        this.splitManager = new WarehouseSplitManager(this::transaction, scanCounters);
        this.pageSourceProvider = new WarehousePageSourceProvider(this::transaction, scanCounters);
        this.runWriter = new SortedRunWriter(store, config.rowsPerGroup(), config.targetBlockBytes());
        this.sortBufferRows = config.sortBufferRows();
        this.slices = config.slices();
        this.pageSinkProvider = new WarehousePageSinkProvider(this::transaction, runWriter, sortBufferRows);
    }

    @Override
    public ConnectorTransactionHandle beginTransaction(IsolationLevel isolationLevel, boolean readOnly, boolean autoCommit)
    {
        UUID id = UUID.randomUUID();
        transactions.put(id, new WarehouseTransaction(id, store, readOnly));
        return new WarehouseTransactionHandle(id);
    }

    WarehouseTransaction transaction(ConnectorTransactionHandle handle)
    {
        WarehouseTransaction transaction = transactions.get(((WarehouseTransactionHandle) handle).id());
        if (transaction == null) {
            throw new TrinoException(TRANSACTION_ALREADY_ABORTED, "Warehouse transaction %s is not active".formatted(((WarehouseTransactionHandle) handle).id()));
        }
        return transaction;
    }

    @Override
    public ConnectorMetadata getMetadata(ConnectorSession session, ConnectorTransactionHandle transaction)
    {
        return new WarehouseMetadata(transaction(transaction), scanCounters, runWriter, sortBufferRows, slices);
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
    public ConnectorNodePartitioningProvider getNodePartitioningProvider()
    {
        return nodePartitioningProvider;
    }

    @Override
    public ConnectorPageSinkProvider getPageSinkProvider()
    {
        return pageSinkProvider;
    }

    @Override
    public List<PropertyMetadata<?>> getTableProperties()
    {
        return WarehouseTableProperties.TABLE_PROPERTIES;
    }

    @Override
    public List<PropertyMetadata<?>> getColumnProperties()
    {
        return WarehouseTableProperties.COLUMN_PROPERTIES;
    }

    @Override
    public void commit(ConnectorTransactionHandle transaction)
    {
        WarehouseTransaction ended = transactions.remove(((WarehouseTransactionHandle) transaction).id());
        if (ended != null) {
            ended.commit();
        }
    }

    @Override
    public void rollback(ConnectorTransactionHandle transaction)
    {
        WarehouseTransaction ended = transactions.remove(((WarehouseTransactionHandle) transaction).id());
        if (ended != null) {
            ended.rollback();
        }
    }

    /** Row groups scans considered and read since the catalog opened. */
    public ScanCounters scanCounters()
    {
        return scanCounters;
    }

    @Override
    public void shutdown()
    {
        transactions.values().forEach(WarehouseTransaction::rollback);
        transactions.clear();
        store.close();
    }
}
