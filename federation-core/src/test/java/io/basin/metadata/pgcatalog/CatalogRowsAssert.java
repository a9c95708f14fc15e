package io.basin.metadata.pgcatalog;

import io.basin.embedded.QueryResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Rows of Basin and PostgreSQL as text, so values of different Java classes (int/long, real) compare. */
final class CatalogRowsAssert
{
    private CatalogRowsAssert() {}

    static List<List<String>> text(QueryResult result)
    {
        return text(result.rows());
    }

    static List<List<String>> text(List<List<Object>> rows)
    {
        List<List<String>> result = new ArrayList<>();
        for (List<Object> row : rows) {
            List<String> values = new ArrayList<>();
            for (Object value : row) {
                values.add(text(value));
            }
            result.add(values);
        }
        return result;
    }

    static List<List<String>> columns(List<List<String>> rows, int... columns)
    {
        List<List<String>> result = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> values = new ArrayList<>();
            for (int column : columns) {
                values.add(row.get(column));
            }
            result.add(values);
        }
        return result;
    }

    private static String text(Object value)
    {
        return switch (value) {
            case null -> null;
            case Float number -> number == Math.rint(number) ? String.valueOf(number.longValue()) : number.toString();
            case Double number -> number == Math.rint(number) ? String.valueOf(number.longValue()) : number.toString();
            case BigDecimal number -> number.toPlainString();
            default -> value.toString();
        };
    }
}
