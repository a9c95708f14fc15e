package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

/**
 * Filters that are conjunctions run one conjunct at a time over the rows the earlier ones kept
 * (the generated kernel's filter passes). Checked against PostgreSQL: NULLs in every column (a
 * row is kept only when every conjunct is true), nested ANDs, ANDs inside ORs and NOTs, a
 * division that only the rows an earlier conjunct kept can reach without dividing by zero, and
 * conjuncts that keep all, some or none of the rows, and comparisons of one column with constants,
 * which share a pass.
 */
class TestConjunctiveFilters
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE t (id integer, a integer, b bigint, d date, p decimal(12,2), s varchar(20), x double precision)");
        executeInBoth("""
                INSERT INTO t
                SELECT i,
                       CASE WHEN i % 13 = 0 THEN NULL ELSE i % 10 END,
                       CASE WHEN i % 17 = 0 THEN NULL ELSE i * 7 % 1000 END,
                       CASE WHEN i % 19 = 0 THEN NULL ELSE DATE '2024-01-01' + i % 400 END,
                       CASE WHEN i % 23 = 0 THEN NULL ELSE CAST(i % 900 AS decimal(12,2)) / 100 END,
                       CASE WHEN i % 29 = 0 THEN NULL ELSE 'x' || CAST(i % 6 AS varchar) END,
                       CASE WHEN i % 31 = 0 THEN NULL ELSE CAST(i % 1000 AS double precision) / 8 - 40 END
                FROM generate_series(1, 20000) AS s(i)""");
    }

    @Test
    void testConjunctions()
    {
        // TPC-H q6's shape: ranges on three columns
        assertQuery("SELECT id FROM t WHERE d >= DATE '2024-03-01' AND d < DATE '2024-09-01' AND p BETWEEN 0.05 AND 4.07 AND a < 6");
        assertQuery("SELECT count(*), sum(p) FROM t WHERE a > 2 AND b < 500 AND s <> 'x3'");
        assertQuery("SELECT id FROM t WHERE (a > 2 AND (b < 500 AND (s LIKE 'x%' AND d IS NOT NULL))) AND p > 1");
        // keeps all, then none
        assertQuery("SELECT count(*) FROM t WHERE id > 0 AND id < 100000 AND id IS NOT NULL");
        assertQuery("SELECT count(*) FROM t WHERE a > 2 AND a < 0 AND b > 3");
        assertQuery("SELECT id FROM t WHERE id < 0 AND a IS NULL");
    }

    @Test
    void testNullsAndNesting()
    {
        // NULL conjuncts drop the row; NOT, OR and IS NULL around them
        assertQuery("SELECT id FROM t WHERE a IS NULL AND b > 100 AND NOT (s = 'x1')");
        assertQuery("SELECT id FROM t WHERE (a > 5 AND b < 200) OR (s = 'x2' AND p IS NULL)");
        assertQuery("SELECT id FROM t WHERE NOT (a > 5 AND b < 200) AND d IS NULL");
        assertQuery("SELECT id, (a > 3 AND b > 3) AS both_above FROM t WHERE id % 7 = 1 AND (a > 3 AND b > 3) IS NULL");
    }

    @Test
    void testComparisonsOfOneColumnShareAPass()
    {
        // each column's comparisons with constants are tested in one pass, also when other conjuncts come between
        assertQuery("SELECT id FROM t WHERE p >= 0.5 AND a < 7 AND p < 8.25 AND d > DATE '2024-02-01' AND d <= DATE '2024-12-31'");
        // a NULL column reads as 0 in the kernel: both bounds hold for 0, the row must still drop
        assertQuery("SELECT id FROM t WHERE a > -1 AND b < 700 AND a < 7");
        assertQuery("SELECT id FROM t WHERE b >= 0 AND b <= 999 AND b <> 7");
        // exact numerics of other scales and widths, and floating point
        assertQuery("SELECT id FROM t WHERE p > 0.5 AND p <= CAST(7.125 AS decimal(20,3)) AND p <> 3");
        assertQuery("SELECT id FROM t WHERE x > -12.5 AND s <> 'x1' AND x < 30.25 AND x <> 0");
        // the pass of a's comparisons still comes before the division it guards
        assertQuery("SELECT id FROM t WHERE a <> 0 AND 100 / a > 20 AND a < 8");
    }

    @Test
    void testEarlierConjunctsGuardLaterOnes()
    {
        // a = 0 (and NULL) rows never reach the division
        assertQuery("SELECT id FROM t WHERE a <> 0 AND 100 / a > 20 AND b > 10");
        assertQuery("SELECT id FROM t WHERE a IS NOT NULL AND a <> 0 AND b % a = 0 AND p * 2 > 1");
    }
}
