package io.basin.warehouse;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.embedded.QueryResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local database {@code dev} on the warehouse tier: tables (with Redshift's DISTSTYLE,
 * DISTKEY, SORTKEY and ENCODE) survive a restart on the same data directory, and filters on the
 * sort key skip row groups by their zone maps. The oracle is the TPC-H generator the tables were
 * copied from, queried with the same SQL.
 */
class TestWarehouseLocalDatabase
{
    @TempDir
    Path directory;

    private static List<List<Object>> rows(BasinSession session, String sql)
    {
        return session.execute(sql).rows();
    }

    @Test
    void testTablesSurviveARestart()
    {
        Path data = directory.resolve("data");
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(data));
                BasinSession session = basin.newSession()) {
            session.execute("""
                    CREATE TABLE orders (
                        o_orderkey bigint NOT NULL ENCODE az64,
                        o_custkey bigint ENCODE delta,
                        o_orderstatus varchar(1) ENCODE runlength,
                        o_totalprice decimal(12, 2) ENCODE az64,
                        o_orderdate date ENCODE az64,
                        o_orderpriority varchar(15) ENCODE bytedict,
                        o_clerk varchar(15) ENCODE lz4,
                        o_shippriority integer ENCODE raw,
                        o_comment varchar(79) ENCODE zstd)
                    DISTSTYLE KEY DISTKEY (o_custkey) COMPOUND SORTKEY (o_orderdate, o_orderkey)""");
            session.execute("INSERT INTO orders SELECT * FROM tpch.tiny.orders");
            session.execute("CREATE SCHEMA sales");
            session.execute("CREATE TABLE sales.nation DISTSTYLE ALL SORTKEY (n_name) AS SELECT * FROM tpch.tiny.nation");
            session.execute("CREATE TABLE scratch (x integer)");
            session.execute("DROP TABLE scratch");
        }
        assertThat(data.resolve("warehouse").resolve("manifest")).exists();

        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(data));
                BasinSession session = basin.newSession()) {
            String summary = "SELECT count(*), sum(o_orderkey), sum(o_custkey), sum(o_totalprice), min(o_orderdate), max(o_orderdate), "
                    + "count(DISTINCT o_orderpriority), max(o_clerk), sum(o_shippriority), sum(length(o_comment)), max(o_comment), count(DISTINCT o_orderstatus) FROM ";
            assertThat(rows(session, summary + "orders")).isEqualTo(rows(session, summary + "tpch.tiny.orders"));
            assertThat(rows(session, "SELECT * FROM orders WHERE o_orderkey % 997 = 3 ORDER BY o_orderkey"))
                    .isEqualTo(rows(session, "SELECT * FROM tpch.tiny.orders WHERE o_orderkey % 997 = 3 ORDER BY o_orderkey"));
            assertThat(rows(session, "SELECT * FROM sales.nation ORDER BY n_nationkey"))
                    .isEqualTo(rows(session, "SELECT * FROM tpch.tiny.nation ORDER BY n_nationkey"));
            assertThatThrownBy(() -> session.execute("SELECT * FROM scratch")).hasMessageContaining("scratch");
        }
    }

    @Test
    void testZoneMapsSkipRowGroupsOfFilteredScans()
    {
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(directory.resolve("data")));
                BasinSession session = basin.newSession()) {
            // wide rows make row groups of about 1 MB per column block: several groups, sorted by the key
            session.execute("""
                    CREATE TABLE wide SORTKEY (id) AS
                    SELECT o_orderkey AS id, o_orderdate AS day, o_comment || o_comment || o_comment || o_comment || o_comment || o_comment AS pad
                    FROM tpch.tiny.orders""");
            List<Object> before = summary(session);
            String filtered = "SELECT count(*), sum(id), max(day) FROM %s WHERE id BETWEEN 1000 AND 2999";
            assertThat(rows(session, filtered.formatted("wide")))
                    .isEqualTo(rows(session, ("SELECT count(*), sum(o_orderkey), max(o_orderdate) FROM tpch.tiny.orders WHERE o_orderkey BETWEEN 1000 AND 2999")));
            List<Object> after = summary(session);
            long total = (Long) after.get(1) - (Long) before.get(1);
            long read = (Long) after.get(2) - (Long) before.get(2);
            assertThat(total).isGreaterThanOrEqualTo(4);
            assertThat(read).isGreaterThanOrEqualTo(1).isLessThan(total);

            // a filter no zone map can exclude reads every group
            assertThat(rows(session, "SELECT count(*) FROM wide WHERE length(pad) > 300"))
                    .isEqualTo(rows(session, "SELECT count(*) FROM tpch.tiny.orders WHERE 6 * length(o_comment) > 300"));
            List<Object> last = summary(session);
            assertThat((Long) last.get(2) - (Long) after.get(2)).isEqualTo((Long) last.get(1) - (Long) after.get(1));
        }
    }

    private static List<Object> summary(BasinSession session)
    {
        QueryResult result = session.execute("SELECT scans, row_groups_total, row_groups_read FROM warehouse_system.scan_summary WHERE table_name = 'wide'");
        return result.rows().isEmpty() ? List.of(0L, 0L, 0L) : result.rows().getFirst();
    }

    @Test
    void testDeleteVacuumAndTruncate()
    {
        Path data = directory.resolve("data");
        String condition = "o_orderdate < DATE '1994-01-01' AND o_orderstatus IN ('F', 'P') AND o_totalprice >= 1000.00";
        String summary = "SELECT count(*), sum(o_orderkey), sum(o_totalprice), max(o_comment) FROM ";
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(data));
                BasinSession session = basin.newSession()) {
            session.execute("CREATE TABLE orders SORTKEY (o_orderdate) AS SELECT * FROM tpch.tiny.orders");
            QueryResult deleted = session.execute("DELETE FROM orders WHERE " + condition);
            assertThat(List.of(List.<Object>of(deleted.updateCount()))).isEqualTo(rows(session, "SELECT count(*) FROM tpch.tiny.orders WHERE " + condition));
            assertThat(rows(session, summary + "orders")).isEqualTo(rows(session, summary + "tpch.tiny.orders WHERE NOT (" + condition + ")"));

            // a condition the delete cannot apply exactly goes by row ids (TestWarehouseUpdate covers it); this one matches nothing
            assertThat(session.execute("DELETE FROM orders WHERE o_orderkey = -1 OR o_custkey = -2").updateCount()).isZero();
            // tables without row ids (memory) still refuse such conditions, and nothing changes
            session.execute("CREATE TABLE memory.public.m AS SELECT * FROM tpch.tiny.nation");
            assertThatThrownBy(() -> session.execute("DELETE FROM memory.public.m WHERE n_nationkey = 1 OR n_regionkey = 2"))
                    .hasMessageContaining("supports WHERE conditions");
            assertThat(rows(session, summary + "orders")).isEqualTo(rows(session, summary + "tpch.tiny.orders WHERE NOT (" + condition + ")"));
        }
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(data));
                BasinSession session = basin.newSession()) {
            assertThat(rows(session, summary + "orders")).isEqualTo(rows(session, summary + "tpch.tiny.orders WHERE NOT (" + condition + ")"));
            // VACUUM rewrites the live rows without the deleted ones; the contents stay
            session.execute("VACUUM orders");
            session.execute("VACUUM FULL");
            assertThat(rows(session, summary + "orders")).isEqualTo(rows(session, summary + "tpch.tiny.orders WHERE NOT (" + condition + ")"));
            assertThatThrownBy(() -> session.execute("VACUUM tpch.tiny.orders")).hasMessageContaining("VACUUM is not supported");
            session.execute("TRUNCATE orders");
            assertThat(rows(session, "SELECT count(*) FROM orders")).isEqualTo(List.of(List.of(0L)));
            session.execute("INSERT INTO orders SELECT * FROM tpch.tiny.orders WHERE o_orderkey < 100");
            assertThat(rows(session, summary + "orders")).isEqualTo(rows(session, summary + "tpch.tiny.orders WHERE o_orderkey < 100"));
        }
    }

    @Test
    void testInvalidTableAttributesAreRejected()
    {
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(directory.resolve("data")));
                BasinSession session = basin.newSession()) {
            assertThatThrownBy(() -> session.execute("CREATE TABLE t (name varchar ENCODE az64)"))
                    .hasMessageContaining("Encoding AZ64 does not apply to column name of type varchar");
            assertThatThrownBy(() -> session.execute("CREATE TABLE t (a integer) SORTKEY (b)"))
                    .hasMessageContaining("SORTKEY column \"b\" does not exist");
            assertThatThrownBy(() -> session.execute("CREATE TABLE t (a integer) DISTSTYLE SIDEWAYS"))
                    .hasMessageContaining("Invalid DISTSTYLE 'SIDEWAYS'");
            // nothing was created by the failed statements
            assertThat(rows(session, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 't'"))
                    .isEqualTo(List.of(List.of(0L)));
            assertThat(Files.exists(directory.resolve("data/warehouse/manifest"))).isFalse();
        }
    }
}
