package io.basin.connector.postgresql;

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

import static io.basin.connector.postgresql.PostgreSqlErrorCode.POSTGRESQL_QUERY_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * The PostgreSQL database's schemas and relations (tables, views, materialized views, foreign
 * and partitioned tables), each with its columns mapped to Basin types. One instance per Basin
 * transaction: what it learned about a relation is kept until the transaction ends, so a
 * statement sees one consistent description.
 */
final class PostgreSqlMetadata
        implements ConnectorMetadata
{
    private final PostgreSqlClient client;
    private final PostgreSqlTypeMapping typeMapping;
    private final Map<PostgreSqlRelation.Named, List<PostgreSqlColumnHandle>> columns = new ConcurrentHashMap<>();

    PostgreSqlMetadata(PostgreSqlClient client, PostgreSqlTypeMapping typeMapping)
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
                .map(relation -> new PostgreSqlTableHandle(tableName, relation))
                .orElse(null);
    }

    @Override
    public SchemaTableName getTableName(ConnectorSession session, ConnectorTableHandle table)
    {
        return ((PostgreSqlTableHandle) table).name();
    }

    @Override
    public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle table)
    {
        PostgreSqlTableHandle handle = (PostgreSqlTableHandle) table;
        List<ColumnMetadata> metadata = columns(handle).stream().map(PostgreSqlColumnHandle::toColumnMetadata).toList();
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
        for (PostgreSqlColumnHandle column : columns((PostgreSqlTableHandle) table)) {
            // keyed as the column's metadata names it: in lower case
            String name = column.toColumnMetadata().getName();
            if (handles.put(name, column) != null) {
                throw new TrinoException(POSTGRESQL_QUERY_ERROR, "Column %s of %s is ambiguous: PostgreSQL has columns whose names differ only in case".formatted(name, ((PostgreSqlTableHandle) table).name()));
            }
        }
        return handles;
    }

    @Override
    public ColumnMetadata getColumnMetadata(ConnectorSession session, ConnectorTableHandle table, ColumnHandle column)
    {
        return ((PostgreSqlColumnHandle) column).toColumnMetadata();
    }

    @Override
    public TableStatistics getTableStatistics(ConnectorSession session, ConnectorTableHandle table)
    {
        PostgreSqlTableHandle handle = (PostgreSqlTableHandle) table;
        if (!(handle.relation() instanceof PostgreSqlRelation.Named named)) {
            return TableStatistics.empty();
        }
        RemoteStatistics statistics = client.getStatistics(named.schema(), named.table());
        TableStatistics.Builder builder = TableStatistics.builder();
        statistics.rowCount().ifPresent(rows -> builder.setRowCount(Estimate.of(rows)));
        for (PostgreSqlColumnHandle column : columns(handle)) {
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
        if (!(handle instanceof PostgreSqlQueryFunctionHandle query)) {
            return Optional.empty();
        }
        PostgreSqlTableHandle table = query.table();
        List<ColumnHandle> columnHandles = List.copyOf(columns(table));
        return Optional.of(new TableFunctionApplicationResult<>(table, columnHandles));
    }

    /**
     * The relation's columns; a column of a type Basin cannot represent makes the relation
     * unreadable, with an error naming the column and its type, rather than being left out.
     */
    private List<PostgreSqlColumnHandle> columns(PostgreSqlTableHandle handle)
    {
        return switch (handle.relation()) {
            case PostgreSqlRelation.Query query -> query.columns();
            case PostgreSqlRelation.Named named -> columns.computeIfAbsent(named, _ -> client.getColumns(named.schema(), named.table()).stream()
                    .map(column -> new PostgreSqlColumnHandle(
                            column.name(),
                            typeMapping.map(column.name(), column.type()).type(),
                            column.type(),
                            column.nullable(),
                            column.comment()))
                    .toList());
        };
    }
}
