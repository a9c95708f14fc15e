package io.basin.metadata;

import io.trino.spi.connector.ConnectorTableHandle;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * A table found in a connector, with the handle the scan will use and the statistics the planner
 * orders joins by (row count; distinct values per column name, where the connector knows them).
 * A statement pushed down to a source is read like a table too; {@code remoteSql} is then the
 * statement the source runs, {@code rowCount} the rows it is estimated to return and
 * {@code inputRowCount} those of the largest source table it reads, so the planner knows how
 * much the statement's filters keep.
 */
public record ResolvedTable(QualifiedTableName name, ConnectorTableHandle handle, List<TableColumn> columns, OptionalDouble rowCount, Map<String, Double> distinctValues, Optional<String> remoteSql,
        OptionalDouble inputRowCount)
{
    public ResolvedTable(QualifiedTableName name, ConnectorTableHandle handle, List<TableColumn> columns, OptionalDouble rowCount, Map<String, Double> distinctValues, Optional<String> remoteSql)
    {
        this(name, handle, columns, rowCount, distinctValues, remoteSql, OptionalDouble.empty());
    }

    public ResolvedTable(QualifiedTableName name, ConnectorTableHandle handle, List<TableColumn> columns, OptionalDouble rowCount)
    {
        this(name, handle, columns, rowCount, Map.of());
    }

    public ResolvedTable(QualifiedTableName name, ConnectorTableHandle handle, List<TableColumn> columns, OptionalDouble rowCount, Map<String, Double> distinctValues)
    {
        this(name, handle, columns, rowCount, distinctValues, Optional.empty());
    }

    public ResolvedTable
    {
        distinctValues = Map.copyOf(requireNonNull(distinctValues, "distinctValues is null"));
        requireNonNull(name, "name is null");
        requireNonNull(handle, "handle is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(rowCount, "rowCount is null");
        requireNonNull(remoteSql, "remoteSql is null");
        requireNonNull(inputRowCount, "inputRowCount is null");
    }
}
