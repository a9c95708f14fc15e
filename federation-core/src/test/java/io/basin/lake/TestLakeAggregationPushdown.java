package io.basin.lake;

import io.basin.embedded.BasinSession;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingBasin;
import io.basin.testing.TestingPostgreSqlServer;
import io.basin.testing.TpchPostgresLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Aggregations pushed into lake scans: count(*), min and max answered from Iceberg metadata when
 * that is exact (and only then), and count, sum, min, max, avg with GROUP BY computed as partial
 * results inside the scan workers. Every answer is compared with PostgreSQL's on the same data;
 * whether data files were opened is read from {@code lake_system.scan_summary}.
 */
@TestInstance(PER_CLASS)
class TestLakeAggregationPushdown
{
    private static final double SCALE_FACTOR = 0.01;

    private TestingBasin basin;
    private QueryAssertions assertions;
    private String schema;

    @BeforeAll
    void setUp()
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        String schema = TpchPostgresLoader.load(postgres, SCALE_FACTOR);
        assertions = new QueryAssertions(postgres, schema);
        basin = new TestingBasin();
        BasinSession session = basin.session();
        session.execute("CREATE SCHEMA lake." + schema);
        session.execute("CREATE TABLE lake.%s.lineitem AS SELECT * FROM tpch.%s.lineitem".formatted(schema, schema));
        session.execute("CREATE TABLE lake.%s.orders PARTITIONED BY (o_orderstatus) AS SELECT * FROM tpch.%s.orders".formatted(schema, schema));
        // the same orders as ORC files, in a second lake catalog
        java.nio.file.Path orcLake = basin.dataDirectory().resolve("orclake");
        basin.basin().engine().connectors().createCatalog("orclake", "iceberg", java.util.Map.of(
                "iceberg.catalog.uri", "jdbc:sqlite:" + orcLake.resolve("catalog.db"),
                "iceberg.warehouse", orcLake.resolve("warehouse").toUri().toString(),
                "iceberg.file-format", "orc"));
        session.execute("CREATE SCHEMA orclake." + schema);
        session.execute("CREATE TABLE orclake.%s.orders PARTITIONED BY (o_orderstatus) AS SELECT * FROM tpch.%s.orders".formatted(schema, schema));
        this.schema = schema;
        session.execute("SET search_path = \"lake.%s\"".formatted(schema));
        // values with NULLs in keys and aggregated columns, of several types
        assertions.executeOnPostgres("DROP TABLE IF EXISTS lake_agg_values");
        assertions.executeInBoth(session, "CREATE TABLE lake_agg_values (k varchar(10), g integer, i integer, b bigint, d decimal(12, 2), w decimal(30, 4), x double precision, s varchar(40), t date)");
        assertions.executeInBoth(session, """
                INSERT INTO lake_agg_values VALUES
                ('a', 1, 1, 10, 1.25, 100000000000000000000.5, 0.5, 'pear', DATE '2024-01-01'),
                ('a', 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                ('a', 2, -7, 9000000000000000000, -3.10, -0.0001, -2.25, 'apple', DATE '1970-01-01'),
                (NULL, NULL, 4, -5, 0.01, 12.3456, 1e10, 'zebra', DATE '2030-12-31'),
                (NULL, 3, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                ('b', 3, 2147483647, -9000000000000000000, 9999999999.99, 99999999999999999999999999.9999, 3.5, '', DATE '1969-07-20')""");
        assertions.executeInBoth(session, "INSERT INTO lake_agg_values VALUES ('c', NULL, 5, 6, 7.00, 8.0000, 9.0, 'kiwi', DATE '2000-02-29')");
        // strings longer than the 16 characters Iceberg keeps of string bounds by default
        assertions.executeOnPostgres("DROP TABLE IF EXISTS lake_long_strings");
        assertions.executeInBoth(session, "CREATE TABLE lake_long_strings (s varchar(60), n integer)");
        assertions.executeInBoth(session, "INSERT INTO lake_long_strings VALUES ('the quick brown fox jumps', 1), ('the quick brown fox sleeps', 2), ('the quick brown fox eats', 3), ('short', 4)");
    }

    @AfterAll
    void tearDown()
            throws SQLException
    {
        if (assertions != null) {
            assertions.executeOnPostgres("DROP TABLE IF EXISTS lake_agg_values");
            assertions.executeOnPostgres("DROP TABLE IF EXISTS lake_long_strings");
            assertions.close();
        }
        if (basin != null) {
            basin.close();
        }
    }

    private BasinSession session()
    {
        return basin.session();
    }

    @Test
    void testCountMinMaxAnsweredFromMetadata()
    {
        String query = "SELECT count(*), min(l_orderkey), max(l_orderkey), min(l_shipdate), max(l_receiptdate), min(l_quantity), max(l_extendedprice), max(l_returnflag), count(l_tax) FROM lineitem";
        assertThat(explain(query)).contains("answered from metadata");
        assertions.assertQuery(session(), query);
        LakeScanSummary scan = lastScan("lineitem");
        assertThat(scan.metadataAnswer()).isTrue();
        assertThat(scan.filesTotal()).isPositive();
        assertThat(scan.filesRead()).isZero();

        // a filter on the identity partition column selects whole files: still exact
        String partitionQuery = "SELECT count(*), min(o_orderdate), max(o_totalprice) FROM orders WHERE o_orderstatus = 'F'";
        assertThat(explain(partitionQuery)).contains("answered from metadata");
        assertions.assertQuery(session(), partitionQuery);
        assertThat(lastScan("orders").filesRead()).isZero();
        assertions.assertQuery(session(), "SELECT count(*) FROM orders WHERE o_orderstatus IN ('O', 'P')");
        assertThat(lastScan("orders").metadataAnswer()).isTrue();

        // nulls only count where they should; min/max skip them
        String nullQuery = "SELECT count(*), count(i), min(i), max(b), min(d), max(w), min(t), max(t), min(k) FROM lake_agg_values";
        assertions.assertQuery(session(), nullQuery);
        assertThat(lastScan("lake_agg_values").metadataAnswer()).isTrue();
        assertThat(lastScan("lake_agg_values").filesRead()).isZero();
    }

    @Test
    void testMetadataIsNotUsedWhenInexact()
    {
        // the bounds of s are truncated to 16 characters by Iceberg's default metrics
        String truncated = "SELECT max(s) FROM lake_long_strings";
        assertThat(explain(truncated)).doesNotContain("answered from metadata");
        assertions.assertQuery(session(), truncated);
        LakeScanSummary scan = lastScan("lake_long_strings");
        assertThat(scan.metadataAnswer()).isFalse();
        assertThat(scan.filesRead()).isPositive();
        assertions.assertQuery(session(), "SELECT min(s), count(*) FROM lake_long_strings WHERE n < 4");
        // ... while a short bound is the value itself
        assertions.assertQuery(session(), "SELECT max(n), count(*) FROM lake_long_strings");
        assertThat(lastScan("lake_long_strings").metadataAnswer()).isTrue();

        // a filter on a column that is not a partition column: files hold rows on both sides
        String unaligned = "SELECT count(*), max(o_totalprice) FROM orders WHERE o_totalprice > 100000";
        assertThat(explain(unaligned)).doesNotContain("answered from metadata");
        assertions.assertQuery(session(), unaligned);
        assertThat(lastScan("orders").metadataAnswer()).isFalse();
        assertThat(lastScan("orders").filesRead()).isPositive();

        // sums are never in the metadata
        assertions.assertQuery(session(), "SELECT count(*), sum(o_totalprice) FROM orders WHERE o_orderstatus = 'F'");
        assertThat(lastScan("orders").metadataAnswer()).isFalse();
    }

    @Test
    void testDateFilterWithTimestampLiteralIsPushed()
    {
        // q1's filter: DATE - INTERVAL is a timestamp, so the column is compared as CAST(l_shipdate AS timestamp)
        String q1 = """
                SELECT l_returnflag, l_linestatus, sum(l_quantity), sum(l_extendedprice), sum(l_extendedprice * (1 - l_discount)),
                       sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)), avg(l_quantity), avg(l_extendedprice), avg(l_discount), count(*)
                FROM lineitem WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY
                GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus""";
        assertThat(explain(q1)).contains("predicate=(l_shipdate in");
        assertions.assertQuery(session(), q1);
        // with the filter now exact, aggregates of columns go into the workers under it
        String columns = "SELECT l_returnflag, count(*), sum(l_quantity) FROM lineitem WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY GROUP BY l_returnflag";
        assertThat(explain(columns)).contains("partial aggregation[keys=[l_returnflag]").contains("predicate=(l_shipdate in");
        assertions.assertQuery(session(), columns);
        // not at midnight: < becomes <= the day, >= becomes > the day
        for (String filter : java.util.List.of("l_shipdate < TIMESTAMP '1998-08-02 12:00:00'", "l_shipdate >= TIMESTAMP '1998-08-02 00:00:00.000001'",
                "TIMESTAMP '1992-03-01 23:59:59.999999' > l_shipdate", "l_shipdate = TIMESTAMP '1995-06-17 00:00:00'")) {
            String query = "SELECT count(*), sum(l_quantity) FROM lineitem WHERE " + filter;
            assertThat(explain(query)).as(filter).contains("predicate=(l_shipdate in");
            assertions.assertQuery(session(), query);
        }
    }

    @Test
    void testPartialAggregationInTheWorkers()
    {
        String query = """
                SELECT l_returnflag, l_linestatus, count(*), sum(l_quantity), sum(l_extendedprice), avg(l_discount), avg(l_quantity),
                       min(l_shipdate), max(l_commitdate), count(l_comment), min(l_shipmode), max(l_linenumber), avg(l_partkey)
                FROM lineitem WHERE l_shipdate <= DATE '1998-09-02' GROUP BY l_returnflag, l_linestatus""";
        assertThat(explain(query)).contains("partial aggregation[keys=[l_returnflag, l_linestatus]").contains("predicate=(l_shipdate");
        assertions.assertQuery(session(), query);
        LakeScanSummary scan = lastScan("lineitem");
        assertThat(scan.metadataAnswer()).isFalse();
        assertThat(scan.rowsScanned()).isEqualTo(((Number) assertions.queryPostgres("SELECT count(*) FROM lineitem").getFirst().getFirst()).longValue());
        // partial results only: a few groups per file range
        assertThat(scan.rowsReturned()).isLessThan(100);

        // many groups: a key whose range allows a group per two rows or fewer stays in the engine
        String manyGroups = "SELECT l_orderkey, count(*), sum(l_quantity), max(l_partkey), avg(l_tax) FROM lineitem GROUP BY l_orderkey";
        assertThat(explain(manyGroups)).doesNotContain("partial aggregation");
        assertions.assertQuery(session(), manyGroups);
        String pairs = "SELECT l_partkey, l_suppkey, sum(l_quantity) FROM lineitem WHERE l_shipdate >= DATE '1994-01-01' GROUP BY l_partkey, l_suppkey";
        assertThat(explain(pairs)).doesNotContain("partial aggregation");
        assertions.assertQuery(session(), pairs);
        // a key with a narrow range still aggregates in the workers
        String fewGroups = "SELECT l_linenumber, count(*), sum(l_quantity) FROM lineitem GROUP BY l_linenumber";
        assertThat(explain(fewGroups)).contains("partial aggregation[keys=[l_linenumber]");
        assertions.assertQuery(session(), fewGroups);
        assertions.assertQuery(session(), "SELECT o_custkey, o_orderstatus, count(*), sum(o_totalprice), min(o_orderdate) FROM orders WHERE o_orderdate >= DATE '1995-01-01' GROUP BY o_custkey, o_orderstatus");
        // no rows at all: global aggregates still give one row, grouped ones none
        assertions.assertQuery(session(), "SELECT count(*), sum(l_quantity), avg(l_quantity), min(l_shipdate), count(l_comment) FROM lineitem WHERE l_quantity > 1000");
        assertions.assertQuery(session(), "SELECT l_returnflag, count(*), sum(l_quantity) FROM lineitem WHERE l_quantity > 1000 GROUP BY l_returnflag");
    }

    @Test
    void testPartialAggregationWithNullsAndTypes()
    {
        assertions.assertQuery(session(), "SELECT k, count(*), count(i), sum(i), sum(b), sum(d), sum(w), sum(x), avg(i), avg(b), avg(d), avg(w), avg(x), min(s), max(s), min(t), max(x) FROM lake_agg_values GROUP BY k");
        assertions.assertQuery(session(), "SELECT g, k, count(*), sum(d), avg(i) FROM lake_agg_values GROUP BY g, k");
        assertions.assertQuery(session(), "SELECT sum(i), sum(b), sum(d), sum(w), avg(i), avg(b), avg(d), avg(w), avg(x) FROM lake_agg_values");
        assertions.assertQuery(session(), "SELECT k, sum(d), count(*) FROM lake_agg_values WHERE g IS NULL GROUP BY k");
        assertions.assertQuery(session(), "SELECT k, max(s), count(*) FROM lake_agg_values WHERE i IN (1, 4, 5) OR i IS NULL GROUP BY k");
        assertThat(explain("SELECT k, sum(d) FROM lake_agg_values GROUP BY k")).contains("partial aggregation");
    }

    @Test
    void testOrcFiles()
    {
        String orders = "orclake.%s.orders".formatted(schema);
        String metadataQuery = "SELECT count(*), min(o_orderdate), max(o_totalprice), count(o_comment) FROM %s WHERE o_orderstatus = 'O'";
        assertThat(explain(metadataQuery.formatted(orders))).contains("answered from metadata");
        assertions.assertQuery(session(), metadataQuery.formatted(orders), metadataQuery.formatted("orders"));
        String partialQuery = "SELECT o_orderpriority, count(*), sum(o_totalprice), avg(o_shippriority), max(o_clerk) FROM %s WHERE o_orderdate < DATE '1995-06-01' GROUP BY o_orderpriority";
        assertThat(explain(partialQuery.formatted(orders))).contains("partial aggregation");
        assertions.assertQuery(session(), partialQuery.formatted(orders), partialQuery.formatted("orders"));
    }

    @Test
    void testAggregatesOfArithmeticStayInTheEngineWhenTurnedOff()
    {
        String q6 = "SELECT sum(l_extendedprice * l_discount) FROM lineitem WHERE l_quantity < 24";
        assertThat(explain(q6)).contains("sum((l_extendedprice * l_discount))");
        session().execute("SET aggregate_expression_pushdown = off");
        try {
            assertThat(explain(q6)).doesNotContain("sum((l_extendedprice * l_discount))");
            assertions.assertQuery(session(), q6);
        }
        finally {
            session().execute("RESET aggregate_expression_pushdown");
        }
    }

    @Test
    void testAggregatesOfArithmeticInTheWorkers()
    {
        // pushed by default: the workers' aggregation is as fast as the engine's (benchmarks/README.md)
        assertThat(session().execute("SHOW aggregate_expression_pushdown").onlyValue()).isEqualTo("on");
        String q1 = """
                SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price,
                       sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price, sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge,
                       avg(l_quantity) AS avg_qty, avg(l_extendedprice) AS avg_price, avg(l_discount) AS avg_disc, count(*) AS count_order
                FROM lineitem WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY
                GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus""";
        assertThat(explain(q1)).contains("partial aggregation[keys=[l_returnflag, l_linestatus]")
                .contains("sum((l_extendedprice * (1 - l_discount)))")
                .contains("sum(((l_extendedprice * (1 - l_discount)) * (1 + l_tax)))");
        assertions.assertQuery(session(), q1);
        LakeScanSummary scan = lastScan("lineitem");
        assertThat(scan.rowsScanned()).isGreaterThan(10_000);
        assertThat(scan.rowsReturned()).isLessThan(100);

        String q6 = """
                SELECT sum(l_extendedprice * l_discount) AS revenue FROM lineitem
                WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1994-01-01' + INTERVAL '1' YEAR
                  AND l_discount BETWEEN 0.06 - 0.01 AND 0.06 + 0.01 AND l_quantity < 24""";
        assertThat(explain(q6)).contains("partial aggregation[sum((l_extendedprice * l_discount))]");
        assertions.assertQuery(session(), q6);
        scan = lastScan("lineitem");
        assertThat(scan.rowsScanned()).isGreaterThan(1_000);
        assertThat(scan.rowsReturned()).isLessThan(20);

        // NULLs, integers, casts that round half away from zero, several expressions over the same columns
        String values = """
                SELECT k, sum(i - 1), sum(b - 1), sum(d * d), sum(CAST(i AS decimal(12, 2)) * d), avg(d - 1), min(d * 3), max(i - 2), count(d + w),
                       sum(CAST(d AS decimal(12, 1))), sum(CAST(w AS decimal(28, 1))), max(CAST(i AS bigint) * 3)
                FROM lake_agg_values GROUP BY k""";
        assertThat(explain(values)).contains("partial aggregation[keys=[k]").contains("sum(CAST(d AS decimal(12,1)))");
        assertions.assertQuery(session(), values);
        assertions.assertQuery(session(), "SELECT sum(d * 2.5), sum(w - d), avg(i * 2 - 3) FROM lake_agg_values WHERE i < 10");
    }

    @Test
    void testOverflowInAPushedExpressionIsTheEngineError()
    {
        // b * 2 overflows bigint and w * w exceeds 38 digits: the same SQLSTATE with and without the workers computing them
        for (String query : java.util.List.of("SELECT k, sum(b * 2) FROM lake_agg_values GROUP BY k", "SELECT sum(w * w) FROM lake_agg_values")) {
            assertThat(explain(query)).as(query).contains("partial aggregation");
            String pushed = sqlStateOf(query);
            session().execute("SET scan_pushdown = off");
            try {
                assertThat(explain(query)).as(query).doesNotContain("partial aggregation");
                assertThat(sqlStateOf(query)).as(query).isEqualTo(pushed);
            }
            finally {
                session().execute("SET scan_pushdown = on");
            }
            assertThat(pushed).as(query).isEqualTo("22003");
        }
    }

    private String sqlStateOf(String query)
    {
        try {
            session().execute(query);
        }
        catch (io.basin.error.BasinException e) {
            return e.sqlState();
        }
        throw new AssertionError("expected " + query + " to fail");
    }

    @Test
    void testPushdownCanBeSwitchedOff()
    {
        String query = "SELECT l_returnflag, count(*), sum(l_quantity) FROM lineitem GROUP BY l_returnflag";
        session().execute("SET scan_pushdown = off");
        try {
            assertThat(explain(query)).doesNotContain("partial aggregation");
            assertions.assertQuery(session(), query);
        }
        finally {
            session().execute("SET scan_pushdown = on");
        }
        assertThat(explain(query)).contains("partial aggregation");
    }

    private String explain(String query)
    {
        return String.join("\n", session().execute("EXPLAIN " + query).rows().stream().map(row -> String.valueOf(row.getFirst())).toList());
    }

    private LakeScanSummary lastScan(String table)
    {
        return LakeScanSummary.lastScan(session(), table);
    }
}
