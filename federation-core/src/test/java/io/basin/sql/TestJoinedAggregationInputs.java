package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aggregations right over a join (or over a projection of one). The join hands the aggregation
 * its build columns as views of the build side's blocks instead of copies ({@code RowViews}), and
 * the grouping reads several keys column by column. Checked against PostgreSQL: string and number
 * keys taken from either side, NULL keys and values, a join filter that drops some pairs, outer
 * joins, grouping sets, DISTINCT aggregates and a global aggregation.
 */
class TestJoinedAggregationInputs
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        FilteredRowsTable.statements("facts").forEach(this::executeInBoth);
        executeInBoth("CREATE TABLE dims (dk bigint, name varchar(30), city varchar(60), score integer, weight decimal(12,2))");
        executeInBoth("""
                INSERT INTO dims
                SELECT i,
                       CASE WHEN i % 19 = 0 THEN NULL ELSE 'name ' || CAST(i % 90 AS varchar) END,
                       'a city with a long name, number ' || CAST(i % 13 AS varchar),
                       CASE WHEN i % 7 = 0 THEN NULL ELSE CAST(i % 5 AS integer) END,
                       CAST(i AS decimal(12,2)) / 10
                FROM generate_series(0, 299) AS s(i)""");
    }

    @Test
    void testGroupingByBuildColumns()
    {
        String sql = "SELECT d.name, d.city, d.score, count(*), sum(f.price), sum(f.big), min(f.note) FROM facts f JOIN dims d ON f.k = d.dk GROUP BY d.name, d.city, d.score";
        assertThat(explain(sql)).containsPattern("Aggregate\\[[^\\n]*\\n\\s*└─ (Project\\[[^\\n]*\\n\\s*└─ )?Join");
        assertQuery(sql);
        // keys from both sides, and an expression over build columns
        assertQuery("SELECT f.flag, d.name, f.k2, sum(d.weight), avg(f.price), count(f.sparse) FROM facts f JOIN dims d ON f.k = d.dk GROUP BY f.flag, d.name, f.k2");
        assertQuery("SELECT d.city || '/' || f.flag AS place, sum(f.id * d.weight) FROM facts f JOIN dims d ON f.k = d.dk GROUP BY d.city || '/' || f.flag");
        // one string key, and a bigint key from the build side
        assertQuery("SELECT d.city, count(*), sum(f.id) FROM facts f JOIN dims d ON f.k = d.dk GROUP BY d.city");
        assertQuery("SELECT d.dk, d.name, sum(f.price) FROM facts f JOIN dims d ON f.k = d.dk WHERE f.id % 3 = 0 GROUP BY d.dk, d.name");
    }

    @Test
    void testJoinFiltersOuterJoinsAndGroupingSets()
    {
        // the join filter drops some pairs after the build rows are found
        assertQuery("SELECT d.name, d.score, count(*), sum(f.big) FROM facts f JOIN dims d ON f.k = d.dk AND f.k2 <> d.score GROUP BY d.name, d.score");
        assertQuery("SELECT d.city, f.flag, count(*), sum(f.price) FROM facts f LEFT JOIN dims d ON f.k = d.dk AND d.score > 1 GROUP BY d.city, f.flag");
        assertQuery("SELECT d.name, count(f.id), sum(f.price) FROM dims d LEFT JOIN facts f ON f.k = d.dk AND f.id < 3000 GROUP BY d.name");
        assertQuery("SELECT d.city, d.score, sum(f.id), count(*) FROM facts f JOIN dims d ON f.k = d.dk GROUP BY ROLLUP (d.city, d.score)");
        assertQuery("SELECT d.city, count(DISTINCT d.name), count(DISTINCT f.flag), sum(DISTINCT d.weight) FROM facts f JOIN dims d ON f.k = d.dk GROUP BY d.city");
        assertQuery("SELECT count(*), sum(d.weight), min(d.name), max(d.city) FROM facts f JOIN dims d ON f.k = d.dk");
    }
}
