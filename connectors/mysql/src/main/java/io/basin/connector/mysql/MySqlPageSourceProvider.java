package io.basin.connector.mysql;

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

/** Opens a streaming read of the requested columns of a relation or pushed-down query. */
final class MySqlPageSourceProvider
        implements ConnectorPageSourceProvider
{
    private final RemoteQueryLog queryLog;
    private final MySqlClient client;
    private final MySqlTypeMapping typeMapping;

    MySqlPageSourceProvider(RemoteQueryLog queryLog, MySqlClient client, MySqlTypeMapping typeMapping)
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
        MySqlTableHandle handle = (MySqlTableHandle) table;
        List<MySqlColumnHandle> columnHandles = columns.stream().map(MySqlColumnHandle.class::cast).toList();
        String sql = MySqlQueryBuilder.selectColumns(handle.relation(), columnHandles, (MySqlSplit) split);
        return new MySqlPageSource(
                queryLog,
                transaction,
                client,
                sql,
                columnHandles.stream().map(MySqlColumnHandle::name).toList(),
                columnHandles.stream().map(column -> typeMapping.map(column.name(), column.remoteType())).toList());
    }
}
