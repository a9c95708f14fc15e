package io.basin.warehouse;

import io.basin.embedded.BasinSession;
import io.basin.error.BasinException;
import io.basin.testing.TestingBasin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * BEGIN ... COMMIT blocks in the local database: the block's writes commit together or not at
 * all, other sessions see none of them before the commit, and of two blocks changing the same
 * rows the second to commit fails with SQLSTATE 40001. The oracle is the TPC-H generator's rows.
 */
class TestWarehouseTransactions
{
    private TestingBasin basin;

    @BeforeEach
    void setUp()
    {
        basin = new TestingBasin();
        basin.execute("CREATE TABLE orders AS SELECT * FROM tpch.tiny.orders");
    }

    @AfterEach
    void tearDown()
    {
        basin.close();
    }

    private static List<List<Object>> rows(BasinSession session, String sql)
    {
        return session.execute(sql).rows();
    }

    @Test
    void testBlockCommitsAllOrNothing()
    {
        BasinSession session = basin.session();
        try (BasinSession other = basin.basin().newSession()) {
            session.execute("BEGIN");
            session.execute("CREATE TABLE recent AS SELECT * FROM orders WHERE o_orderdate >= DATE '1998-01-01'");
            session.execute("DELETE FROM orders WHERE o_orderdate >= DATE '1998-01-01'");
            session.execute("INSERT INTO recent SELECT * FROM tpch.tiny.orders WHERE o_orderkey < 10");
            // the block sees its own writes; another session sees none of them
            assertThat(rows(session, "SELECT count(*) FROM orders"))
                    .isEqualTo(rows(session, "SELECT count(*) FROM tpch.tiny.orders WHERE o_orderdate < DATE '1998-01-01'"));
            assertThat(rows(other, "SELECT count(*) FROM orders")).isEqualTo(rows(other, "SELECT count(*) FROM tpch.tiny.orders"));
            assertThatThrownBy(() -> other.execute("SELECT count(*) FROM recent")).hasMessageContaining("recent");
            session.execute("COMMIT");

            assertThat(rows(other, "SELECT count(*), sum(o_totalprice) FROM orders"))
                    .isEqualTo(rows(other, "SELECT count(*), sum(o_totalprice) FROM tpch.tiny.orders WHERE o_orderdate < DATE '1998-01-01'"));
            assertThat(rows(other, "SELECT count(*), sum(o_totalprice) FROM recent"))
                    .isEqualTo(rows(other, "SELECT count(*), sum(o_totalprice) FROM tpch.tiny.orders WHERE o_orderdate >= DATE '1998-01-01' OR o_orderkey < 10"));
        }
    }

    @Test
    void testRollbackAndFailedBlocksLeaveNoTrace()
    {
        BasinSession session = basin.session();
        String summary = "SELECT count(*), sum(o_orderkey) FROM ";
        session.execute("BEGIN");
        session.execute("DELETE FROM orders WHERE o_orderstatus = 'F'");
        session.execute("CREATE TABLE scratch (x integer)");
        session.execute("ROLLBACK");
        assertThat(rows(session, summary + "orders")).isEqualTo(rows(session, summary + "tpch.tiny.orders"));
        assertThatThrownBy(() -> session.execute("SELECT * FROM scratch")).hasMessageContaining("scratch");

        session.execute("BEGIN");
        session.execute("DELETE FROM orders WHERE o_orderstatus = 'F'");
        assertThatThrownBy(() -> session.execute("SELECT 1 / 0")).isInstanceOf(BasinException.class);
        // COMMIT of a failed block rolls it back
        session.execute("COMMIT");
        assertThat(rows(session, summary + "orders")).isEqualTo(rows(session, summary + "tpch.tiny.orders"));

        // writes to a catalog without atomic commits stay refused inside a block
        session.execute("BEGIN");
        assertThatThrownBy(() -> session.execute("CREATE TABLE memory.public.t AS SELECT 1 AS x"))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
        session.execute("ROLLBACK");
    }

    @Test
    void testConflictingBlocksNeverLoseAnUpdate()
    {
        BasinSession first = basin.session();
        try (BasinSession second = basin.basin().newSession()) {
            first.execute("BEGIN");
            second.execute("BEGIN");
            first.execute("DELETE FROM orders WHERE o_orderkey < 1000");
            second.execute("DELETE FROM orders WHERE o_orderkey >= 1000 AND o_orderkey < 2000");
            first.execute("COMMIT");
            assertThatThrownBy(() -> second.execute("COMMIT"))
                    .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("40001"))
                    .hasMessageContaining("could not serialize access");
            // the first block's delete stands, the second's never happened; the session is usable again
            assertThat(rows(second, "SELECT count(*), sum(o_orderkey) FROM orders"))
                    .isEqualTo(rows(second, "SELECT count(*), sum(o_orderkey) FROM tpch.tiny.orders WHERE o_orderkey >= 1000"));

            // appends commute: two blocks inserting into the same table both commit
            first.execute("BEGIN");
            second.execute("BEGIN");
            first.execute("INSERT INTO orders SELECT * FROM tpch.tiny.orders WHERE o_orderkey < 100");
            second.execute("INSERT INTO orders SELECT * FROM tpch.tiny.orders WHERE o_orderkey >= 100 AND o_orderkey < 1000");
            second.execute("COMMIT");
            first.execute("COMMIT");
            assertThat(rows(first, "SELECT count(*), sum(o_orderkey) FROM orders"))
                    .isEqualTo(rows(first, "SELECT count(*), sum(o_orderkey) FROM tpch.tiny.orders"));
        }
    }
}
