package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

/**
 * WITH RECURSIVE, checked against PostgreSQL: counting, hierarchies, graphs with cycles (UNION
 * ends them), several columns of several types, recursive queries used in joins and
 * aggregations, and one recursion inside another.
 */
class TestRecursiveQueries
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE staff (id integer, name varchar(20), manager_id integer)");
        executeInBoth("""
                INSERT INTO staff VALUES
                    (1, 'ceo', NULL), (2, 'cto', 1), (3, 'cfo', 1), (4, 'dev lead', 2), (5, 'dev', 4),
                    (6, 'dev two', 4), (7, 'accountant', 3), (8, 'intern', 5), (9, 'orphan', 42)""");
        executeInBoth("CREATE TABLE edges (src integer, dst integer)");
        // a graph with cycles: 1 -> 2 -> 3 -> 1, 3 -> 4 -> 4, 5 alone
        executeInBoth("INSERT INTO edges VALUES (1, 2), (2, 3), (3, 1), (3, 4), (4, 4), (5, 6)");
    }

    @Test
    void testCounting()
    {
        assertQuery("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 100) SELECT count(*), sum(n), min(n), max(n) FROM t");
        assertQuery("WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n * 2 FROM t WHERE n < 1000) SELECT n FROM t ORDER BY n");
        assertQuery("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3000) SELECT sum(n) FROM t");
        // a seed with no rows: nothing to recurse on
        assertQuery("WITH RECURSIVE t(n) AS (SELECT id FROM staff WHERE id < 0 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT count(*) FROM t");
    }

    @Test
    void testSeveralColumnsAndTypes()
    {
        assertQuery("""
                WITH RECURSIVE fib(i, a, b) AS (
                    SELECT 1, CAST(0 AS bigint), CAST(1 AS bigint)
                    UNION ALL
                    SELECT i + 1, b, a + b FROM fib WHERE i < 80)
                SELECT i, a FROM fib ORDER BY i""");
        assertQuery("""
                WITH RECURSIVE steps(n, label, half) AS (
                    SELECT 1, CAST('a' AS varchar(200)), CAST(1.0 AS double precision)
                    UNION ALL
                    SELECT n + 1, CAST(label || 'b' AS varchar(200)), half / 2 FROM steps WHERE n < 20)
                SELECT * FROM steps ORDER BY n""");
    }

    @Test
    void testHierarchy()
    {
        assertQuery("""
                WITH RECURSIVE chain(id, name, depth, path) AS (
                    SELECT id, name, 0, CAST(name AS varchar(200)) FROM staff WHERE manager_id IS NULL
                    UNION ALL
                    SELECT s.id, s.name, c.depth + 1, CAST(c.path || ' > ' || s.name AS varchar(200))
                    FROM staff s JOIN chain c ON s.manager_id = c.id)
                SELECT * FROM chain ORDER BY id""");
        // everyone under the CTO, counted per level, joined back to the table
        assertQuery("""
                WITH RECURSIVE reports(id, level) AS (
                    SELECT id, 1 FROM staff WHERE manager_id = 2
                    UNION ALL
                    SELECT s.id, r.level + 1 FROM staff s JOIN reports r ON s.manager_id = r.id)
                SELECT r.level, count(*), min(s.name) FROM reports r JOIN staff s ON s.id = r.id GROUP BY r.level ORDER BY r.level""");
    }

    @Test
    void testCyclesEndWithUnion()
    {
        assertQuery("""
                WITH RECURSIVE reachable(node) AS (
                    SELECT 1
                    UNION
                    SELECT e.dst FROM edges e JOIN reachable r ON e.src = r.node)
                SELECT node FROM reachable ORDER BY node""");
        assertQuery("""
                WITH RECURSIVE pairs(a, b) AS (
                    SELECT src, dst FROM edges
                    UNION
                    SELECT p.a, e.dst FROM pairs p JOIN edges e ON p.b = e.src)
                SELECT a, count(*) FROM pairs GROUP BY a ORDER BY a""");
        // UNION also drops duplicates within the seed and within one round
        assertQuery("WITH RECURSIVE t(n) AS (VALUES (1), (1), (2) UNION SELECT (n + 1) % 5 FROM t) SELECT n FROM t ORDER BY n");
    }

    @Test
    void testRecursionUsedTwiceAndNested()
    {
        assertQuery("""
                WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 10)
                SELECT a.n, b.n FROM t a JOIN t b ON a.n = b.n * 2 ORDER BY a.n""");
        assertQuery("""
                WITH RECURSIVE outer_t(n) AS (
                    SELECT 1
                    UNION ALL
                    SELECT n + (WITH RECURSIVE inner_t(m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM inner_t WHERE m < 3) SELECT max(m) FROM inner_t)
                    FROM outer_t WHERE n < 20)
                SELECT n FROM outer_t ORDER BY n""");
    }

    @Test
    void testEndlessRecursionHitsTheMemoryLimit()
    {
        // PostgreSQL would run this until it runs out of disk; Basin stops at the query's memory limit
        session().execute("SET query_max_memory = '32MB'");
        try {
            assertQueryFails("WITH RECURSIVE t(n, s) AS (SELECT 1, repeat('x', 1000) UNION ALL SELECT n + 1, s FROM t) SELECT count(*) FROM t",
                    "53200", ".*memory limit.*");
        }
        finally {
            session().execute("RESET query_max_memory");
        }
        assertQuery("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT sum(n) FROM t");
    }
}
