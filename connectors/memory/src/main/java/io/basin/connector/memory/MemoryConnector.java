package io.basin.connector.memory;

import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorPageSinkProvider;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.transaction.IsolationLevel;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Tables held in memory as lists of pages. Schema changes apply at once; written rows become
 * visible when their statement finishes, all together. When a transaction ends (committed or
 * rolled back), whatever it wrote but never committed is released.
 */
public final class MemoryConnector
        implements Connector
{
    private final MemoryDataStore dataStore;
    private final MemoryMetadata metadata;
    private final MemorySplitManager splitManager;
    private final MemoryPageSourceProvider pageSourceProvider;
    private final MemoryPageSinkProvider pageSinkProvider;

    public MemoryConnector(MemoryConfig config)
    {
        requireNonNull(config, "config is null");
        this.dataStore = new MemoryDataStore(config.maxDataBytes());
        this.metadata = new MemoryMetadata(new MemoryTableCatalog(), dataStore);
        this.splitManager = new MemorySplitManager(dataStore, config.splitsPerTable());
        this.pageSourceProvider = new MemoryPageSourceProvider(dataStore);
        this.pageSinkProvider = new MemoryPageSinkProvider(dataStore);
    }

    @Override
    public ConnectorTransactionHandle beginTransaction(IsolationLevel isolationLevel, boolean readOnly, boolean autoCommit)
    {
        return new MemoryTransactionHandle(UUID.randomUUID());
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

    @Override
    public void commit(ConnectorTransactionHandle transaction)
    {
        // Committed writes were published by finishCreateTable/finishInsert; anything still
        // staged belongs to a write whose statement never finished.
        dataStore.discardTransaction(((MemoryTransactionHandle) transaction).id());
    }

    @Override
    public void rollback(ConnectorTransactionHandle transaction)
    {
        dataStore.discardTransaction(((MemoryTransactionHandle) transaction).id());
    }

    /** Bytes retained by all tables and pending writes of this catalog. */
    public long getRetainedBytes()
    {
        return dataStore.usedBytes();
    }
}
