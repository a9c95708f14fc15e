package io.basin.metadata;

import io.trino.spi.connector.ConnectorTableHandle;

import java.util.List;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/** A table found in a connector, with the handle the scan will use. */
public record ResolvedTable(QualifiedTableName name, ConnectorTableHandle handle, List<TableColumn> columns, OptionalDouble rowCount)
{
    public ResolvedTable
    {
        requireNonNull(name, "name is null");
        requireNonNull(handle, "handle is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(rowCount, "rowCount is null");
    }
}
