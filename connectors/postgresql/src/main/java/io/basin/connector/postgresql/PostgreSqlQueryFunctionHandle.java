package io.basin.connector.postgresql;

import io.trino.spi.function.table.ConnectorTableFunctionHandle;

import static java.util.Objects.requireNonNull;

/** An analyzed {@code system.query} call: the relation it reads. */
public record PostgreSqlQueryFunctionHandle(PostgreSqlTableHandle table)
        implements ConnectorTableFunctionHandle
{
    public PostgreSqlQueryFunctionHandle
    {
        requireNonNull(table, "table is null");
    }
}
