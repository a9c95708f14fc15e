package io.basin.connector.jdbc;

import io.basin.pushdown.monitor.RemoteQueriesSystemTable;
import io.basin.pushdown.monitor.RemoteQueryLog;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.SystemTable;
import io.trino.spi.function.table.ConnectorTableFunction;
import io.trino.spi.transaction.IsolationLevel;

import java.util.Set;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A live remote database, read in place and read-only: its relations through {@link JdbcMetadata},
 * statements pushed down by Basin's planner through {@code system.query}, every statement it runs
 * listed in {@code runtime.remote_queries} and canceled with its Basin query. A dialect supplies
 * its client, type mapping, splits and how a split is read.
 */
public abstract class JdbcConnector
        implements Connector
{
    private final RemoteQueryLog queryLog = new RemoteQueryLog();
    private final JdbcClient client;
    private final JdbcTypeMapping typeMapping;
    private final ConnectorSplitManager splitManager;
    private final JdbcPageSourceProvider pageSourceProvider;
    private final JdbcQueryFunction queryFunction;

    protected JdbcConnector(JdbcClient client, JdbcTypeMapping typeMapping, ConnectorSplitManager splitManager, SplitReads reads)
    {
        this.client = requireNonNull(client, "client is null");
        this.typeMapping = requireNonNull(typeMapping, "typeMapping is null");
        this.splitManager = requireNonNull(splitManager, "splitManager is null");
        this.pageSourceProvider = new JdbcPageSourceProvider(queryLog, client, typeMapping, requireNonNull(reads, "reads is null"));
        this.queryFunction = new JdbcQueryFunction(client, typeMapping);
    }

    /** Called when a Basin transaction ends, committed or rolled back, to release what its reads held. */
    protected void transactionEnded(JdbcTransactionHandle transaction) {}

    @Override
    public final ConnectorTransactionHandle beginTransaction(IsolationLevel isolationLevel, boolean readOnly, boolean autoCommit)
    {
        JdbcTransactionHandle transaction = new JdbcTransactionHandle(UUID.randomUUID());
        queryLog.beginTransaction(transaction);
        return transaction;
    }

    @Override
    public final void commit(ConnectorTransactionHandle transaction)
    {
        queryLog.endTransaction(transaction);
        transactionEnded((JdbcTransactionHandle) transaction);
    }

    @Override
    public final void rollback(ConnectorTransactionHandle transaction)
    {
        // also how a canceled Basin query reaches here, while its statements may still run
        queryLog.endTransaction(transaction);
        transactionEnded((JdbcTransactionHandle) transaction);
    }

    @Override
    public final ConnectorMetadata getMetadata(ConnectorSession session, ConnectorTransactionHandle transaction)
    {
        return new JdbcMetadata(client, typeMapping);
    }

    @Override
    public final ConnectorSplitManager getSplitManager()
    {
        return splitManager;
    }

    @Override
    public final ConnectorPageSourceProvider getPageSourceProvider()
    {
        return pageSourceProvider;
    }

    @Override
    public final Set<ConnectorTableFunction> getTableFunctions()
    {
        return Set.of(queryFunction);
    }

    /** {@code runtime.remote_queries}: the statements this source ran, gathered by the engine's system catalog. */
    @Override
    public final Set<SystemTable> getSystemTables()
    {
        return Set.of(new RemoteQueriesSystemTable(queryLog));
    }

    @Override
    public void shutdown()
    {
        client.close();
    }
}
