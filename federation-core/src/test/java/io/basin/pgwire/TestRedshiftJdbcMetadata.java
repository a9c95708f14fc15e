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
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * {@link java.sql.DatabaseMetaData} of Amazon Redshift's JDBC driver against Basin, which is what BI tools
 * and SQL editors call to list schemas, tables and columns. PostgreSQL's driver on PostgreSQL 17
 * is the oracle for names and JDBC types.
 *
 * <p>{@code getSchemas} reads {@code pg_catalog.pg_namespace} with {@code !~} and
 * {@code current_schemas(true)[1]}. {@code getTables} and {@code getColumns} first run
 * {@code select 1 from svv_external_schemas where schemaname like '...'}, a Redshift system view
 * Basin does not have yet: their tests are on the branch {@code wip-wiretests-pending}.
 */
@TestInstance(PER_CLASS)
final class TestRedshiftJdbcMetadata
{
    private static final String SCHEMA = "redshift_metadata";
    private static final List<String> SETUP = List.of(
            "CREATE SCHEMA " + SCHEMA,
            "CREATE TABLE " + SCHEMA + ".items (id integer, name varchar(30), amount decimal(10,2), shipped date, flag boolean, big bigint)",
            "CREATE TABLE " + SCHEMA + ".other (k bigint)");

    private TestingPgWireServer basin;
    private Connection redshift;
    private Connection postgres;

    @BeforeAll
    void setUp()
            throws SQLException
    {
        basin = new TestingPgWireServer();
        redshift = TestRedshiftJdbcClient.connectRedshift(basin.port(), new Properties());
        TestingPostgreSqlServer.shared().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        postgres = TestingPostgreSqlServer.shared().createConnection();
        try (Statement onBasin = redshift.createStatement();
                Statement onPostgres = postgres.createStatement()) {
            for (String statement : SETUP) {
                onBasin.execute(statement);
                onPostgres.execute(statement);
            }
        }
    }

    @AfterAll
    void tearDown()
            throws SQLException
    {
        if (redshift != null) {
            redshift.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (basin != null) {
            basin.close();
        }
    }

    @Test
    void testSchemas()
            throws SQLException
    {
        List<String> schemas = new ArrayList<>();
        try (ResultSet result = redshift.getMetaData().getSchemas()) {
            while (result.next()) {
                schemas.add(result.getString("TABLE_SCHEM"));
            }
        }
        assertThat(schemas).contains("public", SCHEMA);
    }
}
