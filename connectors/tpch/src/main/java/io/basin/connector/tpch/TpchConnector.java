package io.basin.connector.tpch;

import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.transaction.IsolationLevel;

import static java.util.Objects.requireNonNull;

/** A read-only catalog of generated TPC-H data; one schema per scale factor. */
public final class TpchConnector
        implements Connector
{
    private final TpchMetadata metadata;
    private final TpchSplitManager splitManager;
    private final TpchPageSourceProvider pageSourceProvider = new TpchPageSourceProvider();

    public TpchConnector(String catalogName, TpchConfig config)
    {
        this.metadata = new TpchMetadata(requireNonNull(catalogName, "catalogName is null"));
        this.splitManager = new TpchSplitManager(requireNonNull(config, "config is null"));
    }

    @Override
    public ConnectorTransactionHandle beginTransaction(IsolationLevel isolationLevel, boolean readOnly, boolean autoCommit)
    {
        return TpchTransactionHandle.INSTANCE;
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
}
