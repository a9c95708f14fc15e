package io.basin.connector.system;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTableVersion;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.FixedPageSource;
import io.trino.spi.connector.FixedSplitSource;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.statistics.Estimate;
import io.trino.spi.statistics.TableStatistics;
import io.trino.spi.transaction.IsolationLevel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The {@code system} catalog: engine state (such as the compiled-expression cache) exposed as
 * read-only tables, like Redshift's STV/SVL views. It is part of the engine, not a plugin, because
 * it reads engine internals.
 */
public final class SystemConnector
        implements Connector
{
    private final Map<SchemaTableName, SystemTable> tables = new LinkedHashMap<>();

    public SystemConnector(List<SystemTable> tables)
    {
        for (SystemTable table : requireNonNull(tables, "tables is null")) {
            this.tables.put(new SchemaTableName(table.schemaName(), table.tableName()), table);
        }
    }

    @Override
    public ConnectorTransactionHandle beginTransaction(IsolationLevel isolationLevel, boolean readOnly, boolean autoCommit)
    {
        return SystemHandles.Transaction.INSTANCE;
    }

    @Override
    public ConnectorMetadata getMetadata(ConnectorSession session, ConnectorTransactionHandle transaction)
    {
        return new Metadata();
    }

    @Override
    public ConnectorSplitManager getSplitManager()
    {
        return new ConnectorSplitManager()
        {
            @Override
            public ConnectorSplitSource getSplits(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorTableHandle table, DynamicFilter dynamicFilter, Constraint constraint)
            {
                return new FixedSplitSource(new SystemHandles.Split((SystemHandles.Table) table));
            }
        };
    }

    @Override
    public ConnectorPageSourceProvider getPageSourceProvider()
    {
        return new ConnectorPageSourceProvider()
        {
            @Override
            public ConnectorPageSource createPageSource(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorSplit split, ConnectorTableHandle table, List<ColumnHandle> columns, DynamicFilter dynamicFilter)
            {
                SystemHandles.Table handle = ((SystemHandles.Split) split).table();
                Page rows = tables.get(new SchemaTableName(handle.schemaName(), handle.tableName())).rows(session);
                Block[] blocks = new Block[columns.size()];
                for (int i = 0; i < blocks.length; i++) {
                    blocks[i] = rows.getBlock(((SystemHandles.Column) columns.get(i)).index());
                }
                return new FixedPageSource(List.of(new Page(rows.getPositionCount(), blocks)));
            }
        };
    }

    private final class Metadata
            implements ConnectorMetadata
    {
        @Override
        public List<String> listSchemaNames(ConnectorSession session)
        {
            return tables.keySet().stream().map(SchemaTableName::getSchemaName).distinct().toList();
        }

        @Override
        public boolean schemaExists(ConnectorSession session, String schemaName)
        {
            return listSchemaNames(session).contains(schemaName);
        }

        @Override
        public List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName)
        {
            return tables.keySet().stream().filter(name -> schemaName.map(name.getSchemaName()::equals).orElse(true)).toList();
        }

        @Override
        public ConnectorTableHandle getTableHandle(ConnectorSession session, SchemaTableName tableName, Optional<ConnectorTableVersion> startVersion, Optional<ConnectorTableVersion> endVersion)
        {
            return tables.containsKey(tableName) ? new SystemHandles.Table(tableName.getSchemaName(), tableName.getTableName()) : null;
        }

        private SystemTable table(ConnectorTableHandle handle)
        {
            SystemHandles.Table table = (SystemHandles.Table) handle;
            return tables.get(new SchemaTableName(table.schemaName(), table.tableName()));
        }

        @Override
        public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle table)
        {
            SystemTable systemTable = table(table);
            return new ConnectorTableMetadata(new SchemaTableName(systemTable.schemaName(), systemTable.tableName()), systemTable.columns());
        }

        @Override
        public Map<String, ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle table)
        {
            Map<String, ColumnHandle> handles = new LinkedHashMap<>();
            List<ColumnMetadata> columns = table(table).columns();
            for (int i = 0; i < columns.size(); i++) {
                handles.put(columns.get(i).getName(), new SystemHandles.Column(columns.get(i).getName(), columns.get(i).getType(), i));
            }
            return handles;
        }

        @Override
        public ColumnMetadata getColumnMetadata(ConnectorSession session, ConnectorTableHandle table, ColumnHandle column)
        {
            SystemHandles.Column handle = (SystemHandles.Column) column;
            return table(table).columns().get(handle.index());
        }

        @Override
        public TableStatistics getTableStatistics(ConnectorSession session, ConnectorTableHandle table)
        {
            return TableStatistics.builder().setRowCount(Estimate.of(10)).build();
        }
    }
}
