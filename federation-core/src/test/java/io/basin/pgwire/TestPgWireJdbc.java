package io.basin.pgwire;

import io.basin.testing.TestingPostgreSqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.util.PSQLException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Basin through the PostgreSQL JDBC driver, with PostgreSQL 17 answering the same statements on
 * the same data as the oracle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class TestPgWireJdbc
{
    private static final String ITEMS_DDL = "CREATE TABLE items (id integer, name varchar(40), price decimal(12,2), qty bigint, ship date, seen timestamp, flag boolean)";

    private TestingPgWireServer basin;
    private TestingPostgreSqlServer postgres;

    @BeforeAll
    void setUp()
            throws SQLException
    {
        basin = new TestingPgWireServer();
        postgres = TestingPostgreSqlServer.shared();
        postgres.execute("DROP TABLE IF EXISTS items");
        postgres.execute(ITEMS_DDL);
        try (Connection connection = basin.connect(); Statement statement = connection.createStatement()) {
            statement.execute(ITEMS_DDL);
        }
        String insert = "INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection b = basin.connect(); Connection p = postgres.createConnection();
                PreparedStatement bs = b.prepareStatement(insert); PreparedStatement ps = p.prepareStatement(insert)) {
            for (int i = 0; i < 500; i++) {
                for (PreparedStatement statement : List.of(bs, ps)) {
                    statement.setInt(1, i);
                    if (i % 37 == 0) {
                        statement.setNull(2, Types.VARCHAR);
                    }
                    else {
                        statement.setString(2, "item " + (i % 50) + (i % 7 == 0 ? " 'quoted' ü" : ""));
                    }
                    statement.setBigDecimal(3, new BigDecimal(i * 37 % 10_000).movePointLeft(2));
                    statement.setLong(4, (long) i * 1_000_000_007L % 9_999_999_967L);
                    statement.setDate(5, Date.valueOf(java.time.LocalDate.of(2024, 1, 1).plusDays(i % 400)));
                    statement.setTimestamp(6, Timestamp.valueOf(java.time.LocalDateTime.of(2024, 3, 1, 12, 0).plusSeconds(i * 3_601L)));
                    statement.setBoolean(7, i % 3 == 0);
                    statement.addBatch();
                }
            }
            assertThat(bs.executeBatch()).hasSize(500).containsOnly(1);
            ps.executeBatch();
        }
    }

    @AfterAll
    void tearDown()
    {
        if (basin != null) {
            basin.close();
        }
    }

    @Test
    void simpleQueryAndColumnMetadata()
            throws SQLException
    {
        try (Connection connection = basin.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1 AS one, 'x' AS letter, CAST(2.50 AS decimal(5,2)) AS amount")) {
            ResultSetMetaData metadata = rows.getMetaData();
            assertThat(metadata.getColumnCount()).isEqualTo(3);
            assertThat(metadata.getColumnName(1)).isEqualTo("one");
            assertThat(metadata.getColumnType(1)).isEqualTo(Types.INTEGER);
            assertThat(metadata.getColumnType(3)).isEqualTo(Types.NUMERIC);
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
            assertThat(rows.getString(2)).isEqualTo("x");
            assertThat(rows.getBigDecimal(3)).isEqualByComparingTo("2.50");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void queriesMatchPostgres()
            throws SQLException
    {
        List<String> queries = List.of(
                "SELECT id, name, price, qty, ship, seen, flag FROM items ORDER BY id",
                "SELECT name, count(*), sum(price), min(ship), max(seen) FROM items GROUP BY name ORDER BY name NULLS FIRST",
                "SELECT flag, avg(qty)::bigint, count(name) FROM items GROUP BY flag ORDER BY flag",
                "SELECT id FROM items WHERE name LIKE '%quoted%' ORDER BY id",
                "SELECT ship, count(*) FROM items WHERE ship BETWEEN DATE '2024-02-01' AND DATE '2024-02-10' GROUP BY ship ORDER BY ship");
        for (String query : queries) {
            assertThat(rows(basin.connect(), query, List.of())).as(query).isEqualTo(rows(postgres.createConnection(), query, List.of()));
        }
    }

    @Test
    void preparedStatementParametersMatchPostgres()
            throws SQLException
    {
        record Case(String sql, List<Object> parameters) {}
        List<Case> cases = List.of(
                new Case("SELECT id, name FROM items WHERE id = ?", List.of(42)),
                new Case("SELECT id FROM items WHERE qty > ? AND flag = ? ORDER BY id", List.of(5_000_000_000L, true)),
                new Case("SELECT id, price FROM items WHERE price BETWEEN ? AND ? ORDER BY id", List.of(new BigDecimal("10.00"), new BigDecimal("20.5"))),
                new Case("SELECT id FROM items WHERE name = ? ORDER BY id", List.of("item 7 'quoted' ü")),
                new Case("SELECT count(*) FROM items WHERE ship >= ? AND seen < ?", List.of(Date.valueOf("2024-06-01"), Timestamp.valueOf("2024-05-01 00:00:00"))),
                new Case("SELECT id FROM items WHERE name = ? OR id = ? ORDER BY id", List.of("'; DROP TABLE items; --", 3)),
                new Case("SELECT ? || name FROM items WHERE id = ?", List.of("prefix-", 8)));
        for (Case test : cases) {
            List<List<String>> expected = rows(postgres.createConnection(), test.sql(), test.parameters());
            assertThat(rows(basin.connect(), test.sql(), test.parameters())).as(test.sql()).isEqualTo(expected).isNotEmpty();
        }
    }

    @Test
    void serverPreparedStatementReusedManyTimes()
            throws SQLException
    {
        // pgjdbc switches to a named server-side statement after prepareThreshold (5) executions
        try (Connection b = basin.connect(); Connection p = postgres.createConnection();
                PreparedStatement bs = b.prepareStatement("SELECT name, price FROM items WHERE id = ?");
                PreparedStatement ps = p.prepareStatement("SELECT name, price FROM items WHERE id = ?")) {
            for (int i = 0; i < 20; i++) {
                bs.setInt(1, i * 11);
                ps.setInt(1, i * 11);
                assertThat(rows(bs)).isEqualTo(rows(ps));
            }
        }
    }

    @Test
    void errorsCarrySqlStateAndPosition()
            throws SQLException
    {
        try (Connection connection = basin.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1 FROM items WHERE"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42601");
                        assertThat(e.getServerErrorMessage().getPosition()).isGreaterThan(0);
                    });
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1 / (id - id) FROM items"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22012"));
            // the connection stays usable
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM items")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(500);
            }
        }
    }

    @Test
    void failedTransactionBlockUntilRollback()
            throws SQLException
    {
        try (Connection connection = basin.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM items")) {
                    assertThat(rows.next()).isTrue();
                }
                assertThatThrownBy(() -> statement.executeQuery("SELECT nope FROM items"))
                        .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42703"));
                assertThatThrownBy(() -> statement.executeQuery("SELECT 1"))
                        .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25P02"));
                connection.rollback();
                try (ResultSet rows = statement.executeQuery("SELECT 2")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).isEqualTo(2);
                }
                connection.commit();
            }
        }
    }

    @Test
    void fetchSizeStreamsThroughPortalSuspension()
            throws SQLException
    {
        try (Connection connection = basin.connect()) {
            // pgjdbc uses a cursor (Execute with a row limit) only outside auto-commit
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                long count = 0;
                long sum = 0;
                try (ResultSet rows = statement.executeQuery("SELECT l_orderkey, l_linenumber FROM tpch.tiny.lineitem")) {
                    while (rows.next()) {
                        count++;
                        sum += rows.getLong(1) * 10 + rows.getInt(2);
                    }
                }
                try (ResultSet rows = statement.executeQuery("SELECT count(*), sum(l_orderkey * 10 + l_linenumber) FROM tpch.tiny.lineitem")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(count).isEqualTo(rows.getLong(1));
                    assertThat(sum).isEqualTo(rows.getLong(2));
                }
            }
            connection.commit();
        }
    }

    @Test
    void cancelStopsRunningQuery()
            throws Exception
    {
        try (Connection connection = basin.connect(); Statement statement = connection.createStatement()) {
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try {
                Future<?> query = executor.submit(() -> statement.executeQuery("SELECT count(*) FROM tpch.sf100.lineitem a"));
                Thread.sleep(500);
                statement.cancel();
                assertThatThrownBy(() -> query.get(30, TimeUnit.SECONDS))
                        .cause()
                        .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
            }
            finally {
                executor.shutdownNow();
            }
            try (ResultSet rows = statement.executeQuery("SELECT 3")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(3);
            }
        }
    }

    @Test
    void manyConcurrentSessionsAndSlowQueryDoesNotBlockOthers()
            throws Exception
    {
        int sessions = 64;
        ExecutorService executor = Executors.newFixedThreadPool(sessions + 1);
        try (Connection slowConnection = basin.connect(); Statement slow = slowConnection.createStatement()) {
            Future<?> slowQuery = executor.submit(() -> slow.executeQuery("SELECT count(*) FROM tpch.sf100.lineitem"));
            Thread.sleep(200);
            CountDownLatch allConnected = new CountDownLatch(sessions);
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                int session = i;
                results.add(executor.submit(() -> {
                    try (Connection connection = basin.connect(); Statement statement = connection.createStatement()) {
                        // isolated session state: each sets its own search_path-independent setting
                        statement.execute("SET application_name = 'client-" + session + "'");
                        allConnected.countDown();
                        allConnected.await(30, TimeUnit.SECONDS);
                        try (ResultSet rows = statement.executeQuery("SELECT count(*) + " + session + " FROM items WHERE id % 64 = " + session)) {
                            rows.next();
                            return rows.getLong(1);
                        }
                    }
                }));
            }
            for (int i = 0; i < sessions; i++) {
                long expected = 500 / 64 + (i < 500 % 64 ? 1 : 0) + i;
                assertThat(results.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(expected);
            }
            // all 64 finished while the slow query still runs
            assertThat(slowQuery.isDone()).isFalse();
            slow.cancel();
            assertThatThrownBy(() -> slowQuery.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(PSQLException.class);
        }
        finally {
            executor.shutdownNow();
        }
    }

    private static List<List<String>> rows(Connection connection, String sql, List<Object> parameters)
            throws SQLException
    {
        try (connection; PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return rows(statement);
        }
    }

    private static List<List<String>> rows(PreparedStatement statement)
            throws SQLException
    {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
