package io.basin.lake;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingPostgreSqlServer;
import io.basin.testing.TpchPostgresLoader;
import io.basin.testing.TpchQueries;
import io.trino.tpch.TpchTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Lake scans on remote worker processes ({@code basin spectrum-worker}), each its own JVM: TPC-H
 * SF 0.1 written as lake Parquet, the 22 queries through two workers compared with PostgreSQL,
 * also through an external lake schema, grouping queries whose partial aggregation the workers
 * run (seen in the rows they return), a worker killed with SIGKILL in the middle of a scan and of
 * an aggregation (the answer still matches, the failure shows in
 * {@code system.runtime.scan_workers}), and workers that are down from the start.
 */
@TestInstance(PER_CLASS)
class TestLakeRemoteWorkers
{
    private static final double SCALE_FACTOR = 0.1;
    // every row of lineitem counts: a row lost or returned twice changes the count or a sum
    private static final String LINEITEM_CHECKSUM = """
            SELECT count(*), sum(l_orderkey * 10 + l_linenumber), sum(l_extendedprice), sum(l_discount),
                   min(l_shipdate), max(l_comment), sum(length(l_comment)), count(DISTINCT l_partkey)
            FROM lineitem""";
    // TPC-H q1 with the aggregated expressions replaced by the columns they are made of: aggregates
    // of plain columns (an avg as a sum and a count) are what the workers compute
    private static final String Q1_COLUMNS = """
            SELECT l_returnflag, l_linestatus, sum(l_quantity), sum(l_extendedprice), avg(l_quantity), avg(l_extendedprice), avg(l_discount),
                   count(*), min(l_shipdate), max(l_comment), max(l_tax)
            FROM lineitem WHERE l_shipdate <= DATE '1998-09-02'
            GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus""";
    // q6's filter with the sums of plain columns
    private static final String Q6_COLUMNS = """
            SELECT sum(l_extendedprice), sum(l_discount), count(*), avg(l_quantity)
            FROM lineitem
            WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01' AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24""";
    private static final String AVG_BY_PRIORITY = """
            SELECT o_orderpriority, o_orderstatus, avg(o_totalprice), avg(o_shippriority), avg(o_custkey), count(o_comment), min(o_orderdate)
            FROM orders GROUP BY o_orderpriority, o_orderstatus""";
    private static final String MANY_GROUPS = "SELECT l_orderkey, count(*), sum(l_quantity), avg(l_extendedprice), max(l_shipmode) FROM lineitem GROUP BY l_orderkey";

    private Path dataDirectory;
    private String schema;
    private QueryAssertions assertions;
    private TestingScanWorker first;
    private TestingScanWorker second;

