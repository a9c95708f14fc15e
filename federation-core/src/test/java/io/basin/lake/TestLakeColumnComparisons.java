package io.basin.lake;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A filter comparing two columns of a lake table ({@code l_commitdate < l_receiptdate}) is
 * applied by the scan workers: EXPLAIN shows it in the scan, only matching rows leave the fleet,
 * and the rows are PostgreSQL's for every operator and type the workers compare, with NULLs on
 * either side. Comparisons the workers do not take (other types, mixed types) stay in the engine.
 * DELETE by a comparison deletes the rows PostgreSQL deletes.
 */
class TestLakeColumnComparisons
        extends BasePostgresOracleTest
{
    private static final List<String> OPERATORS = List.of("<", "<=", ">", ">=", "=", "<>");
    // column pairs of one type the workers compare as longs
    private static final List<String> PAIRS = List.of("a, b", "i, j", "d1, d2", "p, q", "t1, t2");
    private static final int ROWS = 400;

    @Override
    protected void createTables()
    {
        session().execute("CREATE SCHEMA lake.col_cmp");
        String columns = "(id integer, a bigint, b bigint, i integer, j integer, d1 date, d2 date, p decimal(12,2), q decimal(12,2), "
                + "t1 timestamp, t2 timestamp, x double precision, y double precision, s varchar, u varchar)";
        session().execute("CREATE TABLE lake.col_cmp.pairs " + columns.replace("double precision", "double"));
        assertions().executeOnPostgres("CREATE TABLE pairs " + columns);
        Random random = new Random(29);
        List<String> rows = new ArrayList<>();
        for (int id = 0; id < ROWS; id++) {
            List<String> values = new ArrayList<>(List.of(String.valueOf(id)));
            // small ranges, so that many pairs are equal; NULL now and then on either side
            values.add(value(random, id, 3, String.valueOf(random.nextInt(7) - 3)));
            values.add(value(random, id, 5, String.valueOf(random.nextInt(7) - 3)));
            values.add(value(random, id, 4, String.valueOf(random.nextInt(5))));
            values.add(value(random, id, 6, String.valueOf(random.nextInt(5))));
            values.add(value(random, id, 7, "DATE '1998-09-0%d'".formatted(1 + random.nextInt(5))));
            values.add(value(random, id, 9, "DATE '1998-09-0%d'".formatted(1 + random.nextInt(5))));
            values.add(value(random, id, 8, "%d.%02d".formatted(random.nextInt(3), random.nextInt(3) * 50)));
            values.add(value(random, id, 10, "%d.%02d".formatted(random.nextInt(3), random.nextInt(3) * 50)));
            values.add(value(random, id, 11, "TIMESTAMP '1998-09-02 0%d:00:00.00000%d'".formatted(random.nextInt(3), random.nextInt(2))));
            values.add(value(random, id, 12, "TIMESTAMP '1998-09-02 0%d:00:00.00000%d'".formatted(random.nextInt(3), random.nextInt(2))));
            values.add(value(random, id, 13, "%d.5".formatted(random.nextInt(4))));
            values.add(value(random, id, 14, "%d.5".formatted(random.nextInt(4))));
            values.add(value(random, id, 15, "'%c'".formatted((char) ('a' + random.nextInt(3)))));
            values.add(value(random, id, 16, "'%c'".formatted((char) ('a' + random.nextInt(3)))));
            rows.add("(" + String.join(", ", values) + ")");
        }
        session().execute("INSERT INTO lake.col_cmp.pairs VALUES " + String.join(", ", rows));
        assertions().executeOnPostgres("INSERT INTO pairs VALUES " + String.join(", ", rows));
    }

    private static String value(Random random, int id, int nullEvery, String value)
    {
        return id % nullEvery == 1 ? "NULL" : value;
    }

    @Test
    void testEveryOperatorOnEveryPushedType()
    {
        for (String pair : PAIRS) {
            String left = pair.split(", ")[0];
            String right = pair.split(", ")[1];
            for (String operator : OPERATORS) {
                String comparison = left + " " + operator + " " + right;
                assertThat(explain("SELECT id FROM lake.col_cmp.pairs WHERE " + comparison)).contains("comparisons=(" + comparison + ")").doesNotContain("Filter[");
                assertQuery("SELECT id FROM lake.col_cmp.pairs WHERE " + comparison, "SELECT id FROM pairs WHERE " + comparison);
                // with a domain on another column, and two comparisons at once
                assertQuery("SELECT id, " + left + " FROM lake.col_cmp.pairs WHERE id >= 100 AND " + comparison + " AND a <= b",
                        "SELECT id, " + left + " FROM pairs WHERE id >= 100 AND " + comparison + " AND a <= b");
                // in a projection NULL stays NULL: not a filter, nothing pushed
                assertQuery("SELECT id, " + comparison + " FROM lake.col_cmp.pairs", "SELECT id, " + comparison + " FROM pairs");
            }
        }
    }

    @Test
    void testComparisonRunsInTheScan()
    {
        String plan = explain("SELECT id FROM lake.col_cmp.pairs WHERE d1 < d2 AND id < 300");
        assertThat(plan).contains("comparisons=(d1 < d2)");
        assertThat(plan).doesNotContain("Filter[");
        // the columns only the comparison needs are not handed to the engine
        assertThat(plan).contains("columns=[id]");
        long expected = ((Number) assertions().queryPostgres("SELECT count(*) FROM pairs WHERE d1 < d2 AND id < 300").getFirst().getFirst()).longValue();
        assertThat(session().execute("SELECT id FROM lake.col_cmp.pairs WHERE d1 < d2 AND id < 300").rows()).hasSize((int) expected);
        LakeScanSummary scan = LakeScanSummary.lastScan(session(), "pairs");
        assertThat(scan.rowsScanned()).isEqualTo(ROWS);
        assertThat(scan.rowsReturned()).isEqualTo(expected);
    }

    @Test
    void testComparisonsTheWorkersDoNotTakeStayInTheEngine()
    {
        // doubles, strings and a bigint against an integer (compared after a cast)
        for (String comparison : List.of("x < y", "s < u", "a < i", "x = y", "s <> u")) {
            String plan = explain("SELECT id FROM lake.col_cmp.pairs WHERE " + comparison);
            assertThat(plan).as(comparison).contains("Filter[").doesNotContain("comparisons=");
            assertQuery("SELECT id FROM lake.col_cmp.pairs WHERE " + comparison, "SELECT id FROM pairs WHERE " + comparison);
        }
        // taken beside one that is not
        String plan = explain("SELECT id FROM lake.col_cmp.pairs WHERE p <= q AND x < y");
        assertThat(plan).contains("comparisons=(p <= q)").contains("Filter[");
        assertQuery("SELECT id FROM lake.col_cmp.pairs WHERE p <= q AND x < y", "SELECT id FROM pairs WHERE p <= q AND x < y");
    }

    @Test
    void testAggregatesOverComparedRows()
    {
        // pushed into the workers with the comparison; never answered from the table's metadata
        assertQuery("SELECT count(*), min(a), max(b), sum(p) FROM lake.col_cmp.pairs WHERE i < j",
                "SELECT count(*), min(a), max(b), sum(p) FROM pairs WHERE i < j");
        assertThat(LakeScanSummary.lastScan(session(), "pairs").metadataAnswer()).isFalse();
        assertQuery("SELECT i, count(*) FROM lake.col_cmp.pairs WHERE t1 >= t2 GROUP BY i", "SELECT i, count(*) FROM pairs WHERE t1 >= t2 GROUP BY i");
    }

    @Test
    void testDeleteByComparison()
    {
        // a copy in each engine, so that the other tests keep every row
        session().execute("CREATE TABLE lake.col_cmp.pairs_del AS SELECT * FROM lake.col_cmp.pairs");
        assertions().executeOnPostgres("CREATE TABLE pairs_del AS SELECT * FROM pairs");
        // one pair of each pushed type, with and without domains beside it; NULLs on either side never match
        for (String where : List.of("a < b", "i >= j AND id < 200", "d1 = d2", "p <> q AND id BETWEEN 50 AND 350", "t1 > t2", "a <= b AND d1 <= d2")) {
            assertThat(explain("SELECT id FROM lake.col_cmp.pairs_del WHERE " + where)).as(where).contains("comparisons=(").doesNotContain("Filter[");
            long expected = ((Number) assertions().queryPostgres("SELECT count(*) FROM pairs_del WHERE " + where).getFirst().getFirst()).longValue();
            assertions().executeOnPostgres("DELETE FROM pairs_del WHERE " + where);
            long count = session().execute("DELETE FROM lake.col_cmp.pairs_del WHERE " + where).updateCount();
            assertThat(count).as(where).isEqualTo(expected);
            assertQuery("SELECT * FROM lake.col_cmp.pairs_del", "SELECT * FROM pairs_del");
        }
        // the rows a comparison accepted are gone: nothing is left to delete
        assertThat(session().execute("DELETE FROM lake.col_cmp.pairs_del WHERE a < b").updateCount()).isZero();
    }
}
