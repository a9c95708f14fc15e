package io.basin.lake;

import io.basin.embedded.BasinSession;
import io.basin.testing.BaseTpchOracleTest;
import io.basin.testing.ExplainAnalyzeOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys of a join's build side reach the lake scan on its probe side as a dynamic filter, as
 * their range: the workers return only the rows in it (as many as PostgreSQL counts), nothing for an
 * empty build, and every row when the keys span the column; the answers equal PostgreSQL's.
 */
class TestLakeDynamicFilters
        extends BaseTpchOracleTest
{
    @BeforeAll
    void setUp()
    {
        BasinSession session = basin.session();
        session.execute("CREATE SCHEMA lake.filtered");
        for (String table : new String[] {"lineitem", "part", "supplier", "orders"}) {
            session.execute("CREATE TABLE lake.filtered.%s AS SELECT * FROM tpch.tiny.%s".formatted(table, table));
        }
        session.execute("SET search_path = \"lake.filtered\"");
    }

    @Test
    void testNarrowKeyRangeFiltersTheProbeScan()
    {
        // the first hundred orders: their keys' range is a sliver of lineitem's, which the workers keep
        String build = "SELECT o_orderkey FROM orders ORDER BY o_orderkey LIMIT 100";
        String query = "SELECT count(*), sum(l_extendedprice) FROM lineitem JOIN (%s) o ON l_orderkey = o.o_orderkey".formatted(build);
        assertions.assertQuery(basin.session(), query, query);
        long inRange = count("SELECT count(*) FROM lineitem WHERE l_orderkey BETWEEN (SELECT min(o_orderkey) FROM (%s) b) AND (SELECT max(o_orderkey) FROM (%s) b)".formatted(build, build));
        Map<String, Long> metrics = lineitemScanMetrics(query);
        long all = count("SELECT count(*) FROM lineitem");
        assertThat(inRange).isPositive().isLessThan(all / 10);
        // lineitem is written in order key order: the pages outside the range are skipped unread
        assertThat(metrics.get("rows scanned")).isLessThan(all).isGreaterThanOrEqualTo(inRange);
        assertThat(metrics).containsEntry("rows returned", inRange);
    }

    @Test
    void testThroughAnAggregationAndWithSemiJoins()
    {
        // TPC-H Q18's shape: the orders of large quantity, their lineitems through a group by
        assertions.assertQuery(basin.session(), """
                SELECT o_orderkey, sum(l_quantity) FROM orders JOIN lineitem ON o_orderkey = l_orderkey
                WHERE o_orderkey IN (SELECT l_orderkey FROM lineitem GROUP BY l_orderkey HAVING sum(l_quantity) > 250)
                GROUP BY o_orderkey ORDER BY o_orderkey""");
        // the suppliers of one nation, through a semi join: the rows within their keys' range
        String suppliers = "SELECT s_suppkey FROM supplier WHERE s_nationkey = 7";
        String semi = "SELECT count(*) FROM lineitem WHERE l_suppkey IN (%s)".formatted(suppliers);
        assertions.assertQuery(basin.session(), semi, semi);
        assertThat(lineitemScanMetrics(semi)).containsEntry("rows returned",
                count("SELECT count(*) FROM lineitem WHERE l_suppkey BETWEEN (SELECT min(s_suppkey) FROM (%s) s) AND (SELECT max(s_suppkey) FROM (%s) s)".formatted(suppliers, suppliers)));
        // a left join keeps every lineitem row: no filter on its scan
        String left = "SELECT count(*), count(s_suppkey) FROM lineitem LEFT JOIN (SELECT * FROM supplier WHERE s_nationkey = 7) s ON l_suppkey = s_suppkey";
        assertions.assertQuery(basin.session(), left, left);
        assertThat(lineitemScanMetrics(left)).containsEntry("rows returned", count("SELECT count(*) FROM lineitem"));
    }

    @Test
    void testEmptyAndCoveringBuilds()
    {
        // no part qualifies: the scan returns nothing
        String empty = "SELECT count(*) FROM lineitem JOIN part ON l_partkey = p_partkey WHERE p_size > 1000";
        assertions.assertQuery(basin.session(), empty, empty);
        assertThat(lineitemScanMetrics(empty)).containsEntry("rows returned", 0L);
        // every supplier: every lineitem row can join, and every one is returned
        String all = "SELECT count(*), sum(l_quantity) FROM lineitem JOIN supplier ON l_suppkey = s_suppkey";
        assertions.assertQuery(basin.session(), all, all);
        assertThat(lineitemScanMetrics(all)).containsEntry("rows returned", count("SELECT count(*) FROM lineitem"));
    }

    private Map<String, Long> lineitemScanMetrics(String query)
    {
        ExplainAnalyzeOutput explain = ExplainAnalyzeOutput.run(basin.session(), query);
        return explain.scan("lake.filtered.lineitem").connectorMetrics();
    }

    private long count(String postgresQuery)
    {
        return ((Number) assertions.queryPostgres(postgresQuery).getFirst().getFirst()).longValue();
    }
}