    @BeforeAll
    void setUp()
            throws Exception
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        schema = TpchPostgresLoader.load(postgres, SCALE_FACTOR);
        assertions = new QueryAssertions(postgres, schema);
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Files.createDirectories(temporary);
        dataDirectory = Files.createTempDirectory(temporary, "basin-remote-workers-");
        // the tables are written in process (writes never go through the scan fleet)
        withBasin(BasinConfig.defaults().withDataDirectory(dataDirectory), session -> {
            session.execute("CREATE SCHEMA lake." + schema);
            for (TpchTable<?> table : TpchTable.getTables()) {
                String name = table.getTableName();
                session.execute("CREATE TABLE lake.%s.%s AS SELECT * FROM tpch.%s.%s".formatted(schema, name, schema, name));
            }
        });
        first = TestingScanWorker.start();
        second = TestingScanWorker.start();
    }

    @AfterAll
    void tearDown()
            throws Exception
    {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (assertions != null) {
            assertions.close();
        }
        io.basin.testing.TestingDirectories.deleteRecursively(dataDirectory);
    }

    @Test
    void testTpchQueriesOnTwoWorkers()
    {
        withWorkers(List.of(first.address(), second.address()), false, session -> {
            for (int number : TpchQueries.queryNumbers()) {
                assertions.assertQuery(session, TpchQueries.query(number));
            }
            assertions.assertQuery(session, LINEITEM_CHECKSUM);
            // both workers took part, and none failed
            List<List<Object>> workers = session.execute("SELECT worker, state, tasks_finished, rows_returned, failures FROM system.runtime.scan_workers WHERE catalog = 'lake' ORDER BY worker").rows();
            assertThat(workers).hasSize(2);
            assertThat(workers).allSatisfy(row -> {
                assertThat(row.get(1)).isEqualTo("up");
                assertThat((Long) row.get(2)).isPositive();
                assertThat((Long) row.get(3)).isPositive();
                assertThat(row.get(4)).isEqualTo(0L);
            });

            // an external lake schema scans on the server's workers too
            Path lake = dataDirectory.resolve("lake");
            session.execute("CREATE EXTERNAL SCHEMA lake_ext FROM DATA CATALOG TYPE 'jdbc' DATABASE '%s' URI 'jdbc:sqlite:%s' CATALOG_NAME 'lake' WAREHOUSE '%s'"
                    .formatted(schema, lake.resolve("catalog.db"), lake.resolve("warehouse").toUri()));
            assertions.assertQuery(session, "SELECT o_orderkey, o_orderpriority, o_totalprice, o_comment FROM lake_ext.orders WHERE o_custkey < 500",
                    "SELECT o_orderkey, o_orderpriority, o_totalprice, o_comment FROM orders WHERE o_custkey < 500");
            assertions.assertQuery(session, "SELECT o_orderpriority, count(*), avg(o_totalprice) FROM lake_ext.orders WHERE o_custkey < 500 GROUP BY o_orderpriority",
                    "SELECT o_orderpriority, count(*), avg(o_totalprice) FROM orders WHERE o_custkey < 500 GROUP BY o_orderpriority");
            List<List<Object>> external = session.execute("SELECT catalog, sum(tasks_finished) FROM system.runtime.scan_workers WHERE catalog <> 'lake' GROUP BY catalog").rows();
            assertThat(external).hasSize(1);
            assertThat((Long) external.getFirst().get(1)).isPositive();
            session.execute("SET search_path = public");
            session.execute("DROP SCHEMA lake_ext");
        });
    }

    @Test
    void testPartialAggregationOnTwoWorkers()
    {
        withWorkers(List.of(first.address(), second.address()), false, session -> {
            // q1 and q6 themselves aggregate arithmetic of columns, which the workers evaluate too
            // a group per few rows stays in the engine: the workers would return nearly every row anyway
            assertThat(explain(session, MANY_GROUPS)).doesNotContain("partial aggregation");
            assertions.assertQuery(session, MANY_GROUPS);
            for (String query : List.of(TpchQueries.query(1), TpchQueries.query(6), Q1_COLUMNS, Q6_COLUMNS, AVG_BY_PRIORITY)) {
                assertThat(explain(session, query)).contains("partial aggregation");
                WorkerTotals before = WorkerTotals.of(session);
                assertions.assertQuery(session, query);
                WorkerTotals after = WorkerTotals.of(session);
                LakeScanSummary scan = LakeScanSummary.lastScan(session, query.contains("FROM orders") ? "orders" : "lineitem");
                // the rows the workers sent back are the scan's partial results: they aggregated
                assertThat(after.tasksFinished() - before.tasksFinished()).as(query).isPositive();
                assertThat(after.rowsReturned() - before.rowsReturned()).as(query).isEqualTo(scan.rowsReturned());
                assertThat(scan.rowsScanned()).as(query).isPositive();
                assertThat(after.failures()).isEqualTo(before.failures());
                // a few groups per file range instead of the rows
                assertThat(scan.rowsReturned()).as(query).isLessThan(200).isLessThan(scan.rowsScanned() / 100);
            }
            // an expression that overflows on a worker fails the query with the engine's SQLSTATE, as when the engine computes it
            String overflowing = "SELECT l_returnflag, sum(l_orderkey * 4000000000000000) FROM lineitem GROUP BY l_returnflag";
            assertThat(explain(session, overflowing)).contains("partial aggregation");
            assertThatThrownBy(() -> session.execute(overflowing))
                    .isInstanceOfSatisfying(io.basin.error.BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("22003"));
            session.execute("SET scan_pushdown = off");
            try {
                assertThatThrownBy(() -> session.execute(overflowing))
                        .isInstanceOfSatisfying(io.basin.error.BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("22003"));
            }
            finally {
                session.execute("SET scan_pushdown = on");
            }
        });
    }

    @Test
    void testWorkerKilledMidAggregationIsRetriedOnTheOther()
            throws Exception
    {
        // sends the partial results of its first file range, then hangs before finishing it
        try (TestingScanWorker doomed = TestingScanWorker.stallingAfter(1)) {
            withWorkers(List.of(doomed.address(), second.address()), false, session -> {
                assertQuerySurvivesKilledWorker(session, doomed, Q1_COLUMNS);
                assertions.assertQuery(session, AVG_BY_PRIORITY);
            });
        }
    }

    @Test
    void testWorkerKilledMidScanIsRetriedOnTheOther()
            throws Exception
    {
        // listed first, the stalling worker gets the first range of the scan
        try (TestingScanWorker doomed = TestingScanWorker.stallingAfter(10)) {
            withWorkers(List.of(doomed.address(), second.address()), false, session -> {
                assertQuerySurvivesKilledWorker(session, doomed, LINEITEM_CHECKSUM);
                // the fleet goes on with the worker left
                assertions.assertQuery(session, TpchQueries.query(6));
            });
        }
    }

    /**
     * Runs {@code query} (checked against PostgreSQL) while {@code doomed} stalls mid-scan, kills it,
     * and checks that the query still gives the right answer and the worker is marked down with a failure.
     */
    private void assertQuerySurvivesKilledWorker(BasinSession session, TestingScanWorker doomed, String query)
    {
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> assertions.assertQuery(session, query));
        try {
            doomed.awaitStalled(120, TimeUnit.SECONDS);
            doomed.kill();
            running.get(120, TimeUnit.SECONDS);
        }
        catch (Exception e) {
            throw new AssertionError("the query did not survive the killed worker: " + doomed.output(), e);
        }
        List<List<Object>> killed = session.execute("SELECT state, failures FROM system.runtime.scan_workers WHERE worker = '%s'".formatted(doomed.address())).rows();
        assertThat(killed).hasSize(1);
        assertThat(killed.getFirst().get(0)).isEqualTo("down");
        assertThat((Long) killed.getFirst().get(1)).isPositive();
    }

    @Test
    void testWorkersDownFromTheStart()
            throws IOException
    {
        String dead = "127.0.0.1:" + freePort();
        withWorkers(List.of(dead, first.address()), false, session -> {
            assertions.assertQuery(session, LINEITEM_CHECKSUM);
            List<List<Object>> rows = session.execute("SELECT worker, tasks_finished FROM system.runtime.scan_workers ORDER BY worker").rows();
            assertThat(rows).contains(List.of(dead, 0L));
        });
        withWorkers(List.of(dead), false, session -> {
            assertThatThrownBy(() -> session.execute("SELECT o_orderkey, o_comment FROM orders WHERE o_custkey = 7"))
                    .isInstanceOfSatisfying(io.basin.error.BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("08001"))
                    .hasMessageContaining("no scan worker answers (" + dead + ")");
            // the engine stays up
            assertThat(session.execute("SELECT count(*) FROM tpch.%s.region".formatted(schema)).onlyValue()).isEqualTo(5L);
        });
        withWorkers(List.of(dead), true, session -> assertions.assertQuery(session, TpchQueries.query(1)));
    }

    /** The remote workers' counters summed. */
    private record WorkerTotals(long tasksFinished, long rowsReturned, long failures)
    {
        static WorkerTotals of(BasinSession session)
        {
            List<Object> row = session.execute("SELECT sum(tasks_finished), sum(rows_returned), sum(failures) FROM system.runtime.scan_workers WHERE catalog = 'lake'").rows().getFirst();
            return new WorkerTotals(((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue(), ((Number) row.get(2)).longValue());
        }
    }

    private static String explain(BasinSession session, String query)
    {
        return String.join("\n", session.execute("EXPLAIN " + query).rows().stream().map(row -> String.valueOf(row.getFirst())).toList());
    }

    private void withWorkers(List<String> workers, boolean localFallback, Consumer<BasinSession> action)
    {
        withBasin(BasinConfig.defaults().withDataDirectory(dataDirectory).withSpectrumWorkers(workers, localFallback), session -> {
            session.execute("SET search_path = \"lake.%s\"".formatted(schema));
            // with remote workers, aggregates over arithmetic go to them too (their rows would cross the network)
            session.execute("SET aggregate_expression_pushdown = on");
            action.accept(session);
        });
    }

    private static void withBasin(BasinConfig config, Consumer<BasinSession> action)
    {
        try (Basin basin = Basin.open(config); BasinSession session = basin.newSession()) {
            action.accept(session);
        }
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
