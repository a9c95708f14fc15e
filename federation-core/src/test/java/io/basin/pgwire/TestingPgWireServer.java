package io.basin.pgwire;

import io.basin.testing.TestingBasin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * A Basin over a temporary data directory with its PostgreSQL wire server on a free loopback
 * port. {@link #basin()} reaches the same engine in process, e.g. to create tables.
 */
public final class TestingPgWireServer
        implements AutoCloseable
{
    public static final String USER = "basin";
    public static final String DATABASE = "dev";

    private final TestingBasin basin;
    private final PgWireServer server;

    public TestingPgWireServer()
    {
        this(PgWireConfig.defaults());
    }

    /** A server with {@code config}, on a free port whatever {@code config} says. */
    public TestingPgWireServer(PgWireConfig config)
    {
        requireNonNull(config, "config is null");
        basin = new TestingBasin();
        try {
            server = PgWireServer.start(basin.basin().engine(), config.withPort(0));
        }
        catch (RuntimeException e) {
            basin.close();
            throw e;
        }
    }

    public TestingBasin basin()
    {
        return basin;
    }

    public PgWireServer server()
    {
        return server;
    }

    public int port()
    {
        return server.port();
    }

    /** PostgreSQL JDBC URL of database {@value #DATABASE}. */
    public String jdbcUrl()
    {
        return "jdbc:postgresql://127.0.0.1:%d/%s".formatted(port(), DATABASE);
    }

    /** A PostgreSQL JDBC connection as user {@value #USER}. */
    public Connection createConnection()
            throws SQLException
    {
        return createConnection(new Properties());
    }

    /** A PostgreSQL JDBC connection as user {@value #USER} with further driver properties. */
    public Connection createConnection(Properties properties)
            throws SQLException
    {
        Properties all = new Properties();
        all.putAll(properties);
        all.putIfAbsent("user", USER);
        return DriverManager.getConnection(jdbcUrl(), all);
    }

    public Connection connect()
            throws SQLException
    {
        return createConnection();
    }

    public Connection connect(Properties properties)
            throws SQLException
    {
        return createConnection(properties);
    }

    @Override
    public void close()
    {
        try {
            server.close();
        }
        finally {
            basin.close();
        }
    }
}
