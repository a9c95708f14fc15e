package io.basin.connector.postgresql;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** What a PostgreSQL table handle reads: a relation by name, or a query Basin generated. */
public sealed interface PostgreSqlRelation
{
    /** A table, view or materialized view, by its exact PostgreSQL name. */
    record Named(String schema, String table)
            implements PostgreSqlRelation
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
    record Query(String sql, List<PostgreSqlColumnHandle> columns)
            implements PostgreSqlRelation
    {
        public Query
        {
            requireNonNull(sql, "sql is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
        }
    }
}
