package io.basin.connector.jdbc;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** What a table handle reads: a relation by name, or a query Basin generated. */
public sealed interface JdbcRelation
{
    /** A table or view, by its exact remote name. */
    record Named(String schema, String table)
            implements JdbcRelation
    {
        public Named
        {
            requireNonNull(schema, "schema is null");
            requireNonNull(table, "table is null");
        }
    }

    /**
     * A complete {@code SELECT} statement.
     *
     * @param sql the statement, sent as it is
     * @param columns its output columns, in order, with distinct names
     */
    record Query(String sql, List<JdbcColumnHandle> columns)
            implements JdbcRelation
    {
        public Query
        {
            requireNonNull(sql, "sql is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
        }
    }
}
