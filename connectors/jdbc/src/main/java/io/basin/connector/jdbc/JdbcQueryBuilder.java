package io.basin.connector.jdbc;

import io.basin.pushdown.RemoteSqlDialect;

import java.util.List;

/** The statement that reads some columns of a relation; every identifier is quoted. */
public final class JdbcQueryBuilder
{
    private JdbcQueryBuilder() {}

    public static String selectColumns(RemoteSqlDialect dialect, JdbcRelation relation, List<JdbcColumnHandle> columns)
    {
        return switch (relation) {
            case JdbcRelation.Named named -> select(dialect, columns) + " FROM " + dialect.quoteQualified(named.schema(), named.table());
            // the generated statement as it is when all of its columns are read, so what the
            // source runs is exactly what EXPLAIN showed
            case JdbcRelation.Query query -> columns.equals(query.columns())
                    ? query.sql()
                    : select(dialect, columns) + " FROM (" + query.sql() + ") " + dialect.quoteIdentifier("q");
        };
    }

    private static String select(RemoteSqlDialect dialect, List<JdbcColumnHandle> columns)
    {
        if (columns.isEmpty()) {
            // PostgreSQL selects no columns; MySQL has no empty select list, so a constant stands
            // in and is not read
            return dialect == RemoteSqlDialect.MYSQL ? "SELECT 1" : "SELECT";
        }
        StringBuilder result = new StringBuilder("SELECT ");
        for (JdbcColumnHandle column : columns) {
            if (result.length() > "SELECT ".length()) {
                result.append(", ");
            }
            result.append(dialect.quoteIdentifier(column.name()));
        }
        return result.toString();
    }
}
