package io.basin.plan;

import io.basin.metadata.ColumnEstimate;
import io.basin.metadata.QualifiedTableName;
import io.basin.metadata.TableColumn;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * Reads a connector table; with {@code remoteSql}, the result of a statement Basin pushed down to
 * the table's source, which EXPLAIN shows. {@code pushdown} describes what the connector took
 * over at planning (a filter, an aggregation), in its own words, for EXPLAIN. {@code rowCount},
 * {@code distinctValues} and {@code columnEstimates} (by column name) are the connector's
 * statistics, for estimates; {@code inputRowCount}, for a pushed statement, the rows of the
 * largest table it reads.
 */
public record TableScanNode(QualifiedTableName table, ConnectorTableHandle handle, List<TableColumn> columns, OptionalDouble rowCount, Optional<String> remoteSql,
        OptionalDouble inputRowCount, Optional<String> pushdown, Map<String, Double> distinctValues, Map<String, ColumnEstimate> columnEstimates)
        implements PlanNode
{
    public TableScanNode(QualifiedTableName table, ConnectorTableHandle handle, List<TableColumn> columns, OptionalDouble rowCount)
    {
        this(table, handle, columns, rowCount, Optional.empty());
    }

    public TableScanNode(QualifiedTableName table, ConnectorTableHandle handle, List<TableColumn> columns, OptionalDouble rowCount, Optional<String> remoteSql)
    {
        this(table, handle, columns, rowCount, remoteSql, OptionalDouble.empty(), Optional.empty(), Map.of(), Map.of());
    }

    public TableScanNode(QualifiedTableName table, ConnectorTableHandle handle, List<TableColumn> columns, OptionalDouble rowCount, Optional<String> remoteSql, Map<String, Double> distinctValues, Map<String, ColumnEstimate> columnEstimates)
    {
        this(table, handle, columns, rowCount, remoteSql, OptionalDouble.empty(), Optional.empty(), distinctValues, columnEstimates);
    }

    public TableScanNode
    {
        requireNonNull(table, "table is null");
        requireNonNull(handle, "handle is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(rowCount, "rowCount is null");
        requireNonNull(remoteSql, "remoteSql is null");
        requireNonNull(inputRowCount, "inputRowCount is null");
        requireNonNull(pushdown, "pushdown is null");
        distinctValues = Map.copyOf(requireNonNull(distinctValues, "distinctValues is null"));
        columnEstimates = Map.copyOf(requireNonNull(columnEstimates, "columnEstimates is null"));
    }

    /** This scan returning fewer rows than its table holds ({@code inputRowCount}): the connector took over a filter. */
    public TableScanNode withInputRowCount(OptionalDouble newInputRowCount)
    {
        return new TableScanNode(table, handle, columns, rowCount, remoteSql, newInputRowCount, pushdown, distinctValues, columnEstimates);
    }

    /** This scan with what the connector took over at planning, for EXPLAIN. */
    public TableScanNode withPushdown(ConnectorTableHandle newHandle, List<TableColumn> newColumns, OptionalDouble newRowCount, String description)
    {
        return new TableScanNode(table, newHandle, newColumns, newRowCount, remoteSql, inputRowCount, Optional.of(description), distinctValues, columnEstimates);
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
