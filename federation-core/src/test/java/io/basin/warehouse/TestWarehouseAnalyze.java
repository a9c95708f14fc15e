package io.basin.warehouse;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingPostgreSqlServer;
import io.basin.testing.TpchPostgresLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * ANALYZE of warehouse tables: after deletes and updates (which leave zone maps and distinct
 * sketches over-counting), ANALYZE records exact row counts, null fractions and value ranges of
 * the live rows and fresh distinct-value estimates. The oracle is PostgreSQL holding the same rows
 * after the same statements: {@code count(*)}, {@code count(c)}, {@code min(c)::text},
 * {@code max(c)::text} and {@code count(DISTINCT c)}. Distinct values are a HyperLogLog estimate
 * (2,048 registers, standard error 2.3%): they must be within 7% (3 standard errors) plus 2 of
 * the exact count. The statistics survive a restart and go stale when the rows change.
 */
class TestWarehouseAnalyze
{
    private static final String SCHEMA = "warehouse_analyze";
    /** Columns checked per table: integers, dates, decimals, strings, with and without NULLs. */
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "orders", List.of("o_orderkey", "o_custkey", "o_orderstatus", "o_totalprice", "o_orderdate", "o_orderpriority", "o_clerk", "o_shippriority", "o_comment"),
            "customer", List.of("c_custkey", "c_name", "c_nationkey", "c_acctbal", "c_mktsegment"),
            "lineitem", List.of("l_orderkey", "l_partkey", "l_quantity", "l_discount", "l_shipdate", "l_returnflag", "l_shipmode", "l_comment"));

    @TempDir
    Path directory;

    private Basin basin;
    private BasinSession session;
    private QueryAssertions assertions;

    @BeforeEach
    void setUp()
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        String tpch = TpchPostgresLoader.load(postgres, 0.01);
        postgres.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        assertions = new QueryAssertions(postgres, SCHEMA);
        open();
        for (String table : COLUMNS.keySet()) {
            assertions.executeOnPostgres("CREATE TABLE %s AS SELECT * FROM %s.%s".formatted(table, tpch, table));
            session.execute("CREATE TABLE %s AS SELECT * FROM tpch.tiny.%s".formatted(table, table));
        }
        // changes that leave the zone maps and sketches describing rows that are gone
        for (String change : List.of(
                "DELETE FROM orders WHERE o_orderdate < DATE '1994-01-01'",
                "UPDATE orders SET o_comment = NULL, o_clerk = 'Clerk#000000000' WHERE o_orderkey % 7 = 0",
                "UPDATE customer SET c_acctbal = NULL WHERE c_nationkey = 3",
                "DELETE FROM lineitem WHERE l_shipmode IN ('AIR', 'MAIL')",
                "UPDATE lineitem SET l_quantity = l_quantity + 100 WHERE l_orderkey % 11 = 0")) {
            assertions.executeInBoth(session, change);
        }
    }

    private void open()
    {
        basin = Basin.open(BasinConfig.defaults().withDataDirectory(directory.resolve("data")));
        session = basin.newSession();
    }

    @AfterEach
    void tearDown()
            throws SQLException
    {
        assertions.close();
        session.close();
        basin.close();
    }

    @Test
    void testStatisticsMatchTheRows()
    {
        assertThat(statistics("orders", "o_comment").get(5)).as("analyzed before ANALYZE").isEqualTo(false);
        session.execute("ANALYZE orders");
        session.execute("ANALYZE VERBOSE customer (c_acctbal) PREDICATE COLUMNS");
        session.execute("ANALYZE lineitem");
        assertStatisticsMatchPostgres();
        assertPlannerSeesTheStatistics();

        // kept in the manifest
        session.close();
        basin.close();
        open();
        assertStatisticsMatchPostgres();

        // a change of the rows makes them stale; ANALYZE of the whole database refreshes every table
        assertions.executeInBoth(session, "UPDATE customer SET c_acctbal = -5000 WHERE c_custkey < 20");
        assertThat(statistics("customer", "c_acctbal").get(5)).isEqualTo(false);
        assertThat(statistics("orders", "o_comment").get(5)).isEqualTo(true);
        session.execute("ANALYZE");
        assertStatisticsMatchPostgres();
    }

    @Test
    void testAnalyzeInTransactionBlocks()
    {
        session.execute("BEGIN");
        session.execute("ANALYZE orders");
        session.execute("ROLLBACK");
        assertThat(statistics("orders", "o_orderkey").get(5)).isEqualTo(false);
        session.execute("BEGIN");
        session.execute("ANALYZE orders");
        session.execute("COMMIT");
        assertThat(statistics("orders", "o_orderkey").get(5)).isEqualTo(true);
    }

    @Test
    void testEmptyTables()
    {
        assertions.executeInBoth(session, "CREATE TABLE empty (id integer, label varchar(10))");
        assertions.executeInBoth(session, "UPDATE empty SET label = 'x'");
        assertions.executeInBoth(session, "DELETE FROM empty WHERE id % 2 = 1 OR label IS NULL");
        session.execute("ANALYZE empty");
        List<Object> statistics = statistics("empty", "label");
        // no rows: no null fraction, no range
        assertThat(statistics).containsExactly(0L, null, 0L, null, null, true);
        assertions.assertQuery(session, "SELECT * FROM empty");
    }

    /** The statistics the planner resolves tables with (row counts for costs, distinct values for join order) are ANALYZE's. */
    private void assertPlannerSeesTheStatistics()
    {
        io.basin.connector.BasinConnectorSession connectorSession = io.basin.connector.BasinConnectorSession.builder()
                .setQueryId("test_statistics")
                .setUser("basin")
                .setTimeZoneKey(io.trino.spi.type.TimeZoneKey.UTC_KEY)
                .setStart(java.time.Instant.now())
                .build();
        try (io.basin.metadata.QueryCatalogs catalogs = new io.basin.metadata.QueryCatalogs(basin.engine().catalogLookup(), connectorSession, true)) {
            for (Map.Entry<String, List<String>> table : COLUMNS.entrySet()) {
                io.basin.metadata.ResolvedTable resolved = catalogs.resolveTable(new io.basin.metadata.QualifiedTableName("dev", "public", table.getKey())).orElseThrow();
                long rows = ((Number) assertions.queryPostgres("SELECT count(*) FROM " + table.getKey()).getFirst().getFirst()).longValue();
                assertThat(resolved.rowCount().orElseThrow()).as("planner's rows of %s", table.getKey()).isEqualTo(rows);
                for (String column : table.getValue()) {
                    assertThat(resolved.distinctValues().get(column)).as("planner's distinct values of %s.%s", table.getKey(), column)
                            .isEqualTo(((Number) statistics(table.getKey(), column).get(2)).doubleValue());
                }
            }
        }
    }

    /** row_count, null_fraction, distinct_values, min_value, max_value, analyzed. */
    private List<Object> statistics(String table, String column)
    {
        return session.execute("""
                SELECT row_count, null_fraction, distinct_values, min_value, max_value, analyzed
                FROM warehouse_system.table_statistics
                WHERE table_schema = 'public' AND table_name = '%s' AND column_name = '%s'""".formatted(table, column)).rows().getFirst();
    }

    private void assertStatisticsMatchPostgres()
    {
        for (Map.Entry<String, List<String>> table : COLUMNS.entrySet()) {
            for (String column : table.getValue()) {
                List<Object> expected = assertions.queryPostgres("SELECT count(*), count(*) - count(%1$s), count(DISTINCT %1$s), min(%1$s)::text, max(%1$s)::text FROM %2$s"
                        .formatted(column, table.getKey())).getFirst();
                List<Object> actual = statistics(table.getKey(), column);
                String name = table.getKey() + "." + column;
                long rows = ((Number) expected.get(0)).longValue();
                long nulls = ((Number) expected.get(1)).longValue();
                long distinct = ((Number) expected.get(2)).longValue();
                assertThat(((Number) actual.get(0)).longValue()).as("rows of %s", name).isEqualTo(rows);
                assertThat((Double) actual.get(1)).as("null fraction of %s", name).isCloseTo(nulls / (double) rows, within(1e-12));
                assertThat(((Number) actual.get(2)).doubleValue()).as("distinct values of %s (exact %s)", name, distinct).isCloseTo(distinct, within(distinct * 0.07 + 2));
                assertThat(actual.get(3)).as("least value of %s", name).isEqualTo(expected.get(3));
                assertThat(actual.get(4)).as("greatest value of %s", name).isEqualTo(expected.get(4));
                assertThat(actual.get(5)).as("analyzed %s", name).isEqualTo(true);
            }
        }
    }
}
