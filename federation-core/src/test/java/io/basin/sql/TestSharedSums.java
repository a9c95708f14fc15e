package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

/**
 * A sum and an average of the same column (TPC-H q1 asks for both over three columns) share one
 * accumulator's sums and counts. Checked against PostgreSQL with NULLs, groups whose values are all
 * NULL, FILTER clauses that differ (no sharing) or agree, grouping sets, decimal, integer and
 * bigint columns, and enough rows for the drivers' partial sums to be merged.
 */
class TestSharedSums
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE m (g integer, h varchar(5), p decimal(12,2), q integer, b bigint)");
        executeInBoth("""
                INSERT INTO m
                SELECT i % 7,
                       'h' || CAST(i % 3 AS varchar),
                       CASE WHEN i % 5 = 0 OR i % 7 = 6 THEN NULL ELSE CAST(i % 1000 AS decimal(12,2)) / 7 END,
                       CASE WHEN i % 11 = 0 THEN NULL ELSE i % 50 END,
                       CASE WHEN i % 13 = 0 THEN NULL ELSE CAST(i AS bigint) * 1000003 END
                FROM generate_series(1, 30000) AS s(i)""");
    }

    @Test
    void testSumAndAverageOfOneColumn()
    {
        assertQuery("SELECT g, sum(p), avg(p), count(p), sum(q), avg(q), sum(b), avg(b) FROM m GROUP BY g");
        assertQuery("SELECT avg(p), sum(p), avg(b), sum(b) FROM m");
        assertQuery("SELECT h, sum(p) + avg(p), avg(p) - sum(p) / count(p) FROM m GROUP BY h");
        // no rows: NULL sums and averages
        assertQuery("SELECT sum(p), avg(p) FROM m WHERE g > 100");
    }

    @Test
    void testFiltersAndGroupingSets()
    {
        assertQuery("SELECT g, sum(p) FILTER (WHERE q > 10), avg(p), avg(p) FILTER (WHERE q > 10), sum(p) FROM m GROUP BY g");
        assertQuery("SELECT g, h, sum(p), avg(p) FROM m GROUP BY GROUPING SETS ((g), (h), (g, h), ())");
        assertQuery("SELECT g, sum(p), avg(p), sum(DISTINCT p), avg(DISTINCT p) FROM m GROUP BY g");
    }
}
