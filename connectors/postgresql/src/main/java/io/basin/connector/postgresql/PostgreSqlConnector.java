package io.basin.connector.postgresql;

import io.basin.pushdown.monitor.RemoteQueriesSystemTable;
import io.basin.pushdown.monitor.RemoteQueryLog;
import io.trino.spi.connector.SystemTable;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.function.table.ConnectorTableFunction;
import io.trino.spi.transaction.IsolationLevel;

import java.util.Set;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A live PostgreSQL database, read in place: its schemas and relations with their columns mapped
 * to Basin types, read through server-side cursors over a HikariCP pool. Read-only.
 */
public final class PostgreSqlConnector
        implements Connector
{
    private final RemoteQueryLog queryLog = new RemoteQueryLog();
    private final PostgreSqlClient client;
    private final PostgreSqlTypeMapping typeMapping;
    private final SharedSnapshots snapshots;
    private final PostgreSqlSplitManager splitManager;
    private final PostgreSqlPageSourceProvider pageSourceProvider;
    private final PostgreSqlQueryFunction queryFunction;

    public PostgreSqlConnector(String catalogName, PostgreSqlConfig config)
    {
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(config, "config is null");
        this.client = new PostgreSqlClient(catalogName, config);
        this.typeMapping = new PostgreSqlTypeMapping(config.unboundedNumericScale());
        this.snapshots = new SharedSnapshots(client);
        this.splitManager = new PostgreSqlSplitManager(client, snapshots);
        this.pageSourceProvider = new PostgreSqlPageSourceProvider(queryLog, client, typeMapping);
        this.queryFunction = new PostgreSqlQueryFunction(client, typeMapping);
    }

    @Override
    public ConnectorTransactionHandle beginTransaction(IsolationLevel isolationLevel, boolean readOnly, boolean autoCommit)
    {
        PostgreSqlTransactionHandle transaction = new PostgreSqlTransactionHandle(UUID.randomUUID());
        queryLog.beginTransaction(transaction);
        return transaction;
    }

    @Override
    public void commit(ConnectorTransactionHandle transaction)
    {
        queryLog.endTransaction(transaction);
        snapshots.release((PostgreSqlTransactionHandle) transaction);
    }

    @Override
    public void rollback(ConnectorTransactionHandle transaction)
    {
        // also how a canceled Basin query reaches here, while its statements may still run
        queryLog.endTransaction(transaction);
        snapshots.release((PostgreSqlTransactionHandle) transaction);
    }

    @Override
    public ConnectorMetadata getMetadata(ConnectorSession session, ConnectorTransactionHandle transaction)
    {
        return new PostgreSqlMetadata(client, typeMapping);
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
    public Set<ConnectorTableFunction> getTableFunctions()
    {
        return Set.of(queryFunction);
    }

    /** {@code runtime.remote_queries}: the statements this source ran, gathered by the engine's system catalog. */
    @Override
    public Set<SystemTable> getSystemTables()
    {
        return Set.of(new RemoteQueriesSystemTable(queryLog));
    }

    @Override
    public void shutdown()
    {
        snapshots.releaseAll();
        client.close();
    }
}
