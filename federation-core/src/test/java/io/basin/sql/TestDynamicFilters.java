package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

/**
 * Joins whose build side filters the probe side's scan before an aggregation or another join (a
 * dynamic filter), checked against PostgreSQL: the filter must only drop rows the join drops
 * anyway, whatever lies between the scan and the join, with NULL keys, duplicates and keys that
 * match nothing.
 */
class TestDynamicFilters
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE facts (k bigint, g integer, v integer)");
        executeInBoth("INSERT INTO facts SELECT x % 500, x % 7, x FROM generate_series(1, 20000) AS t(x)");
        executeInBoth("INSERT INTO facts VALUES (NULL, 1, 5), (NULL, 2, 6), (99999, 3, 7)");
        executeInBoth("CREATE TABLE dims (k bigint, kind varchar(5), d date)");
        executeInBoth("INSERT INTO dims SELECT x, CASE WHEN x % 50 = 0 THEN 'rare' ELSE 'other' END, DATE '2024-01-01' + CAST(x AS integer) FROM generate_series(0, 599) AS t(x)");
        executeInBoth("INSERT INTO dims VALUES (NULL, 'rare', NULL), (100, 'rare', NULL)");
    }

    @Test
    void testAggregateUnderInnerJoin()
    {
        assertQuery("SELECT d.k, a.total FROM dims d JOIN (SELECT k, sum(v) AS total FROM facts GROUP BY k) a ON a.k = d.k WHERE d.kind = 'rare'");
        assertQuery("SELECT count(*), sum(a.total) FROM (SELECT k, g, sum(v) AS total FROM facts GROUP BY k, g) a JOIN dims d ON d.k = a.k WHERE d.kind = 'rare' AND d.k < 300");
        // a correlated subquery of the q17 shape: decorrelated into an aggregation joined back
        assertQuery("""
                SELECT sum(f.v) FROM facts f JOIN dims d ON d.k = f.k
                WHERE d.kind = 'rare' AND f.v > (SELECT avg(v) FROM facts f2 WHERE f2.k = d.k)""");
    }

    @Test
    void testJoinsUnderJoin()
    {
        assertQuery("""
                SELECT d.k, count(*) FROM dims d
                JOIN (SELECT f.k FROM facts f JOIN facts f2 ON f.v = f2.v + 1) x ON x.k = d.k
                WHERE d.kind = 'rare' GROUP BY d.k""");
        // the filtered side of an outer join: rows without a partner keep their own key
        assertQuery("""
                SELECT d.k, count(x.g) FROM dims d
                JOIN (SELECT f.k, d2.kind AS g FROM facts f LEFT JOIN dims d2 ON d2.k = f.v) x ON x.k = d.k
                WHERE d.kind = 'rare' GROUP BY d.k""");
        assertQuery("""
                SELECT count(*) FROM (SELECT f.k FROM facts f LEFT JOIN dims d2 ON d2.k = f.g) x
                JOIN dims d ON d.k = x.k WHERE d.kind = 'rare'""");
    }

    @Test
    void testSemiAndAntiJoins()
    {
        assertQuery("SELECT k, count(*) FROM facts WHERE k IN (SELECT k FROM dims WHERE kind = 'rare') GROUP BY k");
        assertQuery("SELECT count(*) FROM (SELECT k, sum(v) AS s FROM facts GROUP BY k) a WHERE k IN (SELECT k FROM dims WHERE kind = 'rare')");
        assertQuery("SELECT count(*), sum(s) FROM (SELECT k, sum(v) AS s FROM facts GROUP BY k) a WHERE NOT EXISTS (SELECT 1 FROM dims d WHERE d.k = a.k AND d.kind = 'rare')");
        assertQuery("SELECT count(*) FROM (SELECT k, sum(v) AS s FROM facts GROUP BY k) a WHERE k NOT IN (SELECT k FROM dims WHERE kind = 'rare' AND k IS NOT NULL)");
    }

    @Test
    void testWhatMustNotBeFiltered()
    {
        // a limit or a window below the join sees every row of its input
        assertQuery("SELECT count(*) FROM (SELECT k FROM facts ORDER BY v LIMIT 3000) x JOIN dims d ON d.k = x.k WHERE d.kind = 'rare'");
        assertQuery("SELECT x.k, x.r FROM (SELECT k, row_number() OVER (ORDER BY v) AS r FROM facts) x JOIN dims d ON d.k = x.k WHERE d.kind = 'rare' AND x.r < 2000");
        // the rows a left join keeps without a partner
        assertQuery("SELECT count(*), count(d.k) FROM (SELECT k, sum(v) AS s FROM facts GROUP BY k) a LEFT JOIN dims d ON d.k = a.k AND d.kind = 'rare'");
        assertQuery("SELECT count(*), count(a.k) FROM dims d LEFT JOIN (SELECT k, sum(v) AS s FROM facts GROUP BY k) a ON d.k = a.k WHERE d.kind = 'rare'");
    }
}
