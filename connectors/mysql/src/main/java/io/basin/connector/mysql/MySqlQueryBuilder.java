package io.basin.connector.mysql;

import java.util.List;

import static io.basin.pushdown.RemoteSqlDialect.MYSQL;

/** The statement that reads some columns of a relation; every identifier is quoted. */
final class MySqlQueryBuilder
{
    private MySqlQueryBuilder() {}

    /** As {@link #selectColumns(MySqlRelation, List)}, restricted to the split's key range. */
    static String selectColumns(MySqlRelation relation, List<MySqlColumnHandle> columns, MySqlSplit split)
    {
        String select = selectColumns(relation, columns);
        if (split.keyColumn().isEmpty()) {
            return select;
        }
        // the bounds are longs the connector computed, never user text
        String key = MYSQL.quoteIdentifier(split.keyColumn().get());
        List<String> conditions = new java.util.ArrayList<>();
        split.low().ifPresent(low -> conditions.add(key + " >= " + low));
        split.high().ifPresent(high -> conditions.add(key + " < " + high));
        return conditions.isEmpty() ? select : select + " WHERE " + String.join(" AND ", conditions);
    }

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
