package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

/** NULLs in joins, aggregates, grouping, sorting, IN/NOT IN and null-handling functions. */
class TestNullSemantics
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE l (id integer, k integer, v varchar(10))");
        executeInBoth("INSERT INTO l VALUES (1, 1, 'l1'), (2, 2, 'l2'), (3, NULL, 'l3'), (4, 4, NULL), (5, 2, 'l5')");
        executeInBoth("CREATE TABLE r (id integer, k integer, w varchar(10))");
        executeInBoth("INSERT INTO r VALUES (10, 1, 'r1'), (20, 2, 'r2'), (30, NULL, 'r3'), (40, 5, 'r5'), (50, NULL, NULL)");
        executeInBoth("CREATE TABLE n (id integer, g varchar(5), x integer, d decimal(10,2))");
        executeInBoth("INSERT INTO n VALUES (1, 'a', 1, 1.50), (2, 'a', NULL, NULL), (3, NULL, 3, 2.25), (4, NULL, NULL, NULL), (5, 'b', NULL, NULL), (6, 'c', 7, -1.00)");
        executeInBoth("CREATE TABLE empty_table (id integer, x integer, d decimal(10,2))");
    }

    @Test
    void testUntypedNullsTakeTheTypeOfTheirTargetColumn()
    {
        executeInBoth("CREATE TABLE typed_nulls (a integer, b date, c timestamp, d boolean, e varchar(5), f decimal(10,2))");
        executeInBoth("INSERT INTO typed_nulls VALUES (1, NULL, NULL, NULL, NULL, NULL), (2, DATE '2024-01-01', NULL, true, NULL, 1.5)");
        executeInBoth("INSERT INTO typed_nulls SELECT 3, NULL, NULL, false, 'x', NULL");
        executeInBoth("INSERT INTO typed_nulls (a, c) VALUES (4, NULL)");
        assertQuery("SELECT * FROM typed_nulls ORDER BY a");
    }

    @Test
    void testNullKeysNeverMatchInJoins()
    {
        assertQuery("SELECT l.id, r.id FROM l JOIN r ON l.k = r.k");
        assertQuery("SELECT l.id, r.id FROM l LEFT JOIN r ON l.k = r.k");
        assertQuery("SELECT l.id, r.id FROM l RIGHT JOIN r ON l.k = r.k");
        assertQuery("SELECT l.id, r.id, l.k, r.k FROM l FULL JOIN r ON l.k = r.k");
        assertQuery("SELECT l.id, r.id FROM l, r WHERE l.k = r.k");
        assertQuery("SELECT count(*) FROM l JOIN r ON l.k = r.k OR (l.k IS NULL AND r.k IS NULL)");
        assertQuery("SELECT l.id, r.id FROM l JOIN r ON l.k IS NOT DISTINCT FROM r.k");
    }

    @Test
    void testOuterJoinConditionsAndFilters()
    {
        // a condition in ON keeps unmatched left rows; the same condition in WHERE removes them
        assertQuery("SELECT l.id, r.id FROM l LEFT JOIN r ON l.k = r.k AND r.w = 'r2'");
        assertQuery("SELECT l.id, r.id FROM l LEFT JOIN r ON l.k = r.k WHERE r.w = 'r2'");
        assertQuery("SELECT l.id FROM l LEFT JOIN r ON l.k = r.k WHERE r.id IS NULL");
        assertQuery("SELECT l.id, r.id FROM l FULL JOIN r ON l.k = r.k AND l.v IS NOT NULL");
        assertQuery("SELECT coalesce(l.k, r.k) AS k, count(*) FROM l FULL JOIN r ON l.k = r.k GROUP BY coalesce(l.k, r.k)");
    }

    @Test
    void testAggregatesOverNulls()
    {
        assertQuery("SELECT count(*), count(x), count(d), sum(x), sum(d), min(x), max(x), min(d), max(d), avg(d) FROM n");
        assertQuery("SELECT count(g), count(DISTINCT g), min(g), max(g) FROM n");
        assertQuery("SELECT sum(x), count(x), max(x) FROM n WHERE x IS NULL");
        assertQuery("SELECT g, count(*), count(x), sum(x), avg(d) FROM n GROUP BY g");
        assertQuery("SELECT x IS NULL, count(*) FROM n GROUP BY x IS NULL");
    }

    @Test
    void testAggregatesOverEmptyInput()
    {
        // a global aggregate returns one row; sum, avg, min and max of nothing are NULL, counts are 0
        assertQuery("SELECT count(*), count(x), sum(x), sum(d), avg(x), avg(d), min(x), max(d) FROM empty_table");
        assertQuery("SELECT count(*), sum(x) FROM n WHERE id > 100");
        // a grouped aggregate over nothing returns no rows
        assertQuery("SELECT x, count(*) FROM empty_table GROUP BY x");
        assertQuery("SELECT count(*) FROM empty_table HAVING count(*) > 0");
    }

    @Test
    void testGroupByNullKey()
    {
        // all NULL keys form one group
        assertQuery("SELECT g, count(*) FROM n GROUP BY g");
        assertQuery("SELECT g, x, count(*) FROM n GROUP BY g, x");
        assertQuery("SELECT DISTINCT g FROM n");
        assertQuery("SELECT count(*) FROM (SELECT DISTINCT x FROM n) t");
    }

    @Test
    void testDefaultNullOrdering()
    {
        // PostgreSQL: NULLs sort as larger than any value — last ascending, first descending
        assertQuery("SELECT id, x FROM n ORDER BY x, id");
        assertQuery("SELECT id, x FROM n ORDER BY x DESC, id");
        assertQuery("SELECT id, g FROM n ORDER BY g ASC, id DESC");
        assertQuery("SELECT id, g FROM n ORDER BY g DESC, id");
    }

    @Test
    void testExplicitNullOrdering()
    {
        assertQuery("SELECT id, x FROM n ORDER BY x NULLS FIRST, id");
        assertQuery("SELECT id, x FROM n ORDER BY x DESC NULLS LAST, id");
        assertQuery("SELECT id, d FROM n ORDER BY d ASC NULLS FIRST, id DESC");
        assertQuery("SELECT id, x FROM n ORDER BY x NULLS FIRST, id LIMIT 3");
    }

    @Test
    void testInAndNotInWithNulls()
    {
        assertQuery("SELECT id FROM l WHERE k IN (SELECT k FROM r)");
        // NOT IN over a subquery that yields a NULL is never true
        assertQuery("SELECT id FROM l WHERE k NOT IN (SELECT k FROM r)");
        assertQuery("SELECT id FROM l WHERE k NOT IN (SELECT k FROM r WHERE k IS NOT NULL)");
        assertQuery("SELECT id FROM l WHERE k NOT IN (1, NULL)");
        assertQuery("SELECT id FROM l WHERE k IN (1, NULL)");
        assertQuery("SELECT id, k IN (SELECT k FROM r) AS in_r, k NOT IN (SELECT k FROM r) AS not_in_r FROM l");
        assertQuery("SELECT id FROM l WHERE NOT EXISTS (SELECT 1 FROM r WHERE r.k = l.k)");
        assertQuery("SELECT id FROM l WHERE EXISTS (SELECT 1 FROM r WHERE r.k = l.k)");
        assertQuery("SELECT id FROM l WHERE k NOT IN (SELECT k FROM r WHERE id > 1000)");
    }

    @Test
    void testThreeValuedLogic()
    {
        assertQuery("SELECT id FROM n WHERE x > 2 OR x IS NULL");
        assertQuery("SELECT id FROM n WHERE NOT (x > 2)");
        assertQuery("SELECT id, x > 2 AND g = 'a', x > 2 OR g = 'a', NOT (x = 1) FROM n");
        assertQuery("SELECT id FROM n WHERE x = NULL");
        assertQuery("SELECT id, x IS DISTINCT FROM 1, x IS NOT DISTINCT FROM NULL FROM n");
        assertQuery("SELECT NULL = NULL, NULL <> 1, 1 + NULL, 'a' || NULL");
    }

    @Test
    void testNullHandlingFunctions()
    {
        assertQuery("SELECT id, coalesce(x, 0), coalesce(g, 'none'), coalesce(x, id * 10, -1) FROM n");
        assertQuery("SELECT id, NVL(x, 0), NVL(g, 'none') FROM n", "SELECT id, coalesce(x, 0), coalesce(g, 'none') FROM n");
        assertQuery("SELECT id, nullif(x, 1), nullif(g, 'a') FROM n");
        assertQuery("SELECT id, CASE WHEN x IS NULL THEN 'null' WHEN x > 2 THEN 'big' ELSE 'small' END FROM n");
        assertQuery("SELECT id, CASE x WHEN 1 THEN 'one' WHEN NULL THEN 'never' ELSE 'other' END FROM n");
        assertQuery("SELECT id, greatest(x, 2), least(x, 2) FROM n");
    }
}
