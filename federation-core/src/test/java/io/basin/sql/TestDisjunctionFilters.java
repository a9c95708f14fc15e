package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Disjunctions over a join imply filters on each table (TPC-H q7 and q19): per table, the OR of
 * what each disjunct asks of it, and per column that every disjunct restricts, the union of those
 * restrictions (an IN of the values, the hull of the ranges). The implied filters are added and the
 * disjunction stays, so answers must not change: checked against PostgreSQL with NULLs in every
 * column, a column only some disjuncts restrict, overlapping and disjoint ranges, and a disjunct
 * that restricts no column of one table.
 */
class TestDisjunctionFilters
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE items (id integer, part integer, qty decimal(12,2), mode varchar(10))");
        executeInBoth("""
                INSERT INTO items
                SELECT i,
                       CASE WHEN i % 41 = 0 THEN NULL ELSE i % 500 END,
                       CASE WHEN i % 37 = 0 THEN NULL ELSE CAST(i % 50 AS decimal(12,2)) END,
                       CASE WHEN i % 43 = 0 THEN NULL ELSE 'm' || CAST(i % 7 AS varchar) END
                FROM generate_series(1, 20000) AS s(i)""");
        executeInBoth("CREATE TABLE events (part integer, at timestamp)");
        executeInBoth("""
                INSERT INTO events VALUES (1, TIMESTAMP '2024-01-01 10:00:00.123456'), (2, TIMESTAMP '2024-01-01 10:00:00.123'),
                    (3, TIMESTAMP '2024-01-01 10:00:00.654321'), (4, TIMESTAMP '2024-01-01 10:00:00.654'), (5, NULL)""");
        executeInBoth("CREATE TABLE parts (part integer, brand varchar(10), size integer, box varchar(10))");
        executeInBoth("""
                INSERT INTO parts
                SELECT i,
                       CASE WHEN i % 29 = 0 THEN NULL ELSE 'b' || CAST(i % 5 AS varchar) END,
                       CASE WHEN i % 31 = 0 THEN NULL ELSE i % 20 END,
                       CASE WHEN i % 23 = 0 THEN NULL ELSE 'x' || CAST(i % 8 AS varchar) END
                FROM generate_series(0, 499) AS s(i)""");
    }

    @Test
    void testQ19Shape()
    {
        String sql = """
                SELECT i.id, p.brand, p.size, i.qty
                FROM items i JOIN parts p ON i.part = p.part
                WHERE (p.brand = 'b1' AND p.box IN ('x1', 'x2') AND p.size BETWEEN 1 AND 5 AND i.qty BETWEEN 1 AND 11 AND i.mode IN ('m1', 'm2'))
                   OR (p.brand = 'b2' AND p.box IN ('x3', 'x4') AND p.size BETWEEN 1 AND 10 AND i.qty BETWEEN 10 AND 20 AND i.mode IN ('m1', 'm2'))
                   OR (p.brand = 'b3' AND p.box IN ('x5', 'x6') AND p.size BETWEEN 3 AND 15 AND i.qty BETWEEN 30 AND 40 AND i.mode IN ('m1', 'm3'))""";
        assertQuery(sql);
        // the union of each column's restrictions reaches the parts scan: its brands, and its sizes' hull
        String plan = explain(sql);
        assertThat(plan).containsPattern("TableScan\\[[^\\n]*parts[^\\n]*name=brand[^\\n]*\\{\\[b1\\], \\[b2\\], \\[b3\\]\\}");
        assertThat(plan).containsPattern("TableScan\\[[^\\n]*parts[^\\n]*name=size[^\\n]*\\{\\[1,15\\]\\}");
        assertQuery("SELECT count(*), sum(i.qty) FROM items i JOIN parts p ON i.part = p.part WHERE (p.size < 3 AND i.qty > 45) OR (p.size > 17 AND i.qty < 2)");
    }

    @Test
    void testConstantsKeepBasinsSemantics()
    {
        // the union of the restrictions is simplified without Calcite's evaluator, which would
        // fold these casts to milliseconds and lose rows 1 and 3
        assertQuery("""
                SELECT e.part, e.at, p.brand
                FROM events e JOIN parts p ON e.part = p.part
                WHERE (e.at = CAST('2024-01-01 10:00:00.123456' AS timestamp) AND p.size > 0)
                   OR (e.at = CAST('2024-01-01 10:00:00.654321' AS timestamp) AND p.size < 10)""");
    }

    @Test
    void testColumnsNotEveryDisjunctRestricts()
    {
        // brand is restricted by one disjunct only: no IN on brand, but size still has a hull
        assertQuery("SELECT i.id FROM items i JOIN parts p ON i.part = p.part WHERE (p.brand = 'b1' AND p.size < 4) OR (p.size > 15 AND i.mode = 'm2')");
        // a disjunct that restricts no parts column: nothing can be derived for parts
        assertQuery("SELECT i.id FROM items i JOIN parts p ON i.part = p.part WHERE (p.brand = 'b4' AND i.qty < 3) OR i.qty > 48");
        // NULL tests and NOT inside the disjuncts
        assertQuery("SELECT i.id, p.box FROM items i JOIN parts p ON i.part = p.part WHERE (p.box IS NULL AND i.mode = 'm1') OR (p.box = 'x2' AND i.mode IS NULL) OR (NOT (p.box = 'x3') AND i.qty = 7)");
        // q7's shape: two instances of one table
        assertQuery("""
                SELECT p1.brand, p2.brand, count(*)
                FROM items i JOIN parts p1 ON i.part = p1.part JOIN parts p2 ON i.id % 500 = p2.part
                WHERE (p1.brand = 'b1' AND p2.brand = 'b2') OR (p1.brand = 'b2' AND p2.brand = 'b1')
                GROUP BY p1.brand, p2.brand""");
    }
}
