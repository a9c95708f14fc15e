package io.basin.engine;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.embedded.QueryResult;
import io.basin.error.BasinException;
import io.trino.tpch.Customer;
import io.trino.tpch.Nation;
import io.trino.tpch.Order;
import io.trino.tpch.TpchTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's plan cache seen from SQL: a query's second run reuses its plan
 * ({@code system.runtime.plan_cache}), yet reads current rows, folds {@code CURRENT_TIMESTAMP} again, sees
 * only what its own transaction sees, and follows settings and schema changes. Expected rows
 * come from the TPC-H generators or from the rows the test writes.
 */
class TestQueryPlanCache
{
    @TempDir
    static Path dataDirectory;

    private static Basin basin;
    /** Reads the counters without the cache, so that reading them counts no hit or miss. */
    private static BasinSession statistics;

    @BeforeAll
    static void setUp()
    {
        basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
        statistics = basin.newSession();
        statistics.execute("SET plan_cache = off");
    }

    @AfterAll
    static void tearDown()
    {
        statistics.close();
        basin.close();
    }

    @Test
    void testSecondRunReusesThePlan()
    {
        List<String> expected = new ArrayList<>();
        for (Nation nation : TpchTable.NATION.createGenerator(0.01, 1, 1)) {
            if (nation.regionKey() == 1) {
                expected.add(nation.name());
            }
        }
        expected.sort(null);
        String sql = "SELECT n_name FROM tpch.tiny.nation n JOIN tpch.tiny.region r ON n.n_regionkey = r.r_regionkey WHERE r.r_name = 'AMERICA' ORDER BY n_name";
        try (BasinSession session = basin.newSession()) {
            List<Long> before = counters(session);
            assertThat(column(session.execute(sql))).isEqualTo(expected);
            List<Long> afterFirst = counters(session);
            assertThat(column(session.execute(sql))).isEqualTo(expected);
            List<Long> afterSecond = counters(session);
            assertThat(afterFirst.get(1) - before.get(1)).as("misses of the first run").isEqualTo(1);
            assertThat(afterSecond.get(0) - afterFirst.get(0)).as("hits of the second run").isEqualTo(1);
            assertThat(afterSecond.get(1) - afterFirst.get(1)).as("misses of the second run").isZero();
        }
    }

