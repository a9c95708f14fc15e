package io.basin.connector.mysql;

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
    private final MySqlClient client;
    private final MySqlTypeMapping typeMapping;
    private final MySqlSplitManager splitManager = new MySqlSplitManager();
    private final MySqlPageSourceProvider pageSourceProvider;
    private final MySqlQueryFunction queryFunction;

    public MySqlConnector(String catalogName, MySqlConfig config)
    {
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(config, "config is null");
        this.client = new MySqlClient(catalogName, config);
        this.typeMapping = new MySqlTypeMapping();
        this.pageSourceProvider = new MySqlPageSourceProvider(client, typeMapping);
        this.queryFunction = new MySqlQueryFunction(client, typeMapping);
    }

    @Override
    public ConnectorTransactionHandle beginTransaction(IsolationLevel isolationLevel, boolean readOnly, boolean autoCommit)
    {
        return new MySqlTransactionHandle(UUID.randomUUID());
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

    @Override
    public void shutdown()
    {
        client.close();
    }
}
