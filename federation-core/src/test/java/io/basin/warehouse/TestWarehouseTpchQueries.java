package io.basin.warehouse;

import io.basin.embedded.BasinSession;
import io.basin.testing.BaseTpchOracleTest;
import io.basin.testing.TpchQueries;
import io.trino.tpch.TpchTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TPC-H Q1..Q22 at scale factor 0.1 over warehouse tables of a local schema, loaded the way a
 * Redshift user would: {@code CREATE TABLE ... DISTKEY (...) SORTKEY (...) AS SELECT * FROM
 * tpch.sf0_1....} with compound and interleaved sort keys and every distribution style. Every
 * answer is compared with PostgreSQL's on the same generated data.
 */
class TestWarehouseTpchQueries
        extends BaseTpchOracleTest
{
    private static final double SCALE_FACTOR = 0.1;

    /** Table attributes per TPC-H table, as a user would choose them for the queries' joins and filters. */
    private static final Map<String, String> ATTRIBUTES = Map.of(
            "lineitem", "DISTSTYLE KEY DISTKEY (l_orderkey) SORTKEY (l_shipdate)",
            "orders", "DISTSTYLE KEY DISTKEY (o_orderkey) COMPOUND SORTKEY (o_orderdate, o_orderkey)",
            "customer", "DISTKEY (c_custkey) SORTKEY (c_mktsegment)",
            "part", "DISTSTYLE EVEN INTERLEAVED SORTKEY (p_brand, p_size)",
            "partsupp", "DISTKEY (ps_partkey) COMPOUND SORTKEY (ps_partkey, ps_suppkey)",
            "supplier", "DISTSTYLE ALL SORTKEY (s_suppkey)",
            "nation", "DISTSTYLE ALL",
            "region", "DISTSTYLE AUTO SORTKEY (r_name)");

    @Override
    protected double scaleFactor()
    {
        return SCALE_FACTOR;
    }

    @BeforeAll
    void setUp()
    {
        BasinSession session = basin.session();
        session.execute("CREATE SCHEMA " + schema);
        for (TpchTable<?> table : TpchTable.getTables()) {
            String name = table.getTableName();
            session.execute("CREATE TABLE %s.%s %s AS SELECT * FROM tpch.%s.%s".formatted(schema, name, ATTRIBUTES.get(name), schema, name));
        }
        session.execute("SET search_path = " + schema);
    }

    @Test
    void testTablesHoldTheSameData()
    {
        for (TpchTable<?> table : TpchTable.getTables()) {
            assertions.assertQuery(basin.session(), "SELECT count(*) FROM " + table.getTableName());
        }
        assertions.assertQuery(basin.session(), """
                SELECT count(*), count(DISTINCT l_orderkey), sum(l_quantity), sum(l_extendedprice), sum(l_discount), sum(l_tax),
                       min(l_shipdate), max(l_receiptdate), sum(length(l_comment)), min(l_shipmode), max(l_comment)
                FROM lineitem""");
        assertions.assertQuery(basin.session(), "SELECT * FROM orders WHERE o_orderkey % 1000 = 7");
        assertions.assertQuery(basin.session(), "SELECT * FROM customer WHERE c_custkey < 50");
        assertions.assertQuery(basin.session(), "SELECT * FROM part WHERE p_partkey < 50");
        assertions.assertQuery(basin.session(), "SELECT * FROM partsupp WHERE ps_partkey < 20");
        assertions.assertQuery(basin.session(), "SELECT * FROM supplier");
        assertions.assertQuery(basin.session(), "SELECT * FROM nation");
        assertions.assertQuery(basin.session(), "SELECT * FROM region");
    }

    @Test
    void testTablesAreWarehouseTablesWithTheirAttributes()
    {
        // the tables are in the local database's schema, not a memory or tpch table
        List<List<Object>> tables = basin.session().execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = '%s' ORDER BY table_name".formatted(schema)).rows();
        assertThat(tables).extracting(row -> row.getFirst())
                .containsExactlyElementsOf(TpchTable.getTables().stream().map(TpchTable::getTableName).sorted().map(Object.class::cast).toList());
        // a range filter on the leading sort key reads only the row groups its zone maps allow
        List<Long> before = lineitemScans();
        assertions.assertQuery(basin.session(), "SELECT count(*), sum(l_quantity) FROM lineitem WHERE l_shipdate BETWEEN DATE '1995-01-01' AND DATE '1995-01-31'");
        List<Long> after = lineitemScans();
        long total = after.get(0) - before.get(0);
        long read = after.get(1) - before.get(1);
        assertThat(total).isGreaterThan(1);
        assertThat(read).isPositive().isLessThan(total);
    }

    /** Row groups all scans of lineitem covered and read so far (the counters only grow). */
    private List<Long> lineitemScans()
    {
        List<List<Object>> rows = basin.session().execute(
                "SELECT row_groups_total, row_groups_read FROM warehouse_system.scan_summary WHERE table_schema = '%s' AND table_name = 'lineitem'".formatted(schema)).rows();
        if (rows.isEmpty()) {
            return List.of(0L, 0L);
        }
        return List.of(((Number) rows.getFirst().get(0)).longValue(), ((Number) rows.getFirst().get(1)).longValue());
    }

    @ParameterizedTest(name = "q{0}")
    @MethodSource("io.basin.testing.TpchQueries#queryNumbers")
    void testQuery(int number)
    {
        assertions.assertQuery(basin.session(), TpchQueries.query(number));
    }
}
