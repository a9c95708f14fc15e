package io.basin.connector.tpch;

import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ColumnPosition;
import io.trino.spi.connector.ConnectorInsertTableHandle;
import io.trino.spi.connector.ConnectorMergeTableHandle;
import io.trino.spi.connector.ConnectorMetadata;
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
import io.trino.spi.statistics.Estimate;
import io.trino.spi.statistics.TableStatistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static java.util.Objects.requireNonNull;

/**
 * Metadata of the TPC-H catalog: fixed tables in one schema per scale factor. The catalog is
 * read-only; every write fails with {@code NOT_SUPPORTED}.
 */
final class TpchMetadata
        implements ConnectorMetadata
{
    private final String catalogName;

    TpchMetadata(String catalogName)
    {
        this.catalogName = requireNonNull(catalogName, "catalogName is null");
    }

    @Override
    public boolean schemaExists(ConnectorSession session, String schemaName)
    {
        return TpchSchema.parse(schemaName).isPresent();
    }

    @Override
    public List<String> listSchemaNames(ConnectorSession session)
    {
        return TpchSchema.LISTED_SCHEMAS;
    }

    @Override
    public ConnectorTableHandle getTableHandle(
            ConnectorSession session,
            SchemaTableName tableName,
            Optional<ConnectorTableVersion> startVersion,
            Optional<ConnectorTableVersion> endVersion)
    {
        if (startVersion.isPresent() || endVersion.isPresent()) {
            throw new TrinoException(NOT_SUPPORTED, "TPC-H tables do not support versioned queries");
        }
        Optional<TpchSchema> schema = TpchSchema.parse(tableName.getSchemaName());
        if (schema.isEmpty() || TpchTableDefinition.forName(tableName.getTableName()).isEmpty()) {
            // The SPI's way of saying "no such table".
            return null;
        }
        return new TpchTableHandle(schema.get().name(), tableName.getTableName(), schema.get().scaleFactor());
    }

    @Override
    public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle table)
    {
        TpchTableHandle handle = (TpchTableHandle) table;
        return new ConnectorTableMetadata(handle.schemaTableName(), columnMetadata(handle.definition()));
    }

    @Override
    public List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName)
    {
        List<String> schemas = schemaName
                .map(name -> TpchSchema.parse(name).isPresent() ? List.of(name) : List.<String>of())
                .orElse(TpchSchema.LISTED_SCHEMAS);
        List<SchemaTableName> tables = new ArrayList<>();
        for (String schema : schemas) {
            for (TpchTableDefinition<?> table : TpchTableDefinition.tables()) {
                tables.add(new SchemaTableName(schema, table.name()));
            }
        }
        return tables;
    }

    @Override
    public Map<String, ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle table)
    {
        TpchTableDefinition<?> definition = ((TpchTableHandle) table).definition();
        Map<String, ColumnHandle> handles = new LinkedHashMap<>();
        for (int ordinal = 0; ordinal < definition.columns().size(); ordinal++) {
            TpchColumnDefinition<?> column = definition.columns().get(ordinal);
            handles.put(column.name(), new TpchColumnHandle(column.name(), column.type(), ordinal));
        }
        return handles;
    }

    @Override
    public ColumnMetadata getColumnMetadata(ConnectorSession session, ConnectorTableHandle table, ColumnHandle column)
    {
        TpchColumnHandle handle = (TpchColumnHandle) column;
        return columnMetadata(((TpchTableHandle) table).definition()).get(handle.ordinal());
    }

    @Override
    public Map<SchemaTableName, List<ColumnMetadata>> listTableColumns(ConnectorSession session, SchemaTablePrefix prefix)
    {
        Map<SchemaTableName, List<ColumnMetadata>> columns = new LinkedHashMap<>();
        for (SchemaTableName table : listTables(session, prefix.getSchema())) {
            if (prefix.matches(table)) {
                TpchTableDefinition.forName(table.getTableName())
                        .ifPresent(definition -> columns.put(table, columnMetadata(definition)));
            }
        }
        return columns;
    }

    @Override
    public TableStatistics getTableStatistics(ConnectorSession session, ConnectorTableHandle table)
    {
        TpchTableHandle handle = (TpchTableHandle) table;
        return TableStatistics.builder()
                .setRowCount(Estimate.of(handle.definition().rowCount(handle.scaleFactor())))
                .build();
    }

    private static List<ColumnMetadata> columnMetadata(TpchTableDefinition<?> definition)
    {
        return definition.columns().stream()
                .map(column -> ColumnMetadata.builder()
                        .setName(column.name())
                        .setType(column.type())
                        .setNullable(false)
                        .build())
                .toList();
    }

    // Writes: the generator's data is fixed.

    @Override
    public void createSchema(ConnectorSession session, String schemaName, Map<String, Object> properties, TrinoPrincipal owner)
    {
        throw readOnly();
    }

    @Override
    public void dropSchema(ConnectorSession session, String schemaName, boolean cascade)
    {
        throw readOnly();
    }

    @Override
    public void renameSchema(ConnectorSession session, String source, String target)
    {
        throw readOnly();
    }

    @Override
    public void createTable(ConnectorSession session, ConnectorTableMetadata tableMetadata, SaveMode saveMode)
    {
        throw readOnly();
    }

    @Override
    public ConnectorOutputTableHandle beginCreateTable(
            ConnectorSession session,
            ConnectorTableMetadata tableMetadata,
            Optional<ConnectorTableLayout> layout,
            RetryMode retryMode,
            boolean replace)
    {
        throw readOnly();
    }

    @Override
    public ConnectorInsertTableHandle beginInsert(ConnectorSession session, ConnectorTableHandle tableHandle, List<ColumnHandle> columns, RetryMode retryMode)
    {
        throw readOnly();
    }

    @Override
    public ConnectorMergeTableHandle beginMerge(ConnectorSession session, ConnectorTableHandle tableHandle, Map<Integer, Collection<ColumnHandle>> updateCaseColumns, RetryMode retryMode)
    {
        throw readOnly();
    }

    @Override
    public void dropTable(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        throw readOnly();
    }

    @Override
    public void renameTable(ConnectorSession session, ConnectorTableHandle tableHandle, SchemaTableName newTableName)
    {
        throw readOnly();
    }

    @Override
    public void truncateTable(ConnectorSession session, ConnectorTableHandle tableHandle)
    {
        throw readOnly();
    }

    @Override
    public void addColumn(ConnectorSession session, ConnectorTableHandle tableHandle, ColumnMetadata column, ColumnPosition position)
    {
        throw readOnly();
    }

    @Override
    public void dropColumn(ConnectorSession session, ConnectorTableHandle tableHandle, ColumnHandle column)
    {
        throw readOnly();
    }

    @Override
    public void renameColumn(ConnectorSession session, ConnectorTableHandle tableHandle, ColumnHandle source, String target)
    {
        throw readOnly();
    }

    private TrinoException readOnly()
    {
        return new TrinoException(NOT_SUPPORTED, "Cannot write to %s catalog: it is read-only".formatted(catalogName));
    }
}
