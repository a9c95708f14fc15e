package io.basin.metadata;

import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/** A column of a connector table as the planner sees it. */
public record TableColumn(String name, Type type, ColumnHandle handle)
{
    public TableColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(handle, "handle is null");
    }
}
