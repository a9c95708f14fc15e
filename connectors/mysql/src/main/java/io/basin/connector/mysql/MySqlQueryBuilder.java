package io.basin.connector.mysql;

import java.util.List;

import static io.basin.pushdown.RemoteSqlDialect.MYSQL;

/** The statement that reads some columns of a relation; every identifier is quoted. */
final class MySqlQueryBuilder
{
    private MySqlQueryBuilder() {}

    static String selectColumns(MySqlRelation relation, List<MySqlColumnHandle> columns)
    {
        return switch (relation) {
            // MySQL has no zero-column SELECT: a constant stands in, and is not read
            case MySqlRelation.Named named -> "SELECT " + (columns.isEmpty() ? "1" : columnList(columns)) + " FROM " + MYSQL.quoteQualified(named.schema(), named.table());
            // the generated statement as it is when all of its columns are read, so what
            // MySQL runs is exactly what EXPLAIN showed
            case MySqlRelation.Query query -> columns.equals(query.columns())
                    ? query.sql()
                    : "SELECT " + (columns.isEmpty() ? "1" : columnList(columns)) + " FROM (" + query.sql() + ") " + MYSQL.quoteIdentifier("q");
        };
    }

    private static String columnList(List<MySqlColumnHandle> columns)
    {
        StringBuilder result = new StringBuilder();
        for (MySqlColumnHandle column : columns) {
            if (!result.isEmpty()) {
                result.append(", ");
            }
            result.append(MYSQL.quoteIdentifier(column.name()));
        }
        return result.toString();
    }
}
