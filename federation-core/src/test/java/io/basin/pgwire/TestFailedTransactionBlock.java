package io.basin.pgwire;

import io.basin.testing.TestingPostgreSqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * A transaction block that failed must still end through the extended query protocol: JDBC
 * drivers send {@code ROLLBACK} and {@code COMMIT} as Parse/Bind/Execute, and a server that
 * refused them at Bind with 25P02 would leave the connection failed for good. PostgreSQL, through
 * the same driver, is the oracle for what each step returns.
 */
@TestInstance(PER_CLASS)
final class TestFailedTransactionBlock
{
    private TestingPgWireServer basin;

    @BeforeAll
    void setUp()
    {
        basin = new TestingPgWireServer();
    }

    @AfterAll
    void tearDown()
    {
        if (basin != null) {
            basin.close();
        }
    }

    @Test
    void testRollbackEndsFailedBlock()
            throws SQLException
    {
        try (Connection onBasin = basin.createConnection();
                Connection onPostgres = TestingPostgreSqlServer.shared().createConnection()) {
            List<String> basinSteps = rollbackAfterError(onBasin);
            assertThat(basinSteps).isEqualTo(rollbackAfterError(onPostgres))
                    .containsExactly("SELECT 1 -> 1", "SELECT * FROM no_such_table -> 42P01", "SELECT 2 -> 25P02", "rollback -> ok", "SELECT 3 -> 3");
        }
    }

    @Test
    void testCommitEndsFailedBlock()
            throws SQLException
    {
        try (Connection onBasin = basin.createConnection();
                Connection onPostgres = TestingPostgreSqlServer.shared().createConnection()) {
            // COMMIT of a failed block rolls it back; the driver reports that as an error of its own
            List<String> basinSteps = commitAfterError(onBasin);
            assertThat(basinSteps).isEqualTo(commitAfterError(onPostgres));
            assertThat(basinSteps.getLast()).isEqualTo("SELECT 4 -> 4");
        }
    }

    private static List<String> rollbackAfterError(Connection connection)
            throws SQLException
    {
        List<String> steps = new ArrayList<>();
        connection.setAutoCommit(false);
        steps.add(step(connection, "SELECT 1"));
        steps.add(step(connection, "SELECT * FROM no_such_table"));
        steps.add(step(connection, "SELECT 2"));
        try {
            connection.rollback();
            steps.add("rollback -> ok");
        }
        catch (SQLException e) {
            steps.add("rollback -> " + e.getSQLState());
        }
        steps.add(step(connection, "SELECT 3"));
        return steps;
    }

    private static List<String> commitAfterError(Connection connection)
            throws SQLException
    {
        List<String> steps = new ArrayList<>();
        connection.setAutoCommit(false);
        steps.add(step(connection, "SELECT * FROM no_such_table"));
        try {
            connection.commit();
            steps.add("commit -> ok");
        }
        catch (SQLException e) {
            steps.add("commit -> " + e.getSQLState());
        }
        connection.setAutoCommit(true);
        steps.add(step(connection, "SELECT 4"));
        return steps;
    }

    /** {@code sql -> value} of a one-value query, or {@code sql -> SQLSTATE} when it fails. */
    private static String step(Connection connection, String sql)
    {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return sql + " -> " + result.getString(1);
        }
        catch (SQLException e) {
            return sql + " -> " + e.getSQLState();
        }
    }
}
