package io.basin.plan;

import io.basin.metadata.QualifiedTableName;
import io.basin.metadata.TableColumn;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * Reads a connector table; with {@code remoteSql}, the result of a statement Basin pushed down to
 * the table's source, which EXPLAIN shows. {@code pushdown} describes what the connector took
 * over at planning (a filter, an aggregation), in its own words, for EXPLAIN.
 */
public record TableScanNode(QualifiedTableName table, ConnectorTableHandle handle, List<TableColumn> columns, OptionalDouble rowCount, Optional<String> remoteSql, OptionalDouble inputRowCount, Optional<String> pushdown)
        implements PlanNode
{
    public TableScanNode(QualifiedTableName table, ConnectorTableHandle handle, List<TableColumn> columns, OptionalDouble rowCount, Optional<String> remoteSql)
    {
        this(table, handle, columns, rowCount, remoteSql, OptionalDouble.empty(), Optional.empty());
    }

    public TableScanNode(QualifiedTableName table, ConnectorTableHandle handle, List<TableColumn> columns, OptionalDouble rowCount, Optional<String> remoteSql, OptionalDouble inputRowCount)
    {
        this(table, handle, columns, rowCount, remoteSql, inputRowCount, Optional.empty());
    }

    public TableScanNode(QualifiedTableName table, ConnectorTableHandle handle, List<TableColumn> columns, OptionalDouble rowCount, Optional<String> remoteSql, Optional<String> pushdown)
    {
        this(table, handle, columns, rowCount, remoteSql, OptionalDouble.empty(), pushdown);
    }

    public TableScanNode(QualifiedTableName table, ConnectorTableHandle handle, List<TableColumn> columns, OptionalDouble rowCount)
    {
        this(table, handle, columns, rowCount, Optional.empty());
    }

    public TableScanNode
    {
        requireNonNull(pushdown, "pushdown is null");
        requireNonNull(remoteSql, "remoteSql is null");
        requireNonNull(table, "table is null");
        requireNonNull(handle, "handle is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(rowCount, "rowCount is null");
        requireNonNull(inputRowCount, "inputRowCount is null");
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of();
    }

    @Override
    public List<Type> outputTypes()
    {
        return columns.stream().map(TableColumn::type).toList();
    }
}
