package io.basin.connector.postgresql;

import java.util.List;

import static io.basin.pushdown.RemoteSqlDialect.POSTGRESQL;

/** The statement that reads some columns of a relation; every identifier is quoted. */
final class PostgreSqlQueryBuilder
{
    private PostgreSqlQueryBuilder() {}

    /** The statement reading one split: a table's block range becomes a {@code ctid} range (a TID range scan). */
    static String selectColumns(PostgreSqlRelation relation, List<PostgreSqlColumnHandle> columns, PostgreSqlSplit split)
    {
        String sql = selectColumns(relation, columns);
        if (split.firstBlock().isEmpty()) {
            return sql;
        }
        if (!(relation instanceof PostgreSqlRelation.Named)) {
            throw new IllegalArgumentException("Only a table is read by block ranges");
        }
        return sql + " WHERE ctid >= '(" + split.firstBlock().getAsLong() + ",0)'::tid"
                + (split.endBlock().isPresent() ? " AND ctid < '(" + split.endBlock().getAsLong() + ",0)'::tid" : "");
    }

    static String selectColumns(PostgreSqlRelation relation, List<PostgreSqlColumnHandle> columns)
    {
        return switch (relation) {
            case PostgreSqlRelation.Named named -> "SELECT " + columnList(columns) + (columns.isEmpty() ? "" : " ") + "FROM " + POSTGRESQL.quoteQualified(named.schema(), named.table());
            // the generated statement as it is when all of its columns are read, so what
            // PostgreSQL runs is exactly what EXPLAIN showed
            case PostgreSqlRelation.Query query -> columns.equals(query.columns())
                    ? query.sql()
                    : "SELECT " + columnList(columns) + (columns.isEmpty() ? "" : " ") + "FROM (" + query.sql() + ") " + POSTGRESQL.quoteIdentifier("q");
        };
    }

    private static String columnList(List<PostgreSqlColumnHandle> columns)
    {
        StringBuilder result = new StringBuilder();
        for (PostgreSqlColumnHandle column : columns) {
            if (!result.isEmpty()) {
                result.append(", ");
            }
            result.append(POSTGRESQL.quoteIdentifier(column.name()));
        }
        return result.toString();
    }
}
