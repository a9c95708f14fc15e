package io.basin.connector.postgresql;

import io.basin.pushdown.monitor.RemoteQueryLog;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.DynamicFilter;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Opens a cursor read of the requested columns of a relation or pushed-down query. */
final class PostgreSqlPageSourceProvider
        implements ConnectorPageSourceProvider
{
    private final RemoteQueryLog queryLog;
    private final PostgreSqlClient client;
    private final PostgreSqlTypeMapping typeMapping;

    PostgreSqlPageSourceProvider(RemoteQueryLog queryLog, PostgreSqlClient client, PostgreSqlTypeMapping typeMapping)
    {
        this.queryLog = requireNonNull(queryLog, "queryLog is null");
        this.client = requireNonNull(client, "client is null");
        this.typeMapping = requireNonNull(typeMapping, "typeMapping is null");
    }

    @Override
    public ConnectorPageSource createPageSource(
            ConnectorTransactionHandle transaction,
            ConnectorSession session,
            ConnectorSplit split,
            ConnectorTableHandle table,
            List<ColumnHandle> columns,
            DynamicFilter dynamicFilter)
    {
        PostgreSqlTableHandle handle = (PostgreSqlTableHandle) table;
        List<PostgreSqlColumnHandle> columnHandles = columns.stream().map(PostgreSqlColumnHandle.class::cast).toList();
        PostgreSqlSplit postgreSqlSplit = (PostgreSqlSplit) split;
        String sql = PostgreSqlQueryBuilder.selectColumns(handle.relation(), columnHandles, postgreSqlSplit);
        return new PostgreSqlPageSource(
                queryLog,
                transaction,
                client,
                sql,
                postgreSqlSplit.snapshot(),
                columnHandles.stream().map(PostgreSqlColumnHandle::name).toList(),
                columnHandles.stream().map(column -> typeMapping.map(column.name(), column.remoteType())).toList());
    }
}
