package io.basin.connector.jdbc;

import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTableVersion;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.TableFunctionApplicationResult;
import io.trino.spi.function.table.ConnectorTableFunctionHandle;
import io.trino.spi.statistics.ColumnStatistics;
import io.trino.spi.statistics.Estimate;
import io.trino.spi.statistics.TableStatistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * A remote database's schemas and relations, as its {@link JdbcClient} lists them, each with its
 * columns mapped to Basin types. One instance per Basin transaction: what it learned about a
 * relation is kept until the transaction ends, so a statement sees one consistent description.
 */
public final class JdbcMetadata
        implements ConnectorMetadata
{
    private final JdbcClient client;
    private final JdbcTypeMapping typeMapping;
    private final Map<JdbcRelation.Named, List<JdbcColumnHandle>> columns = new ConcurrentHashMap<>();

    public JdbcMetadata(JdbcClient client, JdbcTypeMapping typeMapping)
    {
        this.client = requireNonNull(client, "client is null");
        this.typeMapping = requireNonNull(typeMapping, "typeMapping is null");
    }

    @Override
    public List<String> listSchemaNames(ConnectorSession session)
    {
        // in lower case, as the SPI names schemas
        return client.listSchemas().stream().map(name -> name.toLowerCase(Locale.ENGLISH)).distinct().toList();
    }

    @Override
    public boolean schemaExists(ConnectorSession session, String schemaName)
    {
        return listSchemaNames(session).contains(schemaName);
    }

    @Override
    public ConnectorTableHandle getTableHandle(ConnectorSession session, SchemaTableName tableName, Optional<ConnectorTableVersion> startVersion, Optional<ConnectorTableVersion> endVersion)
    {
        if (startVersion.isPresent() || endVersion.isPresent()) {
            return null;
        }
        return client.findRelation(tableName.getSchemaName(), tableName.getTableName())
                .map(relation -> new JdbcTableHandle(client.connectorName(), tableName, relation))
                .orElse(null);
    }

    @Override
    public SchemaTableName getTableName(ConnectorSession session, ConnectorTableHandle table)
    {
        return ((JdbcTableHandle) table).name();
    }

    @Override
    public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle table)
    {
        JdbcTableHandle handle = (JdbcTableHandle) table;
        List<ColumnMetadata> metadata = columns(handle).stream().map(JdbcColumnHandle::toColumnMetadata).toList();
        return new ConnectorTableMetadata(handle.name(), metadata);
    }

    @Override
    public List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName)
    {
        return client.listTables(schemaName);
    }

    @Override
    public Map<String, ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle table)
    {
        Map<String, ColumnHandle> handles = new LinkedHashMap<>();
        for (JdbcColumnHandle column : columns((JdbcTableHandle) table)) {
            // keyed as the column's metadata names it: in lower case
            String name = column.toColumnMetadata().getName();
            if (handles.put(name, column) != null) {
                throw new TrinoException(client.queryError(), "Column %s of %s is ambiguous: %s has columns whose names differ only in case".formatted(name, ((JdbcTableHandle) table).name(), client.productName()));
            }
        }
        return handles;
    }

    @Override
    public ColumnMetadata getColumnMetadata(ConnectorSession session, ConnectorTableHandle table, ColumnHandle column)
    {
        return ((JdbcColumnHandle) column).toColumnMetadata();
    }

    @Override
    public TableStatistics getTableStatistics(ConnectorSession session, ConnectorTableHandle table)
    {
        JdbcTableHandle handle = (JdbcTableHandle) table;
        if (!(handle.relation() instanceof JdbcRelation.Named named)) {
            return TableStatistics.empty();
        }
        RemoteStatistics statistics = client.getStatistics(named.schema(), named.table());
        TableStatistics.Builder builder = TableStatistics.builder();
        statistics.rowCount().ifPresent(rows -> builder.setRowCount(Estimate.of(rows)));
        for (JdbcColumnHandle column : columns(handle)) {
            Double distinct = statistics.distinctValues().get(column.name());
            Double nullFraction = statistics.nullFractions().get(column.name());
            if (distinct != null || nullFraction != null) {
                ColumnStatistics.Builder columnStatistics = ColumnStatistics.builder();
                if (distinct != null) {
                    columnStatistics.setDistinctValuesCount(Estimate.of(distinct));
                }
                if (nullFraction != null) {
                    columnStatistics.setNullsFraction(Estimate.of(nullFraction));
                }
                builder.setColumnStatistics(column, columnStatistics.build());
            }
        }
        return builder.build();
    }

    @Override
    public Optional<TableFunctionApplicationResult<ConnectorTableHandle>> applyTableFunction(ConnectorSession session, ConnectorTableFunctionHandle handle)
    {
        if (!(handle instanceof JdbcQueryFunctionHandle query)) {
            return Optional.empty();
        }
        JdbcTableHandle table = query.table();
        List<ColumnHandle> columnHandles = List.copyOf(columns(table));
        return Optional.of(new TableFunctionApplicationResult<>(table, columnHandles));
    }

    /**
     * The relation's columns; a column of a type Basin cannot represent makes the relation
     * unreadable, with an error naming the column and its type, rather than being left out.
     */
    private List<JdbcColumnHandle> columns(JdbcTableHandle handle)
    {
        return switch (handle.relation()) {
            case JdbcRelation.Query query -> query.columns();
            case JdbcRelation.Named named -> columns.computeIfAbsent(named, _ -> client.getColumns(named.schema(), named.table()).stream()
                    .map(column -> new JdbcColumnHandle(
                            column.name(),
                            typeMapping.map(column.name(), column.type()).type(),
                            column.type(),
                            column.nullable(),
                            column.comment()))
                    .toList());
        };
    }
}
