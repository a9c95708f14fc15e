package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aggregations whose input is filtered right under them. Where the filter keeps at least half of
 * a page it hands the aggregation views of the rows it kept over the scanned blocks instead of
 * copies ({@code RowViews}); the grouping and the exact sums read bigint, short and long decimal
 * views directly, everything else through the blocks' own methods. Checked against PostgreSQL,
 * with NULL keys and values, and filters that keep most (views), few (copies), none or all of the
 * rows.
 */
class TestFilteredAggregationInputs
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        FilteredRowsTable.statements("facts").forEach(this::executeInBoth);
    }

    @Test
    void testGroupedAggregations()
    {
        String sql = "SELECT id % 50 AS g, count(*), sum(id), avg(id), sum(price), avg(price), sum(big), avg(big), sum(sparse) FROM facts WHERE id % 7 <> 3 GROUP BY id % 50";
        assertQuery(sql);
        // bigint keys without NULLs (read directly through the view), with NULLs, integer keys, string keys
        String byKey = "SELECT id, sum(price), count(note) FROM facts WHERE id % 5 <> 0 GROUP BY id";
        assertThat(explain(byKey)).containsPattern("Aggregate\\[[^\\n]*\\n\\s*└─ (Project\\[[^\\n]*\\n\\s*└─ )?Filter");
        assertQuery(byKey);
        assertQuery("SELECT k, count(*), sum(id), sum(big), min(note), max(price) FROM facts WHERE note NOT LIKE '%9%' GROUP BY k");
        assertQuery("SELECT k2, sum(k), avg(sparse), count(flag) FROM facts WHERE id > 100 GROUP BY k2");
        assertQuery("SELECT flag, k2, sum(id), sum(price), avg(big) FROM facts WHERE price < 150 GROUP BY flag, k2");
        // filters that keep a few rows, none, and all
        assertQuery("SELECT k, sum(id), sum(big) FROM facts WHERE id < 300 GROUP BY k");
        assertQuery("SELECT k, sum(id), sum(big) FROM facts WHERE id < 0 GROUP BY k");
        assertQuery("SELECT k2, sum(id), sum(big), sum(sparse) FROM facts WHERE id > 0 GROUP BY k2");
    }

    @Test
    void testGlobalAggregations()
    {
        assertQuery("SELECT count(*), sum(id), avg(id), sum(price), sum(big), avg(big), sum(sparse), min(note), max(flag) FROM facts WHERE id % 3 <> 1");
        assertQuery("SELECT sum(id), sum(big), count(price) FROM facts WHERE flag = 'f2' AND k > 10");
        assertQuery("SELECT sum(id), sum(big) FROM facts WHERE id < 0");
    }

    @Test
    void testDistinctFilteredAndGroupingSets()
    {
        assertQuery("SELECT k2, count(DISTINCT k), sum(DISTINCT price), count(DISTINCT flag) FROM facts WHERE id % 4 <> 0 GROUP BY k2");
        assertQuery("""
                SELECT k2, sum(id) FILTER (WHERE flag = 'f1'), sum(big) FILTER (WHERE price > 50), avg(price) FILTER (WHERE k < 100)
                FROM facts WHERE id % 9 <> 0 GROUP BY k2""");
        assertQuery("SELECT flag, k2, sum(id), sum(big), count(*) FROM facts WHERE id % 6 = 5 GROUP BY ROLLUP (flag, k2)");
        assertQuery("SELECT flag, k2, sum(price) FROM facts WHERE id % 8 < 5 GROUP BY GROUPING SETS ((flag), (k2), ())");
    }
}
