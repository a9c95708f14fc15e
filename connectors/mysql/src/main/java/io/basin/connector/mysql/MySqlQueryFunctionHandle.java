package io.basin.connector.mysql;

import io.trino.spi.function.table.ConnectorTableFunctionHandle;

import static java.util.Objects.requireNonNull;

/** An analyzed {@code system.query} call: the relation it reads. */
public record MySqlQueryFunctionHandle(MySqlTableHandle table)
        implements ConnectorTableFunctionHandle
{
    public MySqlQueryFunctionHandle
    {
        requireNonNull(table, "table is null");
    }
}
