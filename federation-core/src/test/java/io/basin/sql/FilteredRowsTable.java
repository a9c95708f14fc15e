package io.basin.sql;

import java.util.List;

/**
 * A table for tests of what a filter hands on (row views or copies): NULL keys and NULL values in
 * every kind of column, bigint and integer keys with repeats, strings with few distinct values,
 * short decimals, and long decimals beyond the range of a long, negative and positive.
 */
final class FilteredRowsTable
{
    private FilteredRowsTable() {}

    /** The statements that create and fill table {@code name} with 20,000 rows, for the engine and the oracle alike. */
    static List<String> statements(String name)
    {
        return List.of(
                "CREATE TABLE %s (id bigint, k bigint, k2 integer, flag varchar(10), note varchar(40), price decimal(12,2), big decimal(30,4), sparse decimal(30,2))".formatted(name),
                """
                INSERT INTO %s
                SELECT i,
                       CASE WHEN i %% 17 = 0 THEN NULL ELSE i %% 300 END,
                       CAST(i %% 7 AS integer),
                       CASE WHEN i %% 11 = 0 THEN NULL ELSE 'f' || CAST(i %% 4 AS varchar) END,
                       'note number ' || CAST(i AS varchar),
                       CASE WHEN i %% 23 = 0 THEN NULL ELSE CAST(i AS decimal(12,2)) / 100 END,
                       CAST(i AS decimal(30,4)) * 1000000000000 - 5000000000000000,
                       CASE WHEN i %% 13 = 0 THEN NULL ELSE CAST(i AS decimal(30,2)) * 1000000000000000 END
                FROM generate_series(1, 20000) AS s(i)""".formatted(name));
    }
}
