package io.basin.connector.memory;

import io.airlift.slice.Slice;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorInsertTableHandle;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorOutputMetadata;
import io.trino.spi.connector.ConnectorOutputTableHandle;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableLayout;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTableVersion;
import io.trino.spi.connector.RetryMode;
import io.trino.spi.connector.SaveMode;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SchemaTablePrefix;
import io.trino.spi.security.TrinoPrincipal;
import io.trino.spi.statistics.ColumnStatistics;
import io.trino.spi.statistics.ComputedStatistics;
import io.trino.spi.statistics.Estimate;
import io.trino.spi.statistics.TableStatistics;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trino.spi.StandardErrorCode.INVALID_TABLE_PROPERTY;
import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static io.trino.spi.StandardErrorCode.TABLE_NOT_FOUND;
import static java.util.Objects.requireNonNull;

/**
 * Metadata of a memory catalog. DDL takes effect immediately, as in Trino's memory connector;
 * the data of {@code CREATE TABLE AS} and {@code INSERT} becomes visible only in
 * {@link #finishCreateTable} and {@link #finishInsert}, all at once.
 */
final class MemoryMetadata
        implements ConnectorMetadata
{
    private final MemoryTableCatalog catalog;
    private final MemoryDataStore dataStore;

    MemoryMetadata(MemoryTableCatalog catalog, MemoryDataStore dataStore)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.dataStore = requireNonNull(dataStore, "dataStore is null");
    }

    // Schemas

    @Override
    public boolean schemaExists(ConnectorSession session, String schemaName)
    {
        return catalog.schemaExists(schemaName);
    }

    @Override
    public List<String> listSchemaNames(ConnectorSession session)
    {
        return catalog.schemaNames();
    }

    @Override
    public void createSchema(ConnectorSession session, String schemaName, Map<String, Object> properties, TrinoPrincipal owner)
    {
        catalog.createSchema(schemaName);
    }

    @Override
    public void dropSchema(ConnectorSession session, String schemaName, boolean cascade)
    {
        catalog.dropSchema(schemaName, cascade).forEach(dataStore::dropTable);
    }

    @Override
    public void renameSchema(ConnectorSession session, String source, String target)
    {
        catalog.renameSchema(source, target);
    }

    // Reading metadata

    @Override
    public ConnectorTableHandle getTableHandle(
            ConnectorSession session,
            SchemaTableName tableName,
            Optional<ConnectorTableVersion> startVersion,
            Optional<ConnectorTableVersion> endVersion)
    {
        if (startVersion.isPresent() || endVersion.isPresent()) {
            throw new TrinoException(NOT_SUPPORTED, "Memory tables do not support versioned queries");
        }
        // null is the SPI's way of saying "no such table".
        return catalog.table(tableName)
                .map(table -> new MemoryTableHandle(table.id()))
                .orElse(null);
    }

    @Override
    public SchemaTableName getTableName(ConnectorSession session, ConnectorTableHandle table)
    {
        return definition(table).name();
    }

    @Override
    public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle table)
    {
        return definition(table).toTableMetadata();
    }

    @Override
    public List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName)
    {
        return catalog.tables(schemaName).stream()
                .map(MemoryTableDefinition::name)
                .toList();
    }

    @Override
    public Map<String, ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle table)
    {
        Map<String, ColumnHandle> handles = new LinkedHashMap<>();
        for (MemoryColumnHandle column : definition(table).columns()) {
            handles.put(column.name(), column);
        }
        return handles;
    }

    @Override
    public ColumnMetadata getColumnMetadata(ConnectorSession session, ConnectorTableHandle table, ColumnHandle column)
    {
        return ((MemoryColumnHandle) column).toColumnMetadata();
    }

    @Override
    public Map<SchemaTableName, List<ColumnMetadata>> listTableColumns(ConnectorSession session, SchemaTablePrefix prefix)
    {
        Map<SchemaTableName, List<ColumnMetadata>> columns = new LinkedHashMap<>();
        for (MemoryTableDefinition table : catalog.tables(prefix.getSchema())) {
            if (prefix.matches(table.name())) {
                columns.put(table.name(), table.toTableMetadata().getColumns());
            }
        }
        return columns;
    }

    @Override
    public Optional<Object> getInfo(ConnectorSession session, ConnectorTableHandle table)
    {
        long tableId = ((MemoryTableHandle) table).tableId();
        return dataStore.data(tableId)
                .map(data -> new MemoryTableInfo(data.rowCount(), data.pages().size(), data.retainedBytes()));
    }

    @Override
    public TableStatistics getTableStatistics(ConnectorSession session, ConnectorTableHandle table)
    {
        MemoryTableDefinition definition = definition(table);
        MemoryTableData data = data(definition.id());
        TableStatistics.Builder statistics = TableStatistics.builder()
                .setRowCount(Estimate.of(data.rowCount()));
        for (MemoryColumnHandle column : definition.columns()) {
            ColumnStatistics.Builder columnStatistics = ColumnStatistics.builder()
                    .setDataSize(Estimate.of(data.columnBytes(column.ordinal())))
                    .setDistinctValuesCount(Estimate.of(data.distinctValues(column.ordinal())));
            if (data.rowCount() > 0) {
                columnStatistics.setNullsFraction(Estimate.of(data.nullCount(column.ordinal()) / (double) data.rowCount()));
            }
            statistics.setColumnStatistics(column, columnStatistics.build());
        }
        return statistics.build();
    }

    // Tables

    @Override
    public synchronized void createTable(ConnectorSession session, ConnectorTableMetadata tableMetadata, SaveMode saveMode)
    {
        checkNoTableProperties(tableMetadata);
        catalog.checkSchemaExists(tableMetadata.getTable().getSchemaName());
        if (catalog.table(tableMetadata.getTable()).isPresent()) {
            switch (saveMode) {
                case IGNORE -> {
                    return;
                }
                case FAIL -> throw MemoryTableCatalog.alreadyExists(tableMetadata.getTable());
                case REPLACE -> { } // publish below replaces it
            }
        }
        MemoryTableDefinition table = MemoryTableDefinition.fromMetadata(catalog.allocateTableId(), tableMetadata);
        dataStore.createTable(table.id(), table.columns().stream().map(MemoryColumnHandle::type).toList(), List.of());
        publish(table, saveMode == SaveMode.REPLACE);
    }

    @Override
    public void dropTable(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        long tableId = ((MemoryTableHandle) tableHandle).tableId();
        catalog.drop(tableId).orElseThrow(() -> tableDropped(tableId));
        dataStore.dropTable(tableId);
    }

    @Override
    public void renameTable(ConnectorSession session, ConnectorTableHandle tableHandle, SchemaTableName newTableName)
    {
        catalog.rename(((MemoryTableHandle) tableHandle).tableId(), newTableName);
    }

    // CREATE TABLE AS

    @Override
    public ConnectorOutputTableHandle beginCreateTable(
            ConnectorSession session,
            ConnectorTableMetadata tableMetadata,
            Optional<ConnectorTableLayout> layout,
            RetryMode retryMode,
            boolean replace)
    {
        checkNoTableProperties(tableMetadata);
        // Fail early; finishCreateTable checks again, since another query may create the table meanwhile.
        catalog.checkSchemaExists(tableMetadata.getTable().getSchemaName());
        if (!replace && catalog.table(tableMetadata.getTable()).isPresent()) {
            throw MemoryTableCatalog.alreadyExists(tableMetadata.getTable());
        }
        MemoryTableDefinition table = MemoryTableDefinition.fromMetadata(catalog.allocateTableId(), tableMetadata);
        return new MemoryOutputTableHandle(table, replace);
    }

    @Override
    public synchronized Optional<ConnectorOutputMetadata> finishCreateTable(
            ConnectorSession session,
            ConnectorOutputTableHandle tableHandle,
            Collection<Slice> fragments,
            Collection<ComputedStatistics> computedStatistics)
    {
        MemoryOutputTableHandle handle = (MemoryOutputTableHandle) tableHandle;
        MemoryTableDefinition table = handle.table();
        // The data goes in under the new id first: no name refers to that id yet, so nothing
        // can see the table until publish makes it visible together with all of its rows.
        dataStore.createTable(table.id(), table.columns().stream().map(MemoryColumnHandle::type).toList(), fragments);
        publish(table, handle.replace());
        return Optional.empty();
    }

    // INSERT

    @Override
    public ConnectorInsertTableHandle beginInsert(ConnectorSession session, ConnectorTableHandle tableHandle, List<ColumnHandle> columns, RetryMode retryMode)
    {
        MemoryTableDefinition table = definition(tableHandle);
        if (!columns.equals(table.columns())) {
            throw new TrinoException(NOT_SUPPORTED, "Inserts into memory table %s must write all columns in table order".formatted(table.name()));
        }
        return new MemoryInsertTableHandle(table.id(), table.columns());
    }

    @Override
    public Optional<ConnectorOutputMetadata> finishInsert(
            ConnectorSession session,
            ConnectorInsertTableHandle insertHandle,
            List<ConnectorTableHandle> sourceTableHandles,
            Collection<Slice> fragments,
            Collection<ComputedStatistics> computedStatistics)
    {
        long tableId = ((MemoryInsertTableHandle) insertHandle).tableId();
        if (!dataStore.commit(tableId, fragments)) {
            throw tableDropped(tableId);
        }
        return Optional.empty();
    }

    static TrinoException tableDropped(long tableId)
    {
        return new TrinoException(TABLE_NOT_FOUND, "Memory table %s no longer exists: it was dropped".formatted(tableId));
    }

    private void publish(MemoryTableDefinition table, boolean replace)
    {
        try {
            catalog.publish(table, replace)
                    .ifPresent(replaced -> dataStore.dropTable(replaced.id()));
        }
        catch (RuntimeException e) {
            dataStore.dropTable(table.id());
            throw e;
        }
    }

    private MemoryTableDefinition definition(ConnectorTableHandle table)
    {
        long tableId = ((MemoryTableHandle) table).tableId();
        return catalog.table(tableId).orElseThrow(() -> tableDropped(tableId));
    }

    private MemoryTableData data(long tableId)
    {
        return dataStore.data(tableId).orElseThrow(() -> tableDropped(tableId));
    }

    private static void checkNoTableProperties(ConnectorTableMetadata tableMetadata)
    {
        if (!tableMetadata.getProperties().isEmpty()) {
            throw new TrinoException(INVALID_TABLE_PROPERTY, "Memory tables have no table properties: " + tableMetadata.getProperties().keySet());
        }
    }
}
