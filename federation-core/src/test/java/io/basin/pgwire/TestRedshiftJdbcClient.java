package io.basin.pgwire;

import io.basin.testing.QueryAssertions;
import io.basin.testing.ResultComparator;
import io.basin.testing.TestingPostgreSqlServer;
import io.basin.testing.TpchPostgresLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Amazon Redshift's own JDBC driver ({@code com.amazon.redshift:redshift-jdbc42}) against Basin's
 * wire server. The oracle is PostgreSQL 17 with the same tables, read through the PostgreSQL
 * JDBC driver: the Redshift driver cannot connect to PostgreSQL itself, which rejects the
 * startup parameters the driver sends ({@code driver_version}, {@code os_version},
 * {@code client_protocol_version}) with FATAL 42704.
 *
 * <p>The driver needs {@code ssl=false} against a server without TLS: it defaults to TLS and
 * fails with "The server does not support SSL".
 */
@TestInstance(PER_CLASS)
final class TestRedshiftJdbcClient
{
    private static final String SCHEMA = "redshift_jdbc";

    private TestingPgWireServer basin;
    private Connection redshift;
    private Connection postgres;

    @BeforeAll
    void setUp()
            throws SQLException
    {
        TestingPostgreSqlServer postgresServer = TestingPostgreSqlServer.shared();
        String tpch = TpchPostgresLoader.load(postgresServer, 0.01);
        basin = new TestingPgWireServer();
        redshift = connectRedshift(basin.port(), new Properties());
        postgresServer.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        postgres = postgresServer.createConnection();

        List<String> setup = List.of(
                "CREATE SCHEMA " + SCHEMA,
                "SET search_path = " + SCHEMA,
                "CREATE TABLE nation AS SELECT * FROM %s.nation",
                "CREATE TABLE orders AS SELECT * FROM %s.orders",
                "CREATE TABLE items (id integer, name varchar(30), amount decimal(10,2), shipped date, flag boolean, big bigint)",
                "INSERT INTO items VALUES (1, 'plain', 12.50, DATE '2024-02-29', true, 9000000000)",
                "INSERT INTO items VALUES (2, 'Zürich ☃ 𝄞', -0.01, DATE '1999-12-31', false, -1)",
                "INSERT INTO items VALUES (3, CAST(NULL AS varchar(30)), CAST(NULL AS decimal(10,2)), CAST(NULL AS date), CAST(NULL AS boolean), CAST(NULL AS bigint))",
                "CREATE TABLE readings (id integer, ratio double precision, r real, ts timestamp, small smallint)",
                "INSERT INTO readings VALUES (1, 0.1, 1.5, TIMESTAMP '2024-02-29 10:00:00', 7), (2, 1e20, -2.5e-7, TIMESTAMP '1999-12-31 23:59:59.999999', -32768)",
                "INSERT INTO readings VALUES (3, CAST(NULL AS double precision), CAST(NULL AS real), CAST(NULL AS timestamp), CAST(NULL AS smallint))");
        try (Statement onBasin = redshift.createStatement();
                Statement onPostgres = postgres.createStatement()) {
            for (String statement : setup) {
                onBasin.execute(statement.formatted("tpch.tiny"));
                onPostgres.execute(statement.formatted(tpch));
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

    static Connection connectRedshift(int port, Properties extra)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", TestingPgWireServer.USER);
        properties.setProperty("ssl", "false");
        properties.putAll(extra);
        return DriverManager.getConnection("jdbc:redshift://127.0.0.1:%d/%s".formatted(port, TestingPgWireServer.DATABASE), properties);
    }

    @Test
    void testConnection()
            throws SQLException
    {
        DatabaseMetaData metadata = redshift.getMetaData();
        assertThat(metadata.getDriverName()).containsIgnoringCase("Redshift");
        assertThat(metadata.getURL()).startsWith("jdbc:redshift://127.0.0.1:" + basin.port());
        assertThat(metadata.getUserName()).isEqualTo(TestingPgWireServer.USER);
        assertThat(redshift.isValid(5)).isTrue();
        // the driver's startup parameters were accepted, and settings it sends are applied
        try (Connection connection = connectRedshift(basin.port(), properties("ApplicationName", "redshift-jdbc-test"));
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW application_name")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("redshift-jdbc-test");
        }
    }

    @Test
    void testQueries()
            throws SQLException
    {
        for (String query : List.of(
                "SELECT 1",
                "SELECT * FROM readings ORDER BY id",
                "SELECT 1 AS a, 'x' AS b, true AS c, CAST(NULL AS integer) AS d",
                "SELECT * FROM items ORDER BY id",
                "SELECT id, name, length(name), upper(name) FROM items ORDER BY id",
                "SELECT id, amount, amount * 2, big, big - 1 FROM items ORDER BY id",
                "SELECT n_regionkey, count(*), count(DISTINCT n_name), min(n_name) FROM nation GROUP BY n_regionkey",
                "SELECT o_orderstatus, count(*), sum(o_totalprice), min(o_orderdate), max(o_orderdate) FROM orders GROUP BY o_orderstatus ORDER BY 1",
                "SELECT o_orderkey, o_custkey, o_orderdate, o_totalprice, o_comment FROM orders",
                "SELECT n_name FROM nation WHERE n_nationkey < 0",
                "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 10) SELECT n, n * n FROM t ORDER BY n",
                // an aggregate with FILTER and a window function name their columns as the function does
                "SELECT count(*) FILTER (WHERE n_regionkey > 1), max(n_name) FILTER (WHERE n_regionkey = 0) FROM nation",
                "SELECT n_name, row_number() OVER (ORDER BY n_nationkey), rank() OVER (PARTITION BY n_regionkey ORDER BY n_name) FROM nation ORDER BY n_name",
                // ordered by columns outside the select list: Describe (portal) and Execute each plan the statement
                "SELECT n_name, n_regionkey FROM nation ORDER BY n_nationkey",
                "SELECT o_orderkey FROM orders ORDER BY o_totalprice DESC, o_orderkey LIMIT 10")) {
            try (Statement onBasin = redshift.createStatement();
                    Statement onPostgres = postgres.createStatement()) {
                assertSameResults(query, onBasin.executeQuery(query), onPostgres.executeQuery(query));
            }
        }
    }

    @Test
    void testPreparedStatements()
            throws SQLException
    {
        // the driver's default: binary results once it has named the statement (sixth run on)
        assertPreparedStatements(redshift);
        // and text results throughout
        try (Connection textOnly = connectRedshift(basin.port(), properties("binaryTransfer", "false"))) {
            textOnly.createStatement().execute("SET search_path = " + SCHEMA);
            assertPreparedStatements(textOnly);
        }
    }

    @Test
    void testTypedValuesBothWays()
            throws SQLException
    {
        // setDate and setTimestamp travel as text of unspecified type with a zone suffix ("2000-01-01 +00");
        // every column type comes back, in text and (past the threshold) in binary
        String sql = "SELECT id, ratio, r, ts, small FROM readings WHERE ts > ? AND ts < ? AND CAST(ts AS date) <> ? ORDER BY id";
        try (PreparedStatement onBasin = redshift.prepareStatement(sql);
                PreparedStatement onPostgres = postgres.prepareStatement(sql)) {
            for (int run = 0; run < 8; run++) {
                for (PreparedStatement statement : List.of(onBasin, onPostgres)) {
                    statement.setTimestamp(1, java.sql.Timestamp.valueOf("1990-01-01 00:00:00"));
                    statement.setTimestamp(2, java.sql.Timestamp.valueOf("2030-06-30 12:34:56.789"));
                    statement.setDate(3, java.sql.Date.valueOf("1970-01-01"));
                }
                assertSameResults(sql + ", run " + run, onBasin.executeQuery(), onPostgres.executeQuery());
            }
        }
    }

    @Test
    void testColumnMetadata()
            throws SQLException
    {
        // type names, precision and scale come from RowDescription's type OIDs and modifiers
        for (String query : List.of("SELECT * FROM items", "SELECT * FROM readings", "SELECT n_name, count(*) FROM nation GROUP BY n_name")) {
            try (Statement onBasin = redshift.createStatement();
                    Statement onPostgres = postgres.createStatement();
                    ResultSet basinResult = onBasin.executeQuery(query);
                    ResultSet postgresResult = onPostgres.executeQuery(query)) {
                assertThat(typeMetadata(basinResult.getMetaData())).as(query).isEqualTo(typeMetadata(postgresResult.getMetaData()));
            }
        }
    }

    private static List<String> typeMetadata(ResultSetMetaData metadata)
            throws SQLException
    {
        List<String> columns = new ArrayList<>();
        for (int column = 1; column <= metadata.getColumnCount(); column++) {
            columns.add("%s %s %d %d".formatted(metadata.getColumnLabel(column), metadata.getColumnTypeName(column), metadata.getPrecision(column), metadata.getScale(column)));
        }
        return columns;
    }

    /** Prepared statements on {@code connection} with PostgreSQL's results as the oracle. */
    private void assertPreparedStatements(Connection connection)
            throws SQLException
    {
        String sql = "SELECT n_nationkey, n_name, n_regionkey FROM nation WHERE n_regionkey = ? AND n_name <> ? ORDER BY n_nationkey";
        try (PreparedStatement onBasin = connection.prepareStatement(sql);
                PreparedStatement onPostgres = postgres.prepareStatement(sql)) {
            // past the driver's prepareThreshold (5), it switches to a named server-side statement
            for (int execution = 0; execution < 8; execution++) {
                for (PreparedStatement statement : List.of(onBasin, onPostgres)) {
                    statement.setInt(1, execution % 5);
                    statement.setString(2, "FRANCE");
                }
                assertSameResults(sql + " with " + execution % 5, onBasin.executeQuery(), onPostgres.executeQuery());
            }
        }

        String typed = "SELECT id, name FROM items WHERE amount > ? AND big <> ? AND flag = ? ORDER BY id";
        try (PreparedStatement onBasin = connection.prepareStatement(typed);
                PreparedStatement onPostgres = postgres.prepareStatement(typed)) {
            for (PreparedStatement statement : List.of(onBasin, onPostgres)) {
                statement.setBigDecimal(1, new BigDecimal("-1.00"));
                statement.setLong(2, 42L);
                statement.setBoolean(3, true);
            }
            assertSameResults(typed, onBasin.executeQuery(), onPostgres.executeQuery());
        }

        // a value is a value: quotes and comment markers in a string parameter change nothing
        String lookup = "SELECT count(*) FROM nation WHERE n_name = ?";
        try (PreparedStatement onBasin = connection.prepareStatement(lookup)) {
            onBasin.setString(1, "x' OR '1'='1' --");
            try (ResultSet result = onBasin.executeQuery()) {
                assertThat(result.next()).isTrue();
                assertThat(result.getLong(1)).isZero();
            }
            onBasin.setNull(1, Types.VARCHAR);
            try (ResultSet result = onBasin.executeQuery()) {
                assertThat(result.next()).isTrue();
                assertThat(result.getLong(1)).isZero();
            }
        }
    }

    @Test
    void testUpdatesThroughPreparedStatements()
            throws SQLException
    {
        try (Statement statement = redshift.createStatement()) {
            statement.execute("CREATE TABLE batch_test (k integer, v varchar(20))");
        }
        try (PreparedStatement insert = redshift.prepareStatement("INSERT INTO batch_test VALUES (?, ?)")) {
            for (int i = 1; i <= 3; i++) {
                insert.setInt(1, i);
                insert.setString(2, "value " + i);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            for (int i = 4; i <= 6; i++) {
                insert.setInt(1, i);
                insert.setString(2, "batched " + i);
                insert.addBatch();
            }
            assertThat(insert.executeBatch()).containsExactly(1, 1, 1);
        }
        try (Statement statement = redshift.createStatement();
                ResultSet result = statement.executeQuery("SELECT k, v FROM batch_test ORDER BY k")) {
            List<List<Object>> rows = QueryAssertions.readRows(result);
            assertThat(rows).containsExactly(
                    List.of(1, "value 1"), List.of(2, "value 2"), List.of(3, "value 3"),
                    List.of(4, "batched 4"), List.of(5, "batched 5"), List.of(6, "batched 6"));
        }
        try (Statement statement = redshift.createStatement()) {
            assertThat(statement.executeUpdate("DROP TABLE batch_test")).isZero();
        }
    }

    @Test
    void testFetchSizeReadsThroughPortal()
            throws SQLException
    {
        // with autocommit off and a fetch size, the driver reads the portal 100 rows per Execute
        String query = "SELECT o_orderkey, o_custkey, o_totalprice FROM orders ORDER BY o_orderkey";
        try (Connection connection = connectRedshift(basin.port(), properties("currentSchema", SCHEMA));
                Connection postgresConnection = TestingPostgreSqlServer.shared().createConnection(SCHEMA)) {
            connection.setAutoCommit(false);
            postgresConnection.setAutoCommit(false);
            try (Statement onBasin = connection.createStatement();
                    Statement onPostgres = postgresConnection.createStatement()) {
                onBasin.setFetchSize(100);
                onPostgres.setFetchSize(100);
                assertSameResults(query, onBasin.executeQuery(query), onPostgres.executeQuery(query));
            }
            connection.commit();
            postgresConnection.commit();
        }
    }

    @Test
    void testErrors()
            throws SQLException
    {
        try (Statement statement = redshift.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1 / 0"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22012"));
            assertThatThrownBy(() -> statement.executeQuery("SELEC 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42601"));
            // the connection is usable after errors
            try (ResultSet result = statement.executeQuery("SELECT count(*) FROM nation")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getLong(1)).isEqualTo(25);
            }
        }
        try (PreparedStatement statement = redshift.prepareStatement("SELECT n_name FROM nation WHERE n_nationkey = ?")) {
            statement.setString(1, "not a number");
            assertThatThrownBy(statement::executeQuery)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22P02"));
        }
    }

