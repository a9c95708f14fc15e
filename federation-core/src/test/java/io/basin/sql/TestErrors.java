package io.basin.sql;

import io.basin.error.BasinException;
import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Set;

import static io.basin.testing.TestingPostgreSqlServer.shared;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Errors carry the right SQLSTATE (confirmed by PostgreSQL where it reports the same one), syntax
 * errors their position, and the engine keeps working after each of them.
 */
class TestErrors
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE t (a integer, b varchar(10))");
        executeInBoth("INSERT INTO t VALUES (1, 'x'), (2, 'y')");
    }

    @Test
    void testSyntaxErrorPosition()
    {
        assertSyntaxErrorAt("SELECT a FROM WHERE a = 1");
        assertSyntaxErrorAt("SELECT a,\n       b\nFROM t\nWHERE a = = 1");
        assertSyntaxErrorAt("SELECT (a + 1 FROM t");
        assertSyntaxErrorAt("SELEC a FROM t");
    }

    @Test
    void testUndefinedTable()
    {
        assertBothFail("SELECT * FROM no_such_table", "42P01", "(?i)no_such_table");
        assertStillWorks();
        assertBothFail("SELECT t.a FROM t JOIN missing_table m ON t.a = m.a", "42P01", "(?i)missing_table");
        assertStillWorks();
    }

    @Test
    void testUndefinedColumn()
    {
        assertBothFail("SELECT no_such_column FROM t", "42703", "(?i)no_such_column");
        assertStillWorks();
        assertBothFail("SELECT a FROM t WHERE t.missing > 1", "42703", "(?i)missing");
        assertStillWorks();
    }

    @Test
    void testUndefinedFunction()
    {
        assertBothFail("SELECT no_such_function(a) FROM t", "42883", "(?i)no_such_function");
        assertStillWorks();
    }

    @Test
    void testTypeMismatch()
    {
        for (String sql : new String[] {
                "SELECT a + b FROM t",
                "SELECT * FROM t WHERE a = true",
                "SELECT CASE WHEN a > 1 THEN a ELSE b END FROM t"}) {
            assertFailsInBothWithOneOf(sql, Set.of("42804", "42883"));
            assertStillWorks();
        }
    }

    @Test
    void testUnsupportedFeature()
    {
        // valid SQL that Basin does not execute must say so with SQLSTATE 0A000, not fail otherwise
        assertQueryFails("""
                SELECT * FROM t MATCH_RECOGNIZE (
                    ORDER BY a
                    MEASURES FIRST(x.a) AS first_a
                    PATTERN (x+)
                    DEFINE x AS x.a > 0)""", "0A000", "(?i)support");
        assertStillWorks();
    }

    @Test
    void testRuntimeErrors()
    {
        assertBothFail("SELECT a / (a - 1) FROM t", "22012", "(?i)division by zero|divide by zero");
        assertStillWorks();
        assertBothFail("SELECT CAST(b AS integer) FROM t", "22P02", "(?i)invalid|cannot|x");
        assertStillWorks();
    }

    @Test
    void testErrorsInSequenceLeaveSessionUsable()
    {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> session().execute("SELECT * FROM no_such_table")).isInstanceOf(BasinException.class);
            assertThatThrownBy(() -> session().execute("SELEC 1")).isInstanceOf(BasinException.class);
            assertStillWorks();
        }
    }

    /**
     * Basin's syntax error names the line and column where PostgreSQL (the oracle) locates the
     * error, both in the message and in {@link BasinException#line()}/{@link BasinException#column()}.
     */
    private void assertSyntaxErrorAt(String sql)
    {
        int position = postgresErrorPosition(sql, "42601");
        int line = 1;
        int column = 1;
        for (int i = 0; i < position - 1; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                column = 1;
            }
            else {
                column++;
            }
        }
        BasinException failure = basinFailure(sql);
        assertThat(failure.sqlState()).as("SQLSTATE of %s", sql).isEqualTo("42601");
        assertThat(failure.getMessage())
                .as("message of a syntax error at line %s, column %s of %s", line, column, sql)
                .containsPattern("(?i)line\\s*%s\\D+(column\\s*)?%s\\b".formatted(line, column));
        assertThat(failure.line()).as("line of %s", sql).hasValue(line);
        assertThat(failure.column()).as("column of %s", sql).hasValue(column);
        assertStillWorks();
    }

    private void assertFailsInBothWithOneOf(String sql, Set<String> sqlStates)
    {
        assertThat(postgresSqlState(sql)).as("PostgreSQL's SQLSTATE for %s", sql).isIn(sqlStates);
        assertThat(basinFailure(sql).sqlState()).as("Basin's SQLSTATE for %s", sql).isIn(sqlStates);
    }

    private void assertStillWorks()
    {
        assertQuery("SELECT a, b FROM t");
    }

    private BasinException basinFailure(String sql)
    {
        try {
            session().execute(sql);
        }
        catch (BasinException e) {
            return e;
        }
        throw new AssertionError("Expected Basin to fail: " + sql);
    }

    private int postgresErrorPosition(String sql, String expectedSqlState)
    {
        PSQLException failure = postgresFailure(sql);
        assertThat(failure.getSQLState()).as("PostgreSQL's SQLSTATE for %s", sql).isEqualTo(expectedSqlState);
        ServerErrorMessage message = failure.getServerErrorMessage();
        assertThat(message).isNotNull();
        assertThat(message.getPosition()).as("PostgreSQL's error position for %s", sql).isPositive();
        return message.getPosition();
    }

    private String postgresSqlState(String sql)
    {
        return postgresFailure(sql).getSQLState();
    }

    private PSQLException postgresFailure(String sql)
    {
        try (var connection = shared().createConnection(getClass().getSimpleName().toLowerCase());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (PSQLException e) {
            return e;
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return fail("Expected PostgreSQL to fail: " + sql);
    }
}
