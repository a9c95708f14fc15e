package io.basin.warehouse;

import io.airlift.slice.XxHash64;
import io.basin.embedded.BasinSession;
import io.basin.testing.BaseTpchOracleTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Joins of warehouse tables on their DISTKEY run slice by slice (a hash table per slice, probed by
 * that slice's rows): every join type gives PostgreSQL's answer on the same TPC-H data, and
 * EXPLAIN shows the co-located join exactly when both tables are partitioned alike on the keys
 * joined (not on another column, not across slice counts, not for EVEN or ALL tables, not when
 * switched off).
 */
class TestWarehouseCoLocatedJoins
        extends BaseTpchOracleTest
{
    private static final String CO_LOCATED = "co-located by slice";

    @BeforeAll
    void setUp()
    {
        BasinSession session = basin.session();
        session.execute("CREATE SCHEMA " + schema);
        session.execute("SET search_path = " + schema);
        create("orders", "DISTKEY (o_orderkey) SORTKEY (o_orderdate) SLICES 4", "orders");
        create("lineitem", "DISTKEY (l_orderkey) SORTKEY (l_shipdate) SLICES 4", "lineitem");
        create("customer", "DISTKEY (c_custkey) SLICES 4", "customer");
        create("lineitem_3", "DISTKEY (l_orderkey) SLICES 3", "lineitem");
        create("orders_even", "DISTSTYLE EVEN SLICES 4", "orders");
        create("nation", "DISTSTYLE ALL SLICES 4", "nation");
    }

    private void create(String name, String attributes, String source)
    {
        basin.session().execute("CREATE TABLE %s %s AS SELECT * FROM tpch.%s.%s".formatted(name, attributes, schema, source));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // inner, with filters on both sides and a residual condition
            """
            SELECT o_orderpriority, count(*), sum(l_extendedprice * (1 - l_discount)), min(l_shipdate), max(o_totalprice)
            FROM orders JOIN lineitem ON l_orderkey = o_orderkey AND l_commitdate < l_receiptdate
            WHERE o_orderdate >= DATE '1994-01-01' AND l_quantity > 10
            GROUP BY o_orderpriority""",
            // rows on one side with no partner on the other, for the outer joins
            """
            SELECT count(*), count(o_orderkey), count(l_orderkey), sum(o_totalprice), sum(l_quantity)
            FROM (SELECT * FROM orders WHERE o_orderkey % 3 = 0) o
            LEFT JOIN (SELECT * FROM lineitem WHERE l_orderkey % 5 = 0 OR l_linenumber = 1) l ON o.o_orderkey = l.l_orderkey""",
            """
            SELECT count(*), count(o_orderkey), count(l_orderkey), sum(o_totalprice), sum(l_quantity)
            FROM (SELECT * FROM orders WHERE o_orderkey % 3 = 0) o
            RIGHT JOIN (SELECT * FROM lineitem WHERE l_orderkey % 5 = 0 OR l_linenumber = 1) l ON o.o_orderkey = l.l_orderkey""",
            """
            SELECT count(*), count(o_orderkey), count(l_orderkey), sum(o_totalprice), sum(l_quantity)
            FROM (SELECT * FROM orders WHERE o_orderkey % 3 = 0) o
            FULL JOIN (SELECT * FROM lineitem WHERE l_orderkey % 5 = 0 OR l_linenumber = 1) l ON o.o_orderkey = l.l_orderkey""",
            """
            SELECT o_orderkey, o_custkey, l_linenumber, l_quantity
            FROM (SELECT * FROM orders WHERE o_orderkey < 2000) o
            FULL JOIN (SELECT * FROM lineitem WHERE l_orderkey BETWEEN 1000 AND 3000 AND l_quantity < 20) l ON o.o_orderkey = l.l_orderkey AND l.l_quantity > 5""",
            // one side without rows (no splits at all) and the other small
            """
            SELECT count(*), count(o_orderkey), count(l_orderkey), sum(l_quantity)
            FROM (SELECT * FROM orders WHERE o_orderkey < 0) o
            FULL JOIN (SELECT * FROM lineitem WHERE l_orderkey < 100) l ON o.o_orderkey = l.l_orderkey""",
            // TPC-H Q3: orders reaches the join with lineitem through its join with customer, which orders probes
            """
            SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate, o_shippriority
            FROM customer, orders, lineitem
            WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey AND l_orderkey = o_orderkey
              AND o_orderdate < DATE '1995-03-15' AND l_shipdate > DATE '1995-03-15'
            GROUP BY l_orderkey, o_orderdate, o_shippriority""",
            // semi and anti joins (TPC-H Q4 and its negation)
            """
            SELECT o_orderpriority, count(*) FROM orders
            WHERE o_orderdate >= DATE '1993-07-01' AND o_orderdate < DATE '1993-10-01'
              AND EXISTS (SELECT * FROM lineitem WHERE l_orderkey = o_orderkey AND l_commitdate < l_receiptdate)
            GROUP BY o_orderpriority""",
            """
            SELECT o_orderpriority, count(*), sum(o_totalprice) FROM orders
            WHERE NOT EXISTS (SELECT * FROM lineitem WHERE l_orderkey = o_orderkey AND l_quantity > 45)
            GROUP BY o_orderpriority""",
    })
    void testCoLocatedJoinsMatchPostgres(String sql)
    {
        assertThat(basin.session().explain(sql)).contains(CO_LOCATED);
        assertions.assertQuery(basin.session(), sql);
    }

    @Test
    void testExplainShowsCoLocationOnlyWhenCorrect()
    {
        String onDistKeys = "SELECT count(*), sum(l_quantity) FROM orders JOIN lineitem ON o_orderkey = l_orderkey";
        assertThat(basin.session().explain(onDistKeys))
                .contains(CO_LOCATED)
                .contains("4 buckets");
        // orders is distributed by o_orderkey, not by o_custkey
        String onOtherColumn = "SELECT c_mktsegment, count(*) FROM orders JOIN customer ON o_custkey = c_custkey GROUP BY c_mktsegment";
        assertThat(basin.session().explain(onOtherColumn)).doesNotContain(CO_LOCATED);
        assertions.assertQuery(basin.session(), onOtherColumn);
        // both distributed by their keys but on different slice counts
        String otherSlices = "SELECT count(*), sum(l_quantity), sum(o_totalprice) FROM orders JOIN lineitem_3 ON o_orderkey = l_orderkey";
        assertThat(basin.session().explain(otherSlices)).doesNotContain(CO_LOCATED);
        assertions.assertQuery(basin.session(), otherSlices, "SELECT count(*), sum(l_quantity), sum(o_totalprice) FROM orders JOIN lineitem ON o_orderkey = l_orderkey");
        // EVEN and ALL tables have no partitioning: a join with them builds one hash table
        String even = "SELECT count(*), sum(l_quantity) FROM orders_even JOIN lineitem ON o_orderkey = l_orderkey";
        assertThat(basin.session().explain(even)).doesNotContain(CO_LOCATED);
        assertions.assertQuery(basin.session(), even, onDistKeys);
        String all = "SELECT n_name, count(*) FROM customer JOIN nation ON c_nationkey = n_nationkey GROUP BY n_name";
        assertThat(basin.session().explain(all)).doesNotContain(CO_LOCATED);
        assertions.assertQuery(basin.session(), all);
        // the key of the other table joined to a non-key column
        String keyToNonKey = "SELECT count(*) FROM orders JOIN lineitem ON o_orderkey = l_partkey";
        assertThat(basin.session().explain(keyToNonKey)).doesNotContain(CO_LOCATED);
        assertions.assertQuery(basin.session(), keyToNonKey);
        // a computed key is not the stored key
        String computed = "SELECT count(*), sum(l_quantity) FROM orders JOIN lineitem ON o_orderkey * 2 = l_orderkey";
        assertThat(basin.session().explain(computed)).doesNotContain(CO_LOCATED);
        assertions.assertQuery(basin.session(), computed);
        // IN (subquery) joins the distinct keys, an aggregation's output, which is read all at once, not by slice
        String in = "SELECT count(*), sum(o_totalprice) FROM orders WHERE o_orderkey IN (SELECT l_orderkey FROM lineitem WHERE l_returnflag = 'R')";
        assertThat(basin.session().explain(in)).doesNotContain(CO_LOCATED);
        assertions.assertQuery(basin.session(), in);
    }

    @Test
    void testTableSlicesListsRowsPerSlice()
    {
        // the slice of each order key as the storage format defines it, from PostgreSQL's copy of the keys
        long[] expected = new long[4];
        for (List<Object> row : assertions.queryPostgres("SELECT o_orderkey FROM orders")) {
            expected[(int) Long.remainderUnsigned(XxHash64.hash(((Number) row.getFirst()).longValue()), 4)]++;
        }
        String query = "SELECT slice, row_count, diststyle, skew_rows FROM warehouse_system.table_slices WHERE table_schema = '%s' AND table_name = '%s' ORDER BY slice";
        List<List<Object>> orders = basin.session().execute(query.formatted(schema, "orders")).rows();
        assertThat(orders).extracting(row -> ((Number) row.get(0)).longValue()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(orders).extracting(row -> ((Number) row.get(1)).longValue()).containsExactly(expected[0], expected[1], expected[2], expected[3]);
        assertThat(orders).extracting(row -> row.get(2)).containsOnly("KEY");
        double skew = (double) Arrays.stream(expected).max().orElseThrow() / Arrays.stream(expected).min().orElseThrow();
        assertThat(orders).extracting(row -> ((Number) row.get(3)).doubleValue()).containsOnly(skew);
        // an ALL table holds every row on every slice
        long nations = ((Number) assertions.queryPostgres("SELECT count(*) FROM nation").getFirst().getFirst()).longValue();
        List<List<Object>> nation = basin.session().execute(query.formatted(schema, "nation")).rows();
        assertThat(nation).extracting(row -> ((Number) row.get(1)).longValue()).containsExactly(nations, nations, nations, nations);
        assertThat(nation).extracting(row -> ((Number) row.get(3)).doubleValue()).containsOnly(1.0);
    }

    @Test
    void testInsertAndCopyRouteRowsByTheirKey(@TempDir Path directory)
            throws IOException
    {
        basin.session().execute("CREATE TABLE routed (id bigint, note varchar(20)) DISTKEY (id) SLICES 3");
        try {
            basin.session().execute("INSERT INTO routed VALUES (1, 'one'), (2, 'two'), (NULL, 'none'), (-7, 'minus seven')");
            basin.session().execute("INSERT INTO routed SELECT o_orderkey, o_orderstatus FROM orders WHERE o_orderkey < 500");
            Path file = directory.resolve("routed.csv");
            StringBuilder csv = new StringBuilder();
            for (long id = 100_000; id < 101_000; id++) {
                csv.append(id).append(",copied\n");
            }
            Files.writeString(file, csv);
            basin.session().execute("COPY routed FROM 'file:" + file + "' FORMAT AS CSV");

            List<Long> ids = new ArrayList<>(Arrays.asList(1L, 2L, null, -7L));
            assertions.queryPostgres("SELECT o_orderkey FROM orders WHERE o_orderkey < 500").forEach(row -> ids.add(((Number) row.getFirst()).longValue()));
            for (long id = 100_000; id < 101_000; id++) {
                ids.add(id);
            }
            long[] expected = new long[3];
            for (Long id : ids) {
                expected[id == null ? 0 : (int) Long.remainderUnsigned(XxHash64.hash(id), 3)]++;
            }
            List<List<Object>> slices = basin.session().execute(
                    "SELECT slice, row_count FROM warehouse_system.table_slices WHERE table_schema = '%s' AND table_name = 'routed' ORDER BY slice".formatted(schema)).rows();
            assertThat(slices).extracting(row -> ((Number) row.get(1)).longValue()).containsExactly(expected[0], expected[1], expected[2]);
        }
        finally {
            basin.session().execute("DROP TABLE routed");
        }
    }

    @Test
    void testCoLocatedJoinsCanBeSwitchedOff()
    {
        String sql = "SELECT o_orderstatus, count(*), sum(l_extendedprice) FROM orders JOIN lineitem ON o_orderkey = l_orderkey GROUP BY o_orderstatus";
        try {
            basin.session().execute("SET colocated_joins = off");
            assertThat(basin.session().explain(sql)).doesNotContain(CO_LOCATED);
            assertions.assertQuery(basin.session(), sql);
        }
        finally {
            basin.session().execute("SET colocated_joins = on");
        }
        assertThat(basin.session().explain(sql)).contains(CO_LOCATED);
    }

    @Test
    void testUpdateKeepsRowsOnTheirSlices()
    {
        basin.session().execute("CREATE TABLE orders_copy DISTKEY (o_orderkey) SLICES 4 AS SELECT * FROM orders WHERE o_orderkey < 3000");
        basin.session().execute("CREATE TABLE nation_copy DISTSTYLE ALL SLICES 3 AS SELECT * FROM nation");
        try {
            basin.session().execute("UPDATE orders_copy SET o_comment = 'changed' WHERE o_orderkey % 7 = 0");
            basin.session().execute("UPDATE nation_copy SET n_comment = 'changed' WHERE n_regionkey = 1");
            basin.session().execute("DELETE FROM nation_copy WHERE n_nationkey = 3");
            String joined = "SELECT count(*), sum(CASE WHEN o_comment = 'changed' THEN 1 ELSE 0 END), sum(l_quantity) FROM orders_copy JOIN lineitem ON o_orderkey = l_orderkey";
            assertThat(basin.session().explain(joined)).contains(CO_LOCATED);
            assertions.assertQuery(basin.session(), joined, """
                    SELECT count(*), sum(CASE WHEN o_orderkey % 7 = 0 THEN 1 ELSE 0 END), sum(l_quantity)
                    FROM orders JOIN lineitem ON o_orderkey = l_orderkey WHERE o_orderkey < 3000""");
            assertions.assertQuery(basin.session(), "SELECT n_nationkey, n_name, n_regionkey, n_comment FROM nation_copy",
                    "SELECT n_nationkey, n_name, n_regionkey, CASE WHEN n_regionkey = 1 THEN 'changed' ELSE n_comment END FROM nation WHERE n_nationkey <> 3");
            basin.session().execute("VACUUM nation_copy");
            basin.session().execute("VACUUM orders_copy");
            assertions.assertQuery(basin.session(), "SELECT count(*), count(DISTINCT n_comment) FROM nation_copy",
                    "SELECT count(*), count(DISTINCT CASE WHEN n_regionkey = 1 THEN 'changed' ELSE n_comment END) FROM nation WHERE n_nationkey <> 3");
            assertions.assertQuery(basin.session(), joined, """
                    SELECT count(*), sum(CASE WHEN o_orderkey % 7 = 0 THEN 1 ELSE 0 END), sum(l_quantity)
                    FROM orders JOIN lineitem ON o_orderkey = l_orderkey WHERE o_orderkey < 3000""");
        }
        finally {
            basin.session().execute("DROP TABLE orders_copy");
            basin.session().execute("DROP TABLE nation_copy");
        }
    }
}
