package io.basin.connector.jdbc;

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

/** Opens a streaming read of the requested columns of a relation or pushed-down query, for one split. */
public final class JdbcPageSourceProvider
        implements ConnectorPageSourceProvider
{
    private final RemoteQueryLog queryLog;
    private final JdbcClient client;
    private final JdbcTypeMapping typeMapping;
    private final SplitReads reads;

    public JdbcPageSourceProvider(RemoteQueryLog queryLog, JdbcClient client, JdbcTypeMapping typeMapping, SplitReads reads)
    {
        this.queryLog = requireNonNull(queryLog, "queryLog is null");
        this.client = requireNonNull(client, "client is null");
        this.typeMapping = requireNonNull(typeMapping, "typeMapping is null");
        this.reads = requireNonNull(reads, "reads is null");
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
        JdbcTableHandle handle = (JdbcTableHandle) table;
        List<JdbcColumnHandle> columnHandles = columns.stream().map(JdbcColumnHandle.class::cast).toList();
        return new JdbcPageSource(
                queryLog,
                transaction,
                client,
                reads.sql(handle.relation(), columnHandles, split),
                reads.setup(split),
                columnHandles.stream().map(JdbcColumnHandle::name).toList(),
                columnHandles.stream().map(column -> typeMapping.map(column.name(), column.remoteType())).toList());
    }
}
