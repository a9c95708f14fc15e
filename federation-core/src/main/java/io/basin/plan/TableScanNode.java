package io.basin.plan;

import io.basin.metadata.QualifiedTableName;
import io.basin.metadata.TableColumn;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

public record TableScanNode(QualifiedTableName table, ConnectorTableHandle handle, List<TableColumn> columns, OptionalDouble rowCount)
        implements PlanNode
{
    public TableScanNode
    {
        requireNonNull(table, "table is null");
        requireNonNull(handle, "handle is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(rowCount, "rowCount is null");
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
