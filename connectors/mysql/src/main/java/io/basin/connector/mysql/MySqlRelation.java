package io.basin.connector.mysql;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** What a MySQL table handle reads: a relation by name, or a query Basin generated. */
public sealed interface MySqlRelation
{
    /** A table or view, by its exact MySQL name (schema = MySQL database). */
    record Named(String schema, String table)
            implements MySqlRelation
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
    record Query(String sql, List<MySqlColumnHandle> columns)
            implements MySqlRelation
    {
        public Query
        {
            requireNonNull(sql, "sql is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
        }
    }
}
