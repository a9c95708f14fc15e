package io.basin.connector.mysql;

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
 * A live MySQL database, read in place: its schemas and relations with their columns mapped
 * to Basin types, read as streams over a HikariCP pool. Read-only.
 */
public final class MySqlConnector
        implements Connector
{
    private final RemoteQueryLog queryLog = new RemoteQueryLog();
    private final MySqlClient client;
    private final MySqlTypeMapping typeMapping;
    private final MySqlSplitManager splitManager;
    private final MySqlPageSourceProvider pageSourceProvider;
    private final MySqlQueryFunction queryFunction;

    public MySqlConnector(String catalogName, MySqlConfig config)
    {
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(config, "config is null");
        this.client = new MySqlClient(catalogName, config);
        this.splitManager = new MySqlSplitManager(client);
        this.typeMapping = new MySqlTypeMapping();
        this.pageSourceProvider = new MySqlPageSourceProvider(queryLog, client, typeMapping);
        this.queryFunction = new MySqlQueryFunction(client, typeMapping);
    }

    @Override
    public ConnectorTransactionHandle beginTransaction(IsolationLevel isolationLevel, boolean readOnly, boolean autoCommit)
    {
        MySqlTransactionHandle transaction = new MySqlTransactionHandle(UUID.randomUUID());
        queryLog.beginTransaction(transaction);
        return transaction;
    }

    @Override
    public void commit(ConnectorTransactionHandle transaction)
    {
        queryLog.endTransaction(transaction);
    }

    @Override
    public void rollback(ConnectorTransactionHandle transaction)
    {
        // also how a canceled Basin query reaches here, while its statements may still run
        queryLog.endTransaction(transaction);
    }

    @Override
    public ConnectorMetadata getMetadata(ConnectorSession session, ConnectorTransactionHandle transaction)
    {
        return new MySqlMetadata(client, typeMapping);
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
        client.close();
    }
}
