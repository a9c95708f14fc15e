package io.basin.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;

import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Base for tests that check Basin against PostgreSQL holding the TPC-H tables at
 * {@link #scaleFactor()} (loaded once per JVM and scale factor by {@link TpchPostgresLoader}, in
 * schema {@link #schema}): each test class gets its own Basin, into which a subclass's own
 * {@code @BeforeAll} method copies the tables it needs (JUnit runs this class's first), and
 * {@link #assertions} compare answers with PostgreSQL's.
 */
@TestInstance(PER_CLASS)
public abstract class BaseTpchOracleTest
{
    protected TestingBasin basin;
    protected QueryAssertions assertions;
    /** PostgreSQL's schema of the TPC-H tables, named after the scale factor as Basin's {@code tpch} schemas are. */
    protected String schema;

    /** The TPC-H scale factor of PostgreSQL's tables. */
    protected double scaleFactor()
    {
        return 0.01;
    }

    @BeforeAll
    public final void setUpTpchOracle()
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        schema = TpchPostgresLoader.load(postgres, scaleFactor());
        assertions = new QueryAssertions(postgres, schema);
        basin = new TestingBasin();
    }

    @AfterAll
    public final void tearDownTpchOracle()
            throws SQLException
    {
        if (assertions != null) {
            assertions.close();
        }
        if (basin != null) {
            basin.close();
        }
    }
}
