package io.basin.metadata.pgcatalog;

import io.basin.pgwire.TestingPgWireServer;
import io.basin.testing.TestingPostgreSqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * pgjdbc's own DatabaseMetaData over Basin's wire server, against the same calls on PostgreSQL
 * for the same table: the driver runs its catalog queries on Basin and derives TYPE_NAME,
 * DATA_TYPE, COLUMN_SIZE, DECIMAL_DIGITS and NULLABLE from what they return.
 */
@TestInstance(PER_CLASS)
class TestDatabaseMetaDataOverWire
{
    private static final String TABLE = "wire_items";
    private static final String DEFINITION = "CREATE TABLE " + TABLE + " (id integer NOT NULL, name varchar(20), price numeric(10,2), d date, ts timestamp, " +
            "flag boolean, big bigint, r real, f double precision, s smallint, txt text, code varchar(3) NOT NULL)";
    private static final String ROWS = "INSERT INTO " + TABLE + " (id, name, code) VALUES (2, 'b', 'x'), (1, 'c', 'y'), (3, 'a', 'z')";
    private static final String POSTGRES_SCHEMA = "wire_metadata";

    private TestingPgWireServer server;
    private Connection basin;
    private Connection postgres;

    @BeforeAll
    void setUp()
            throws SQLException
    {
        server = new TestingPgWireServer();
        server.basin().execute(DEFINITION);
        server.basin().execute(ROWS);
        basin = server.createConnection();
        TestingPostgreSqlServer oracle = TestingPostgreSqlServer.shared();
        oracle.execute("DROP SCHEMA IF EXISTS " + POSTGRES_SCHEMA + " CASCADE");
        oracle.execute("CREATE SCHEMA " + POSTGRES_SCHEMA);
        postgres = oracle.createConnection(POSTGRES_SCHEMA);
        try (Statement statement = postgres.createStatement()) {
            statement.execute(DEFINITION);
            statement.execute(ROWS);
        }
    }

    @AfterAll
    void tearDown()
            throws SQLException
    {
        if (basin != null) {
            basin.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void testGetColumns()
            throws SQLException
    {
        String[] columns = {"COLUMN_NAME", "TYPE_NAME", "DATA_TYPE", "COLUMN_SIZE", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "IS_NULLABLE", "ORDINAL_POSITION", "IS_AUTOINCREMENT"};
        List<List<String>> basinColumns = rows(basin.getMetaData().getColumns(null, "public", TABLE, "%"), columns);
        assertThat(basinColumns).hasSize(12);
        assertThat(basinColumns).isEqualTo(rows(postgres.getMetaData().getColumns(null, POSTGRES_SCHEMA, TABLE, "%"), columns));
    }

    @Test
    void testGetTablesAndSchemas()
            throws SQLException
    {
        DatabaseMetaData metadata = basin.getMetaData();
        String[] columns = {"TABLE_NAME", "TABLE_TYPE"};
        assertThat(rows(metadata.getTables(null, "public", "wire%", new String[] {"TABLE"}), columns))
                .isEqualTo(rows(postgres.getMetaData().getTables(null, POSTGRES_SCHEMA, "wire%", new String[] {"TABLE"}), columns))
                .containsExactly(List.of(TABLE, "TABLE"));
        assertThat(rows(metadata.getTables(null, "tpch.tiny", "%", null), columns)).contains(List.of("nation", "TABLE"), List.of("lineitem", "TABLE"));
        assertThat(rows(metadata.getSchemas(), "TABLE_SCHEM", "TABLE_CATALOG")).contains(List.of("public", "dev"), List.of("tpch.tiny", "dev"), List.of("pg_catalog", "dev"));
        assertThat(rows(metadata.getCatalogs(), "TABLE_CAT")).containsExactly(List.of("dev"));
        assertThat(rows(metadata.getPrimaryKeys(null, "public", TABLE), "COLUMN_NAME"))
                .isEqualTo(rows(postgres.getMetaData().getPrimaryKeys(null, POSTGRES_SCHEMA, TABLE), "COLUMN_NAME"))
                .isEmpty();
        assertThat(rows(metadata.getIndexInfo(null, "public", TABLE, false, true), "INDEX_NAME")).isEmpty();
        assertThat(rows(metadata.getImportedKeys(null, "public", TABLE), "FKCOLUMN_NAME")).isEmpty();
    }

    @Test
    void testGetTypeInfo()
            throws SQLException
    {
        String[] columns = {"TYPE_NAME", "DATA_TYPE", "PRECISION", "NULLABLE", "CASE_SENSITIVE", "SEARCHABLE"};
        List<List<String>> basinTypes = rows(basin.getMetaData().getTypeInfo(), columns);
        assertThat(basinTypes).hasSizeGreaterThan(80);
        assertThat(rows(postgres.getMetaData().getTypeInfo(), columns)).containsAll(basinTypes);
    }

    @Test
    void testPreparedCatalogQueryWithOrderByOfRenamedColumn()
            throws SQLException
    {
        // described (Parse, Describe) before it runs: ORDER BY names the column its alias renames
        String sql = "SELECT name AS n FROM " + TABLE + " WHERE id > ? ORDER BY name";
        try (PreparedStatement basinStatement = basin.prepareStatement(sql);
                PreparedStatement postgresStatement = postgres.prepareStatement(sql)) {
            basinStatement.setInt(1, 0);
            postgresStatement.setInt(1, 0);
            assertThat(rows(basinStatement.executeQuery(), "n")).isEqualTo(rows(postgresStatement.executeQuery(), "n")).hasSize(3);
        }
    }

    private static List<List<String>> rows(ResultSet resultSet, String... columns)
            throws SQLException
    {
        try (resultSet) {
            List<List<String>> rows = new ArrayList<>();
            while (resultSet.next()) {
                List<String> row = new ArrayList<>();
                for (String column : columns) {
                    row.add(resultSet.getString(column));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