    @Test
    void testReusedQueryIsRejectedInAFailedTransactionBlock()
    {
        long expected = 0;
        for (Nation nation : TpchTable.NATION.createGenerator(0.01, 1, 1)) {
            expected += nation.regionKey() == 3 ? 1 : 0;
        }
        // a kept plan is found by the statement's text before it is parsed; the block's state still applies
        String sql = "SELECT count(*) FROM tpch.tiny.nation WHERE n_regionkey = 3";
        try (BasinSession session = basin.newSession()) {
            assertThat(session.execute(sql).onlyValue()).isEqualTo(expected);
            session.execute("BEGIN");
            assertThatThrownBy(() -> session.execute("SELECT 1 / 0"))
                    .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("22012"));
            assertThatThrownBy(() -> session.execute(sql))
                    .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("25P02"));
            // the end of a block empties the cache: planned again, then reused
            session.execute("ROLLBACK");
            assertThat(session.execute(sql).onlyValue()).isEqualTo(expected);
            List<Long> before = counters(session);
            assertThat(session.execute(sql).onlyValue()).isEqualTo(expected);
            assertThat(counters(session).get(0) - before.get(0)).as("hits after the block").isEqualTo(1);
        }
    }

    @Test
    void testCurrentTimestampIsFoldedAtEachRun()
            throws InterruptedException
    {
        String sql = "SELECT CURRENT_TIMESTAMP";
        try (BasinSession session = basin.newSession()) {
            session.execute("SET TimeZone = 'UTC'");
            Instant start = Instant.now().minusMillis(1);
            Instant first = instant(session.execute(sql).onlyValue());
            Thread.sleep(20);
            List<Long> before = counters(session);
            Instant second = instant(session.execute(sql).onlyValue());
            Instant end = Instant.now().plusMillis(1);
            assertThat(counters(session).get(0) - before.get(0)).as("hits").isEqualTo(1);
            assertThat(first).isBetween(start, end);
            assertThat(second).isBetween(first.plusMillis(20), end);
        }
    }

    @Test
    void testWritesAndSchemaChangesAreSeen()
    {
        try (BasinSession session = basin.newSession()) {
            session.execute("CREATE TABLE cache_rows (k integer, v integer)");
            session.execute("INSERT INTO cache_rows VALUES (1, 10), (2, 20), (3, 30)");
            String sum = "SELECT count(*), sum(v) FROM cache_rows";
            assertThat(session.execute(sum).rows()).containsExactly(List.of(3L, 60L));
            assertThat(session.execute(sum).rows()).containsExactly(List.of(3L, 60L));
            session.execute("INSERT INTO cache_rows VALUES (4, 40)");
            assertThat(session.execute(sum).rows()).containsExactly(List.of(4L, 100L));
            session.execute("DELETE FROM cache_rows WHERE k <= 2");
            assertThat(session.execute(sum).rows()).containsExactly(List.of(2L, 70L));

            String all = "SELECT * FROM cache_rows ORDER BY k";
            assertThat(session.execute(all).rows()).containsExactly(List.of(3, 30), List.of(4, 40));
            session.execute("ALTER TABLE cache_rows ADD COLUMN w varchar(10) DEFAULT 'x'");
            QueryResult widened = session.execute(all);
            assertThat(widened.columns()).extracting(QueryResult.Column::name).containsExactly("k", "v", "w");
            assertThat(widened.rows()).containsExactly(List.of(3, 30, "x"), List.of(4, 40, "x"));
            session.execute("DROP TABLE cache_rows");
            session.execute("CREATE TABLE cache_rows (k bigint)");
            session.execute("INSERT INTO cache_rows VALUES (7)");
            assertThat(session.execute(all).rows()).containsExactly(List.of(7L));
            session.execute("DROP TABLE cache_rows");
        }
    }

    @Test
    void testReusedPlanReadsOnlyWhatItsTransactionSees()
    {
        try (BasinSession writer = basin.newSession(); BasinSession reader = basin.newSession()) {
            writer.execute("CREATE TABLE cache_block (v integer)");
            writer.execute("INSERT INTO cache_block VALUES (1), (2)");
            String sum = "SELECT sum(v) FROM cache_block";
            writer.execute("BEGIN");
            writer.execute("INSERT INTO cache_block VALUES (100)");
            assertThat(writer.execute(sum).onlyValue()).isEqualTo(103L);
            // the reader reuses the plan the writer made inside its block, and sees committed rows only
            List<Long> before = counters(reader);
            assertThat(reader.execute(sum).onlyValue()).isEqualTo(3L);
            assertThat(counters(reader).get(0) - before.get(0)).as("hits").isEqualTo(1);
            writer.execute("ROLLBACK");
            assertThat(reader.execute(sum).onlyValue()).isEqualTo(3L);
            assertThat(writer.execute(sum).onlyValue()).isEqualTo(3L);
            writer.execute("DROP TABLE cache_block");
        }
    }

    /**
     * A lake table written by another engine (as by Spark) between two runs: nothing empties this
     * engine's cache, and the reused plan must read the table's new snapshot.
     */
    @Test
    void testReusedPlanReadsTheLakeTablesCurrentSnapshot(@TempDir Path warehouse, @TempDir Path otherDataDirectory)
    {
        String attach = "CREATE EXTERNAL SCHEMA shared_lake FROM DATA CATALOG TYPE 'hadoop' DATABASE 'ns' WAREHOUSE '%s'".formatted(warehouse.toUri());
        try (Basin other = Basin.open(BasinConfig.defaults().withDataDirectory(otherDataDirectory));
                BasinSession writer = other.newSession();
                BasinSession reader = basin.newSession()) {
            writer.execute(attach);
            writer.execute("CREATE TABLE shared_lake.events AS SELECT * FROM (VALUES (1, 10), (2, 20)) t(k, v)");
            reader.execute(attach);
            String sum = "SELECT count(*), sum(v) FROM shared_lake.events";
            assertThat(reader.execute(sum).rows()).containsExactly(List.of(2L, 30L));
            writer.execute("INSERT INTO shared_lake.events VALUES (3, 30)");
            List<Long> before = counters(reader);
            assertThat(reader.execute(sum).rows()).containsExactly(List.of(3L, 60L));
            assertThat(counters(reader).get(0) - before.get(0)).as("hits").isEqualTo(1);

            // the table made anew with other columns: the plan is stale and the query planned again
            String all = "SELECT * FROM shared_lake.events ORDER BY k";
            assertThat(reader.execute(all).rows()).containsExactly(List.of(1, 10), List.of(2, 20), List.of(3, 30));
            writer.execute("DROP TABLE shared_lake.events");
            writer.execute("CREATE TABLE shared_lake.events AS SELECT * FROM (VALUES (5, 'five')) t(k, name)");
            before = counters(reader);
            QueryResult recreated = reader.execute(all);
            assertThat(recreated.columns()).extracting(QueryResult.Column::name).containsExactly("k", "name");
            assertThat(recreated.rows()).containsExactly(List.of(5, "five"));
            List<Long> after = counters(reader);
            assertThat(after.get(2) - before.get(2)).as("stale plans").isEqualTo(1);
            assertThat(after.get(1) - before.get(1)).as("misses").isEqualTo(1);
            reader.execute("DROP SCHEMA shared_lake");
        }
    }

    @Test
    void testSearchPathIsPartOfTheKey()
    {
        try (BasinSession session = basin.newSession()) {
            session.execute("CREATE SCHEMA cache_a");
            session.execute("CREATE SCHEMA cache_b");
            session.execute("CREATE TABLE cache_a.t (v integer)");
            session.execute("CREATE TABLE cache_b.t (v integer)");
            session.execute("INSERT INTO cache_a.t VALUES (1)");
            session.execute("INSERT INTO cache_b.t VALUES (1), (2)");
            String count = "SELECT count(*) FROM t";
            session.execute("SET search_path = cache_a");
            assertThat(session.execute(count).onlyValue()).isEqualTo(1L);
            session.execute("SET search_path = cache_b");
            assertThat(session.execute(count).onlyValue()).isEqualTo(2L);
            session.execute("SET search_path = cache_a");
            assertThat(session.execute(count).onlyValue()).isEqualTo(1L);
            session.execute("RESET search_path");
        }
    }

    @Test
    void testSettingsAreKeyedByValue()
    {
        // a setting set to the value it has keeps the plan: the key holds values, not where they came from
        String sql = "SELECT count(*) FROM tpch.tiny.region";
        try (BasinSession session = basin.newSession()) {
            session.execute(sql);
            session.execute("SET statement_timeout = '" + session.execute("SHOW statement_timeout").onlyValue() + "'");
            List<Long> before = counters(session);
            long regions = 0;
            for (Object _ : TpchTable.REGION.createGenerator(0.01, 1, 1)) {
                regions++;
            }
            assertThat(session.execute(sql).onlyValue()).isEqualTo(regions);
            assertThat(counters(session).get(0) - before.get(0)).as("hits after setting a value it had").isEqualTo(1);
        }
    }

    @Test
    void testCatalogQueriesAndDisabledCacheArePlannedEachTime()
    {
        try (BasinSession session = basin.newSession()) {
            String catalog = "SELECT count(*) FROM pg_catalog.pg_namespace WHERE nspname = 'public'";
            assertThat(session.execute(catalog).onlyValue()).isEqualTo(1L);
            List<Long> before = counters(session);
            assertThat(session.execute(catalog).onlyValue()).isEqualTo(1L);
            List<Long> after = counters(session);
            assertThat(after.get(0) - before.get(0)).as("hits of a pg_catalog query").isZero();
            assertThat(after.get(1) - before.get(1)).as("misses of a pg_catalog query").isEqualTo(1);

            session.execute("SET plan_cache = off");
            String query = "SELECT count(*) FROM tpch.tiny.region";
            session.execute(query);
            List<Long> off = counters(session);
            assertThat(session.execute(query).onlyValue()).isEqualTo(5L);
            assertThat(counters(session).subList(0, 2)).as("hits and misses without the cache").isEqualTo(off.subList(0, 2));
            session.execute("RESET plan_cache");
        }
    }

    @Test
    void testConcurrentRunsOfOnePlan()
            throws Exception
    {
        Set<Long> building = new HashSet<>();
        for (Customer customer : TpchTable.CUSTOMER.createGenerator(0.01, 1, 1)) {
            if (customer.marketSegment().equals("BUILDING")) {
                building.add(customer.customerKey());
            }
        }
        long expectedOrders = 0;
        long expectedCents = 0;
        for (Order order : TpchTable.ORDERS.createGenerator(0.01, 1, 1)) {
            if (building.contains(order.customerKey()) && order.orderStatus() == 'F') {
                expectedOrders++;
                expectedCents += order.totalPriceInCents();
            }
        }
        String sql = """
                SELECT count(*), sum(o_totalprice) FROM tpch.tiny.orders o JOIN tpch.tiny.customer c ON o.o_custkey = c.c_custkey
                WHERE c.c_mktsegment = 'BUILDING' AND o.o_orderstatus = 'F'""";
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<Object>>>> runs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                runs.add(threads.submit(() -> {
                    try (BasinSession session = basin.newSession()) {
                        return session.execute(sql).rows();
                    }
                }));
            }
            for (Future<List<List<Object>>> run : runs) {
                List<Object> row = run.get().getFirst();
                assertThat(row.get(0)).isEqualTo(expectedOrders);
                assertThat(((java.math.BigDecimal) row.get(1)).movePointRight(2).longValueExact()).isEqualTo(expectedCents);
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

    /** A {@code timestamp} of a session in UTC. */
    private static Instant instant(Object value)
    {
        return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }

    private static List<Object> column(QueryResult result)
    {
        return result.rows().stream().map(List::getFirst).toList();
    }

    /** hits, misses, stale, invalidations of {@code system.runtime.plan_cache}. */
    private static List<Long> counters(BasinSession session)
    {
        List<Object> row = statistics.execute("SELECT hits, misses, stale, invalidations FROM system.runtime.plan_cache").rows().getFirst();
        return row.stream().map(Long.class::cast).toList();
    }
}
