package io.basin.testing;

import io.basin.embedded.BasinSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;

import static java.util.Locale.ENGLISH;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Base for tests that check Basin against PostgreSQL on small tables created identically in
 * both engines ({@link #createTables()}). Each test class gets its own Basin and its own
 * PostgreSQL schema, named after the class, on the JVM's shared {@link TestingPostgreSqlServer}.
 */
@TestInstance(PER_CLASS)
public abstract class BasePostgresOracleTest
{
    private TestingBasin basin;
    private QueryAssertions assertions;

    @BeforeAll
    public final void setUpOracle()
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        String schema = getClass().getSimpleName().toLowerCase(ENGLISH);
        postgres.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        assertions = new QueryAssertions(postgres, schema);
        basin = new TestingBasin();
        createTables();
    }

    @AfterAll
    public final void tearDownOracle()
            throws SQLException
    {
        if (assertions != null) {
            assertions.close();
        }
        if (basin != null) {
            basin.close();
        }
    }

    /** Creates and fills the class's tables with {@link #executeInBoth}. */
    protected void createTables() {}

    protected final BasinSession session()
    {
        return basin.session();
    }

    protected final QueryAssertions assertions()
    {
        return assertions;
    }

    /** Basin's EXPLAIN of {@code sql}, one line per plan line. */
    protected final String explain(String sql)
    {
        return String.join("\n", session().execute("EXPLAIN " + sql).rows().stream().map(row -> (String) row.getFirst()).toList());
    }

    /** Runs a statement in Basin and in PostgreSQL, e.g. {@code CREATE TABLE} or {@code INSERT}. */
    protected final void executeInBoth(String sql)
    {
        assertions.executeInBoth(session(), sql);
    }

    /** Runs the same query in Basin and PostgreSQL and compares the rows. */
    protected final void assertQuery(String sql)
    {
        assertions.assertQuery(session(), sql);
    }

    /** Runs {@code basinSql} in Basin and its PostgreSQL spelling in PostgreSQL and compares the rows. */
    protected final void assertQuery(String basinSql, String postgresSql)
    {
        assertions.assertQuery(session(), basinSql, postgresSql);
    }

    /** Asserts that Basin rejects {@code sql} with {@code sqlState} and a message matching {@code messageRegex}. */
    protected final void assertQueryFails(String sql, String sqlState, String messageRegex)
    {
        QueryAssertions.assertQueryFails(session(), sql, sqlState, messageRegex);
    }

    /** Asserts that PostgreSQL and Basin both reject {@code sql} with {@code sqlState}. */
    protected final void assertBothFail(String sql, String sqlState, String messageRegex)
    {
        assertions.assertBothFail(session(), sql, sqlState, messageRegex);
    }
}
