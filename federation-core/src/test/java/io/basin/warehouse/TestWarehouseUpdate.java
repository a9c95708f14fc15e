package io.basin.warehouse;

import io.basin.embedded.BasinSession;
import io.basin.pgwire.TestingPgWireServer;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingBasin;
import io.basin.testing.TestingPostgreSqlServer;
import io.basin.testing.TpchPostgresLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.basin.testing.QueryAssertions.assertQueryFails;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * UPDATE of warehouse tables (delete bitmaps plus appended rows) against PostgreSQL running the
 * same statements on the same data: both start from TPC-H SF 0.01 (Basin's tables copied from the
 * {@code tpch} generator with sort keys, PostgreSQL's loaded from the same generator), and after
 * every statement the whole tables are compared, as well as the update counts.
 */
class TestWarehouseUpdate
{
    private static final String SCHEMA = "warehouse_update";

    private TestingBasin basin;
    private QueryAssertions assertions;
    private String tpch;

    @BeforeEach
    void setUp()
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        tpch = TpchPostgresLoader.load(postgres, 0.01);
        postgres.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        assertions = new QueryAssertions(postgres, SCHEMA);
        basin = new TestingBasin();
        for (String table : List.of("orders", "customer", "lineitem")) {
            assertions.executeOnPostgres("CREATE TABLE %s.%s AS SELECT * FROM %s.%s".formatted(SCHEMA, table, tpch, table));
        }
        basin.execute("CREATE TABLE orders DISTKEY (o_orderkey) SORTKEY (o_orderdate) AS SELECT * FROM tpch.tiny.orders");
        basin.execute("CREATE TABLE customer SORTKEY (c_custkey) AS SELECT * FROM tpch.tiny.customer");
        basin.execute("CREATE TABLE lineitem SORTKEY (l_shipdate) AS SELECT * FROM tpch.tiny.lineitem");
    }

    @AfterEach
    void tearDown()
            throws SQLException
    {
        assertions.close();
        basin.close();
    }

    private BasinSession session()
    {
        return basin.session();
    }

    /** Runs the UPDATE in both engines: the same update count, then the same table contents. */
    private void assertUpdate(String sql, String table)
    {
        long expected = updateOnPostgres(sql);
        long actual = session().execute(sql).updateCount();
        assertThat(actual).as("update count of %s", sql).isEqualTo(expected);
        assertions.assertQuery(session(), "SELECT * FROM " + table);
    }

    private long updateOnPostgres(String sql)
    {
        try (Connection connection = TestingPostgreSqlServer.shared().createConnection(SCHEMA);
                Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL failed to run " + sql, e);
        }
    }

    @Test
    void testUpdateWithExpressionsAndArbitraryConditions()
    {
        assertUpdate("UPDATE orders SET o_totalprice = o_totalprice * 1.1, o_comment = upper(o_comment) || '!' "
                + "WHERE o_orderpriority = '1-URGENT' AND (o_orderkey % 3 = 0 OR o_comment LIKE '%final%')", "orders");
        // every row, assigning a column from another column of the same row
        assertUpdate("UPDATE orders SET o_shippriority = o_custkey % 7, o_clerk = o_orderstatus", "orders");
        // a condition that matches nothing
        assertUpdate("UPDATE orders SET o_comment = 'never' WHERE o_orderkey < 0", "orders");
        // a subquery in the condition and in the value
        assertUpdate("UPDATE orders SET o_totalprice = (SELECT max(c_acctbal) FROM customer WHERE c_custkey = o_custkey) "
                + "WHERE o_custkey IN (SELECT c_custkey FROM customer WHERE c_nationkey = 7)", "orders");
        assertions.assertQuery(session(), "SELECT o_orderstatus, count(*), sum(o_totalprice), min(o_orderdate) FROM orders GROUP BY o_orderstatus");
    }

    @Test
    void testUpdateOfTheSortKeyColumn()
    {
        assertUpdate("UPDATE orders SET o_orderdate = o_orderdate + 400 WHERE o_orderkey % 5 = 1", "orders");
        // filters on the sort key, which zone maps prune by, see the moved rows
        assertions.assertQuery(session(), "SELECT * FROM orders WHERE o_orderdate > DATE '1998-08-01'");
        assertions.assertQuery(session(), "SELECT count(*), sum(o_totalprice) FROM orders WHERE o_orderdate BETWEEN DATE '1994-01-01' AND DATE '1994-03-31'");
        assertUpdate("UPDATE orders SET o_orderdate = DATE '1990-01-01' WHERE o_orderdate > DATE '1999-01-01'", "orders");
        assertions.assertQuery(session(), "SELECT * FROM orders WHERE o_orderdate < DATE '1992-01-01'");
        // VACUUM re-sorts the updated table without changing its rows
        session().execute("VACUUM orders");
        assertions.assertQuery(session(), "SELECT * FROM orders");
    }

    @Test
    void testUpdateToAndFromNull()
    {
        assertUpdate("UPDATE orders SET o_comment = NULL, o_clerk = CASE WHEN o_orderkey % 2 = 0 THEN NULL ELSE o_clerk END WHERE o_custkey < 300", "orders");
        assertUpdate("UPDATE orders SET o_comment = 'was null' WHERE o_comment IS NULL AND o_clerk IS NULL", "orders");
        assertUpdate("UPDATE orders SET o_clerk = coalesce(o_clerk, 'nobody') WHERE o_clerk IS NULL OR o_orderkey < 10", "orders");
        assertUpdate("UPDATE orders SET o_clerk = 'distinct' WHERE o_clerk IS DISTINCT FROM 'nobody' AND o_orderkey % 11 = 0", "orders");
        assertions.assertQuery(session(), "SELECT count(*), count(o_comment), count(o_clerk) FROM orders");

        // a NOT NULL column refuses NULL in both engines, and nothing changes
        assertions.executeInBoth(session(), "CREATE TABLE things (id integer NOT NULL, label varchar(20))");
        assertions.executeInBoth(session(), "INSERT INTO things VALUES (1, 'one'), (2, NULL), (3, 'three')");
        assertions.assertBothFail(session(), "UPDATE things SET id = NULL WHERE id = 2", "23502", "id");
        assertUpdate("UPDATE things SET label = NULL WHERE id <> 2", "things");
    }

    @Test
    void testUpdateFromOtherTables()
    {
        assertUpdate("UPDATE orders SET o_comment = c.c_name, o_totalprice = o_totalprice + c.c_acctbal "
                + "FROM customer c WHERE c.c_custkey = o_custkey AND c.c_mktsegment = 'BUILDING'", "orders");
        // the target with an alias, a FROM list of two tables
        assertUpdate("UPDATE orders AS o SET o_orderpriority = 'moved' FROM customer c, (SELECT 5 AS nation) n "
                + "WHERE c.c_custkey = o.o_custkey AND c.c_nationkey = n.nation", "orders");
        // a join that matches a row more than once, every match giving the same new values: each row is updated once
        assertUpdate("UPDATE orders SET o_comment = 'several lines', o_totalprice = o_totalprice + 1 FROM lineitem l "
                + "WHERE l.l_orderkey = o_orderkey AND l.l_quantity > 10", "orders");
        assertions.assertQuery(session(), "SELECT count(*), count(DISTINCT o_orderkey) FROM orders");
    }

    @Test
    void testUpdateFromWithDifferentMatchesTakesOneOfThem()
    {
        // PostgreSQL updates a row matched several times once, with one of the matches (unspecified which)
        String update = "UPDATE orders SET o_comment = 'line ' || CAST(l.l_linenumber AS varchar) FROM lineitem l WHERE l.l_orderkey = o_orderkey AND o_orderkey < 2000";
        long expected = updateOnPostgres(update);
        assertThat(session().execute(update).updateCount()).isEqualTo(expected);
        // no row appears twice and no row is lost
        assertions.assertQuery(session(), "SELECT o_orderkey, count(*) FROM orders GROUP BY o_orderkey");
        // the columns the statement does not assign, and the rows it does not match, are PostgreSQL's
        assertions.assertQuery(session(), "SELECT o_orderkey, o_custkey, o_orderstatus, o_totalprice, o_orderdate, o_orderpriority, o_clerk, o_shippriority FROM orders");
        assertions.assertQuery(session(), "SELECT * FROM orders WHERE o_orderkey >= 2000");
        // each updated row holds one of its candidates, as PostgreSQL lists them
        List<List<Object>> candidates = assertions.queryPostgres("SELECT o.o_orderkey, 'line ' || CAST(l.l_linenumber AS varchar) FROM orders o JOIN lineitem l ON l.l_orderkey = o.o_orderkey WHERE o.o_orderkey < 2000");
        Map<Object, Set<Object>> allowed = candidates.stream().collect(Collectors.groupingBy(row -> row.get(0), Collectors.mapping(row -> row.get(1), Collectors.toSet())));
        List<List<Object>> updated = session().execute("SELECT o_orderkey, o_comment FROM orders WHERE o_orderkey < 2000").rows();
        assertThat(updated).hasSize(allowed.size());
        for (List<Object> row : updated) {
            assertThat(allowed.get(row.get(0))).as("candidates of order %s", row.get(0)).contains(row.get(1));
        }
    }

    @Test
    void testDeleteWithAnyCondition()
    {
        // conditions the connector cannot apply exactly are found by a query and deleted by row id
        assertUpdate("DELETE FROM orders WHERE o_orderkey % 5 = 0 OR o_comment LIKE '%special%'", "orders");
        assertUpdate("DELETE FROM orders WHERE o_custkey IN (SELECT c_custkey FROM customer WHERE c_mktsegment = 'MACHINERY')", "orders");
        assertUpdate("DELETE FROM orders o WHERE o.o_totalprice > (SELECT avg(o_totalprice) * 1.5 FROM orders)", "orders");
        assertUpdate("DELETE FROM lineitem WHERE l_quantity * l_discount > 2 AND l_shipdate < DATE '1995-01-01'", "lineitem");
        session().execute("BEGIN");
        assertUpdate("DELETE FROM customer WHERE upper(c_name) LIKE '%1%'", "customer");
        session().execute("ROLLBACK");
        assertions.assertQuery(session(), "SELECT * FROM customer", "SELECT * FROM %s.customer".formatted(tpch));
        assertions.assertBothFail(session(), "DELETE FROM orders WHERE 1 / (o_orderkey % 3) > 0", "22012", "division by zero");
        assertions.assertQuery(session(), "SELECT * FROM orders");
    }

    @Test
    void testFailedUpdateLeavesTheTableUnchanged()
    {
        Set<Path> files = dataFiles();
        assertions.assertBothFail(session(), "UPDATE orders SET o_totalprice = o_totalprice / (o_orderkey % 100) WHERE o_orderkey > 10", "22012", "division by zero");
        assertions.assertQuery(session(), "SELECT * FROM orders");
        // the new rows written before the failure were deleted with the statement
        assertThat(dataFiles()).isEqualTo(files);
        assertQueryFails(session(), "UPDATE orders SET no_such_column = 1", "42703", "no_such_column");
        assertQueryFails(session(), "UPDATE orders SET o_comment = 'a', o_comment = 'b'", "42601", "multiple assignments");
        assertQueryFails(session(), "UPDATE no_such_table SET x = 1", "42P01", "no_such_table");
        assertQueryFails(session(), "UPDATE orders o_comment = 'x'", "42601", "expected SET");
        assertQueryFails(session(), "UPDATE tpch.tiny.nation SET n_name = 'x'", "0A000", "UPDATE");
        assertThat(dataFiles()).isEqualTo(files);
        assertUpdate("UPDATE orders SET o_totalprice = o_totalprice / (o_orderkey % 100) WHERE o_orderkey % 100 <> 0", "orders");
    }

    /** The warehouse's files: block files of row groups, the manifest. */
    private Set<Path> dataFiles()
    {
        try (Stream<Path> files = Files.walk(basin.dataDirectory().resolve("warehouse"))) {
            return files.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void testUpdatesInTransactionBlocks()
    {
        String original = "SELECT * FROM %s.orders".formatted(tpch);
        session().execute("BEGIN");
        assertUpdate("UPDATE orders SET o_orderstatus = 'X', o_orderdate = o_orderdate - 30 WHERE o_orderkey % 4 = 0", "orders");
        session().execute("ROLLBACK");
        assertions.assertQuery(session(), "SELECT * FROM orders", original);

        // PostgreSQL's table is updated already; Basin commits the same change in a block of two statements
        session().execute("BEGIN");
        session().execute("UPDATE orders SET o_orderstatus = 'X' WHERE o_orderkey % 4 = 0");
        session().execute("UPDATE orders SET o_orderdate = o_orderdate - 30 WHERE o_orderstatus = 'X'");
        try (BasinSession other = basin.basin().newSession()) {
            assertions.assertQuery(other, "SELECT * FROM orders", original);
        }
        session().execute("COMMIT");
        assertions.assertQuery(session(), "SELECT * FROM orders");
    }

    @Test
    void testConcurrentWritersConflict()
    {
        try (BasinSession other = basin.basin().newSession()) {
            session().execute("BEGIN");
            session().execute("UPDATE orders SET o_comment = 'first' WHERE o_orderkey < 1000");
            // another writer commits a change of the same table first
            String second = "UPDATE orders SET o_comment = 'second' WHERE o_orderkey >= 1000 AND o_orderkey < 2000";
            long expected = updateOnPostgres(second);
            assertThat(other.execute(second).updateCount()).isEqualTo(expected);
            assertQueryFails(session(), "COMMIT", "40001", "could not serialize access");
            // only the committed writer's change is there, and the session works again
            assertions.assertQuery(session(), "SELECT * FROM orders");

            // an UPDATE and a DELETE of the same table: the second to commit fails
            session().execute("BEGIN");
            session().execute("DELETE FROM orders WHERE o_orderstatus = 'F'");
            other.execute("UPDATE orders SET o_clerk = 'late' WHERE o_orderstatus = 'O'");
            assertQueryFails(session(), "COMMIT", "40001", "could not serialize access");
            assertions.executeOnPostgres("UPDATE orders SET o_clerk = 'late' WHERE o_orderstatus = 'O'");
            assertions.assertQuery(session(), "SELECT * FROM orders");
        }
    }

    @Test
    void testUpdateCountOverTheWire()
            throws SQLException
    {
        try (TestingPgWireServer server = new TestingPgWireServer();
                Connection connection = server.createConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders SORTKEY (o_orderdate) AS SELECT * FROM tpch.tiny.orders");
            long expected = updateOnPostgres("UPDATE orders SET o_comment = 'wire' WHERE o_orderdate < DATE '1993-01-01'");
            // the JDBC driver reads the count from the command tag "UPDATE n"
            assertThat((long) statement.executeUpdate("UPDATE orders SET o_comment = 'wire' WHERE o_orderdate < DATE '1993-01-01'")).isEqualTo(expected);
            assertThat((long) statement.executeUpdate("UPDATE orders SET o_comment = 'none' WHERE o_orderkey < 0")).isZero();
        }
    }
}
