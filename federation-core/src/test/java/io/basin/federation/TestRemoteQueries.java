package io.basin.federation;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.error.BasinException;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingMariaDbServer;
import io.basin.testing.TestingPostgreSqlServer;
import io.trino.spi.ErrorType;
import io.trino.spi.TrinoException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Visibility and cancellation of the statements Basin runs at PostgreSQL and MariaDB sources:
 * {@code system.runtime.remote_queries} checked against the sources' own accounting (the
 * oracle's row counts, EXPLAIN's remote SQL), and a canceled or timed-out Basin query checked to
 * stop its remote statement by the sources' own view of what runs ({@code pg_stat_activity},
 * MariaDB's {@code information_schema.processlist}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestRemoteQueries
{
    private static final String PG_PASSWORD = "pg-S3cret-\u00e9x";
    private static final String MARIADB_PASSWORD = "my-S3cret-\u00e9x";
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
    private final TestingMariaDbServer mariadb = TestingMariaDbServer.shared();
    private QueryAssertions assertions;
    private Basin basin;
    private BasinSession session;

    @BeforeAll
    void setUp()
            throws Exception
    {
        assertions = new QueryAssertions(postgres, "monitored");
        postgres.execute("DROP TABLE IF EXISTS monitored.items CASCADE");
        postgres.execute("DROP VIEW IF EXISTS monitored.slow");
        postgres.execute("CREATE TABLE monitored.items (id integer PRIMARY KEY, name text)");
        postgres.execute("INSERT INTO monitored.items SELECT i, 'item ' || i FROM generate_series(1, 1000) i");
        postgres.execute("CREATE VIEW monitored.slow AS SELECT pg_sleep(30)::text AS s");
        mariadb.execute("CREATE DATABASE IF NOT EXISTS monitored");
        mariadb.execute("DROP TABLE IF EXISTS monitored.items");
        mariadb.execute("DROP VIEW IF EXISTS monitored.slow");
        mariadb.execute("CREATE TABLE monitored.items (id int PRIMARY KEY, name varchar(40))");
        mariadb.execute("INSERT INTO monitored.items SELECT seq, concat('item ', seq) FROM monitored.seq_1_to_1000");
        mariadb.execute("CREATE VIEW monitored.slow AS SELECT SLEEP(30) AS s");
        // the embedded MariaDB runs without grant tables: any password is accepted, and must appear nowhere
        Path dataDirectory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "basin-remote-queries-");
        basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
        session = basin.newSession();
        session.execute("CREATE EXTERNAL SCHEMA pgsrc FROM POSTGRES DATABASE '%s' SCHEMA 'monitored' URI '127.0.0.1' PORT %s USER '%s' PASSWORD '%s' SSLMODE 'disable'"
                .formatted(TestingPostgreSqlServer.DATABASE, postgres.getPort(), TestingPostgreSqlServer.USER, PG_PASSWORD));
        session.execute("CREATE EXTERNAL SCHEMA mysrc FROM MYSQL DATABASE 'monitored' URI '127.0.0.1' PORT %s USER '%s' PASSWORD '%s'"
                .formatted(mariadb.port(), TestingMariaDbServer.USER, MARIADB_PASSWORD));
    }

    @AfterAll
    void tearDown()
            throws Exception
    {
        session.close();
        basin.close();
        assertions.close();
    }

    private String remoteStatement(String sql)
    {
        List<String> remote = session.execute("EXPLAIN " + sql).rows().stream()
                .map(row -> (String) row.getFirst())
                .filter(line -> line.contains("RemoteQuery["))
                .map(line -> line.substring(line.indexOf("sql=") + 4, line.lastIndexOf("]  =>")))
                .toList();
        assertThat(remote).as("remote statements of %s", sql).hasSize(1);
        return remote.getFirst();
    }

    private List<List<Object>> remoteQueries(String source, String remoteSql)
    {
        return session.execute("SELECT state, row_count, bytes, elapsed_ms, started, error FROM system.runtime.remote_queries WHERE source = '%s' AND remote_sql = '%s' ORDER BY query_id DESC"
                .formatted(source, remoteSql.replace("'", "''"))).rows();
    }

    private long mariaDbCount(String sql)
    {
        return ((Number) queryMariaDb(sql).getFirst().getFirst()).longValue();
    }

    private List<List<Object>> queryMariaDb(String sql)
    {
        try (Connection connection = mariadb.connect();
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            return QueryAssertions.readRows(resultSet);
        }
        catch (SQLException e) {
            throw new IllegalStateException("MariaDB failed to run: " + sql, e);
        }
    }

    @Test
    void finishedPostgreSqlStatementsAreListedWithRowsAndBytes()
    {
        String sql = "SELECT id, name FROM pgsrc.items WHERE id <= 250";
        String remote = remoteStatement(sql);
        assertions.assertQuery(session, sql, "SELECT id, name FROM monitored.items WHERE id <= 250");
        long expectedRows = (Long) assertions.queryPostgres("SELECT count(*) FROM monitored.items WHERE id <= 250").getFirst().getFirst();
        List<List<Object>> listed = remoteQueries("pgsrc", remote);
        assertThat(listed).as("remote_queries rows for %s", remote).isNotEmpty();
        List<Object> latest = listed.getFirst();
        assertThat(latest.get(0)).isEqualTo("FINISHED");
        assertThat(latest.get(1)).isEqualTo(expectedRows);
        assertThat((Long) latest.get(2)).isPositive();
        assertThat((Double) latest.get(3)).isGreaterThanOrEqualTo(0.0);
        assertThat(latest.get(4)).isNotNull();
        assertThat(latest.get(5)).isNull();
    }

    @Test
    void finishedMariaDbStatementsAreListedWithRowsAndBytes()
    {
        String sql = "SELECT id, name FROM mysrc.items WHERE id > 900";
        String remote = remoteStatement(sql);
        assertThat(session.execute(sql).rows()).hasSize((int) mariaDbCount("SELECT count(*) FROM monitored.items WHERE id > 900"));
        List<List<Object>> listed = remoteQueries("mysrc", remote);
        assertThat(listed).as("remote_queries rows for %s", remote).isNotEmpty();
        assertThat(listed.getFirst().get(0)).isEqualTo("FINISHED");
        assertThat(listed.getFirst().get(1)).isEqualTo(mariaDbCount("SELECT count(*) FROM monitored.items WHERE id > 900"));
        assertThat((Long) listed.getFirst().get(2)).isPositive();
    }

    @Test
    void noCredentialAppearsInRemoteQueries()
    {
        session.execute("SELECT count(*) FROM pgsrc.items");
        session.execute("SELECT count(*) FROM mysrc.items");
        List<List<Object>> all = session.execute("SELECT source, state, remote_sql, error FROM system.runtime.remote_queries").rows();
        assertThat(all).extracting(row -> row.getFirst()).contains("pgsrc", "mysrc");
        assertThat(all.toString()).doesNotContain(PG_PASSWORD).doesNotContain(MARIADB_PASSWORD).doesNotContainIgnoringCase("password");
    }

    @Test
    void cancelingTheQueryCancelsThePostgreSqlStatement()
            throws Exception
    {
        BooleanSupplier running = () -> postgresRunning("\"slow\"");
        assertCancelStopsRemote("SELECT s FROM pgsrc.slow", running, "pgsrc", session::cancel);
    }

    @Test
    void statementTimeoutCancelsThePostgreSqlStatement()
            throws Exception
    {
        BooleanSupplier running = () -> postgresRunning("\"slow\"");
        session.execute("SET statement_timeout = '1500ms'");
        try {
            assertCancelStopsRemote("SELECT s FROM pgsrc.slow", running, "pgsrc", () -> {});
        }
        finally {
            session.execute("SET statement_timeout = 0");
        }
    }

    @Test
    void cancelingTheQueryCancelsTheMariaDbStatement()
            throws Exception
    {
        BooleanSupplier running = () -> mariaDbCount("SELECT count(*) FROM information_schema.processlist WHERE command = 'Query' AND info LIKE '%`slow`%' AND info NOT LIKE '%processlist%'") > 0;
        assertCancelStopsRemote("SELECT s FROM mysrc.slow", running, "mysrc", session::cancel);
    }

    @Test
    void postgreSqlBackendTerminatedMidQueryFailsClearlyAndLaterQueriesWork()
            throws Exception
    {
        String sql = "SELECT s FROM pgsrc.slow";
        CompletableFuture<Object> query = CompletableFuture.supplyAsync(() -> session.execute(sql));
        waitFor(() -> postgresRunning("\"slow\""), Duration.ofSeconds(15), "PostgreSQL to run " + sql);
        // the source kills Basin's connection, as an administrator or a failover would
        assertions.queryPostgres("SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE state = 'active' AND application_name = 'basin' AND query LIKE '%\"slow\"%'");
        TrinoException failure = failureOf(query);
        assertThat(failure.getErrorCode().getName()).isEqualTo("POSTGRESQL_CONNECTION_ERROR");
        assertThat(failure.getErrorCode().getType()).isEqualTo(ErrorType.EXTERNAL);
        assertThat(failure.getMessage()).contains("pgsrc").contains("57P01").doesNotContain(PG_PASSWORD);
        assertThat(session.execute("SELECT count(*) FROM pgsrc.items").rows().getFirst().getFirst())
                .isEqualTo(assertions.queryPostgres("SELECT count(*) FROM monitored.items").getFirst().getFirst());
    }

    @Test
    void mariaDbConnectionKilledMidQueryFailsClearlyAndLaterQueriesWork()
            throws Exception
    {
        String sql = "SELECT s FROM mysrc.slow";
        String running = "SELECT id FROM information_schema.processlist WHERE command = 'Query' AND info LIKE '%`slow`%' AND info NOT LIKE '%processlist%'";
        CompletableFuture<Object> query = CompletableFuture.supplyAsync(() -> session.execute(sql));
        waitFor(() -> !queryMariaDb(running).isEmpty(), Duration.ofSeconds(15), "MariaDB to run " + sql);
        for (List<Object> row : queryMariaDb(running)) {
            mariadb.execute("KILL CONNECTION " + ((Number) row.getFirst()).longValue());
        }
        TrinoException failure = failureOf(query);
        assertThat(failure.getErrorCode().getName()).isEqualTo("MYSQL_CONNECTION_ERROR");
        assertThat(failure.getErrorCode().getType()).isEqualTo(ErrorType.EXTERNAL);
        assertThat(failure.getMessage()).contains("mysrc").doesNotContain(MARIADB_PASSWORD);
        assertThat(session.execute("SELECT count(*) FROM mysrc.items").rows().getFirst().getFirst())
                .isEqualTo(mariaDbCount("SELECT count(*) FROM monitored.items"));
    }

    private static TrinoException failureOf(CompletableFuture<Object> query)
            throws Exception
    {
        try {
            Object result = query.get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            return fail("expected the query to fail, got " + result);
        }
        catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(TrinoException.class);
            return (TrinoException) e.getCause();
        }
    }

    private boolean postgresRunning(String fragment)
    {
        long active = (Long) assertions.queryPostgres("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND application_name = 'basin' AND query LIKE '%" + fragment + "%'")
                .getFirst().getFirst();
        return active > 0;
    }

    /**
     * Starts {@code sql} (a 30-second remote statement), waits until the source shows it running,
     * runs {@code cancel} (or lets a statement timeout fire), and asserts that the Basin query
     * fails as canceled (57014) long before the remote statement would have ended, that the
     * source no longer runs it, and that remote_queries lists it as canceled.
     */
    private void assertCancelStopsRemote(String sql, BooleanSupplier remoteRunning, String source, Runnable cancel)
            throws Exception
    {
        long start = System.nanoTime();
        CompletableFuture<Object> query = CompletableFuture.supplyAsync(() -> session.execute(sql));
        waitFor(remoteRunning, Duration.ofSeconds(15), "the source to run " + sql);
        cancel.run();
        try {
            Object result = query.get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            fail("expected the query to be canceled, got " + result);
        }
        catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(BasinException.class);
            assertThat(((BasinException) e.getCause()).sqlState()).as("SQLSTATE of %s", e.getCause().getMessage()).isEqualTo("57014");
        }
        waitFor(() -> !remoteRunning.getAsBoolean(), STOP_WAIT, "the source to stop running " + sql);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(25));
        List<List<Object>> listed = session.execute("SELECT state FROM system.runtime.remote_queries WHERE source = '%s' AND remote_sql LIKE '%%slow%%' ORDER BY query_id DESC".formatted(source)).rows();
        assertThat(listed).isNotEmpty();
        assertThat(listed.getFirst().getFirst()).isEqualTo("CANCELED");
        // the session and the source are usable afterwards
        assertThat(session.execute("SELECT count(*) FROM " + source + ".items").rows().getFirst().getFirst()).isEqualTo(1000L);
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after %s waiting for %s".formatted(timeout, what));
            }
            Thread.sleep(100);
        }
    }
}