    @Test
    void testTransactions()
            throws SQLException
    {
        try (Connection connection = connectRedshift(basin.port(), properties("currentSchema", SCHEMA));
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try (ResultSet result = statement.executeQuery("SELECT count(*) FROM nation")) {
                assertThat(result.next()).isTrue();
            }
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
            // the failed transaction refuses statements until it ends
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25P02"));
            // the driver sends ROLLBACK through Parse/Bind/Execute: a failed block must accept it
            connection.rollback();
            try (ResultSet result = statement.executeQuery("SELECT 2")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isEqualTo(2);
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (ResultSet result = statement.executeQuery("SELECT 3")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isEqualTo(3);
            }
        }
    }

    @Test
    void testCancel()
            throws Exception
    {
        try (Connection connection = connectRedshift(basin.port(), new Properties());
                Statement statement = connection.createStatement()) {
            // 600 million generated rows: runs for minutes unless canceled
            CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
                try (ResultSet result = statement.executeQuery("SELECT sum(l_quantity) FROM tpch.sf100.lineitem")) {
                    return result.next();
                }
                catch (SQLException e) {
                    return e;
                }
            });
            // repeat: a cancel that arrives before the statement started cancels nothing
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!running.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(300);
                statement.cancel();
            }
            Object outcome = running.get(5, TimeUnit.SECONDS);
            assertThat(outcome).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
            try (ResultSet result = statement.executeQuery("SELECT 1")) {
                assertThat(result.next()).isTrue();
            }
        }
    }

    private static Properties properties(String name, String value)
    {
        Properties properties = new Properties();
        properties.setProperty(name, value);
        return properties;
    }

    /** Compares column labels, JDBC types and rows (in order under ORDER BY) of Basin's and PostgreSQL's result. */
    static void assertSameResults(String query, ResultSet basinResult, ResultSet postgresResult)
            throws SQLException
    {
        try (basinResult; postgresResult) {
            assertThat(columns(basinResult.getMetaData())).as("columns of %s", query).isEqualTo(columns(postgresResult.getMetaData()));
            List<List<Object>> expected = QueryAssertions.readRows(postgresResult);
            List<List<Object>> actual = QueryAssertions.readRows(basinResult);
            Optional<String> difference = ResultComparator.compare(expected, actual, QueryAssertions.hasTopLevelOrderBy(query));
            assertThat(difference).as("rows of %s", query).isEmpty();
        }
    }

    private static List<String> columns(ResultSetMetaData metadata)
            throws SQLException
    {
        List<String> columns = new ArrayList<>();
        for (int column = 1; column <= metadata.getColumnCount(); column++) {
            columns.add(metadata.getColumnLabel(column) + " " + jdbcTypeName(metadata.getColumnType(column)));
        }
        return columns;
    }

    private static String jdbcTypeName(int type)
    {
        for (var field : Types.class.getFields()) {
            try {
                if (field.getInt(null) == type) {
                    return field.getName();
                }
            }
            catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.valueOf(type);
    }
}
