package io.basin.connector.jdbc;

import io.trino.spi.function.table.ConnectorTableFunctionHandle;

import static java.util.Objects.requireNonNull;

/** An analyzed {@code system.query} call: the relation it reads. */
public record JdbcQueryFunctionHandle(JdbcTableHandle table)
        implements ConnectorTableFunctionHandle
{
    public JdbcQueryFunctionHandle
    {
        requireNonNull(table, "table is null");
    }
}
