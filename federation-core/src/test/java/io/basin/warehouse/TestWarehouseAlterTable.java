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

import static io.basin.testing.QueryAssertions.assertQueryFails;

/**
 * ALTER TABLE ADD COLUMN [DEFAULT], DROP COLUMN, RENAME COLUMN and RENAME TO on warehouse tables,
 * against PostgreSQL doing the same on the same data (TPC-H SF 0.01 from the same generator):
 * after every statement, and after a restart on the same data directory, the tables hold the
 * same rows. Row groups written before a column was added read NULL (or the default) there.
 */
class TestWarehouseAlterTable
{
    private static final String SCHEMA = "warehouse_alter";

    @TempDir
    Path directory;

    private Basin basin;
    private BasinSession session;
    private QueryAssertions assertions;
    private String tpch;

    @BeforeEach
    void setUp()
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        tpch = TpchPostgresLoader.load(postgres, 0.01);
        postgres.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        assertions = new QueryAssertions(postgres, SCHEMA);
        assertions.executeOnPostgres("CREATE TABLE orders AS SELECT * FROM %s.orders".formatted(tpch));
        assertions.executeOnPostgres("CREATE TABLE nation AS SELECT * FROM %s.nation".formatted(tpch));
        open();
        session.execute("CREATE TABLE orders DISTSTYLE KEY DISTKEY (o_custkey) COMPOUND SORTKEY (o_orderdate, o_orderkey) AS SELECT * FROM tpch.tiny.orders");
        session.execute("CREATE TABLE nation SORTKEY (n_nationkey) AS SELECT * FROM tpch.tiny.nation");
    }

    private void open()
    {
        basin = Basin.open(BasinConfig.defaults().withDataDirectory(directory.resolve("data")));
        session = basin.newSession();
    }

    private void restart()
    {
        session.close();
        basin.close();
        open();
    }

    @AfterEach
    void tearDown()
            throws SQLException
    {
        assertions.close();
        session.close();
        basin.close();
    }

    private void alterInBoth(String sql)
    {
        assertions.executeInBoth(session, sql);
    }

    private void assertTables()
    {
        assertions.assertQuery(session, "SELECT * FROM orders");
        assertions.assertQuery(session, "SELECT * FROM nation");
    }

    @Test
    void testAddColumnReadsNullInOldRowGroups()
    {
        alterInBoth("ALTER TABLE orders ADD COLUMN note varchar(20)");
        assertTables();
        // new rows carry the column, old row groups read NULL; filters on it prune by zone maps
        session.execute("INSERT INTO orders SELECT *, 'late' FROM tpch.tiny.orders WHERE o_orderkey < 200");
        assertions.executeOnPostgres("INSERT INTO orders SELECT o.*, 'late' FROM %s.orders o WHERE o_orderkey < 200".formatted(tpch));
        assertions.executeInBoth(session, "UPDATE orders SET note = 'urgent' WHERE o_orderpriority = '1-URGENT' AND o_orderkey % 10 = 1");
        assertTables();
        assertions.assertQuery(session, "SELECT note, count(*), sum(o_totalprice) FROM orders GROUP BY note");
        assertions.assertQuery(session, "SELECT * FROM orders WHERE note = 'late'");
        assertions.assertQuery(session, "SELECT count(*) FROM orders WHERE note IS NULL");

        // ENCODE is Redshift's; PostgreSQL gets the same column without it
        session.execute("ALTER TABLE orders ADD code bigint ENCODE az64");
        assertions.executeOnPostgres("ALTER TABLE orders ADD code bigint");
        assertions.executeInBoth(session, "UPDATE orders SET code = o_orderkey * 2 WHERE o_orderkey % 3 = 0");
        assertTables();

        // a restart reads the same manifest; VACUUM rewrites every group with all columns
        restart();
        assertTables();
        session.execute("VACUUM orders");
        assertTables();
        assertions.assertQuery(session, "SELECT * FROM orders WHERE code > 1000 AND note IS NULL");
    }

    @Test
    void testAddColumnWithDefault()
    {
        alterInBoth("ALTER TABLE orders ADD COLUMN priority_rank integer DEFAULT 7");
        alterInBoth("ALTER TABLE nation ADD COLUMN label varchar(30) DEFAULT 'nation ' || 'x'");
        assertTables();
        assertions.assertQuery(session, "SELECT count(*) FROM orders WHERE priority_rank = 7");
        alterInBoth("ALTER TABLE nation ADD COLUMN IF NOT EXISTS label integer");
        assertTables();
    }

    @Test
    void testDropColumn()
    {
        alterInBoth("ALTER TABLE orders DROP COLUMN o_comment");
        alterInBoth("ALTER TABLE orders DROP o_clerk RESTRICT");
        assertTables();
        session.execute("INSERT INTO orders SELECT o_orderkey, o_custkey, o_orderstatus, o_totalprice, o_orderdate, o_orderpriority, o_shippriority "
                + "FROM tpch.tiny.orders WHERE o_orderkey < 100");
        assertions.executeOnPostgres("INSERT INTO orders SELECT o_orderkey, o_custkey, o_orderstatus, o_totalprice, o_orderdate, o_orderpriority, o_shippriority "
                + "FROM %s.orders WHERE o_orderkey < 100".formatted(tpch));
        assertTables();
        // a column added after a drop never reads the dropped column's old blocks
        alterInBoth("ALTER TABLE orders ADD COLUMN o_comment varchar(79)");
        assertTables();
        assertions.assertQuery(session, "SELECT count(*), count(o_comment) FROM orders");
        alterInBoth("ALTER TABLE orders DROP COLUMN IF EXISTS no_such_column");
        restart();
        assertTables();
    }

    @Test
    void testRenames()
    {
        alterInBoth("ALTER TABLE orders RENAME COLUMN o_comment TO remark");
        alterInBoth("ALTER TABLE orders RENAME o_orderdate TO ordered_on");
        assertions.assertQuery(session, "SELECT remark, ordered_on FROM orders WHERE ordered_on < DATE '1992-03-01'");
        alterInBoth("ALTER TABLE nation RENAME TO country");
        assertions.assertQuery(session, "SELECT * FROM country");
        assertQueryFails(session, "SELECT * FROM nation", "42P01", "nation");
        // the renamed sort key column still sorts and prunes
        session.execute("INSERT INTO orders SELECT * FROM tpch.tiny.orders WHERE o_orderkey < 50");
        assertions.executeOnPostgres("INSERT INTO orders SELECT * FROM %s.orders WHERE o_orderkey < 50".formatted(tpch));
        restart();
        assertions.assertQuery(session, "SELECT * FROM orders");
        assertions.assertQuery(session, "SELECT * FROM country");
        assertions.assertQuery(session, "SELECT * FROM orders WHERE ordered_on BETWEEN DATE '1995-01-01' AND DATE '1995-01-10'");
    }

    @Test
    void testErrors()
    {
        assertions.assertBothFail(session, "ALTER TABLE orders DROP COLUMN no_such_column", "42703", "no_such_column");
        assertions.assertBothFail(session, "ALTER TABLE orders ADD COLUMN o_comment integer", "42701", "o_comment");
        assertions.assertBothFail(session, "ALTER TABLE orders RENAME COLUMN o_clerk TO o_comment", "42701", "o_comment");
        assertions.assertBothFail(session, "ALTER TABLE orders RENAME COLUMN no_such_column TO x", "42703", "no_such_column");
        assertions.assertBothFail(session, "ALTER TABLE orders RENAME TO nation", "42P07", "nation");
        assertions.assertBothFail(session, "ALTER TABLE no_such_table ADD COLUMN x integer", "42P01", "no_such_table");
        // Redshift keeps sort key and distribution key columns: PostgreSQL has no such keys
        assertQueryFails(session, "ALTER TABLE orders DROP COLUMN o_orderdate", "42P16", "cannot drop sortkey column \"o_orderdate\"");
        assertQueryFails(session, "ALTER TABLE orders DROP COLUMN o_orderkey", "42P16", "cannot drop sortkey column \"o_orderkey\"");
        assertQueryFails(session, "ALTER TABLE orders DROP COLUMN o_custkey", "42P16", "cannot drop distkey column \"o_custkey\"");
        assertQueryFails(session, "ALTER TABLE orders ADD COLUMN x integer ENCODE bytedict2", "42P16", "Unknown encoding BYTEDICT2");
        assertQueryFails(session, "ALTER TABLE orders ALTER COLUMN o_comment TYPE varchar(100)", "0A000", "ALTER");
        assertQueryFails(session, "ALTER TABLE orders ADD COLUMN x integer NOT NULL", "0A000", "NOT NULL");
        // nothing changed
        assertTables();
    }

    @Test
    void testAlterInTransactionBlocks()
    {
        session.execute("BEGIN");
        session.execute("ALTER TABLE orders ADD COLUMN scratch integer DEFAULT 1");
        session.execute("ALTER TABLE orders DROP COLUMN o_comment");
        session.execute("ALTER TABLE nation RENAME TO country");
        session.execute("ROLLBACK");
        assertTables();

        session.execute("BEGIN");
        session.execute("ALTER TABLE orders ADD COLUMN scratch integer");
        session.execute("UPDATE orders SET scratch = o_shippriority + 1 WHERE o_orderkey % 2 = 0");
        session.execute("ALTER TABLE orders RENAME COLUMN scratch TO marker");
        session.execute("COMMIT");
        assertions.executeOnPostgres("ALTER TABLE orders ADD COLUMN marker integer");
        assertions.executeOnPostgres("UPDATE orders SET marker = o_shippriority + 1 WHERE o_orderkey % 2 = 0");
        assertTables();
    }
}
