package io.basin.pgwire;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Basin with its wire server on a free port and a temporary data directory, for client tests. */
public final class TestingPgWireServer
        implements AutoCloseable
{
    private final Path dataDirectory;
    private final Basin basin;
    private final PgWireServer server;

    public TestingPgWireServer()
    {
        this(PgWireConfig.defaults().withPort(0));
    }

    public TestingPgWireServer(PgWireConfig config)
    {
        try {
            dataDirectory = Files.createTempDirectory("basin-pgwire");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
        server = PgWireServer.start(basin.engine(), config);
    }

    public Basin basin()
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

    public String jdbcUrl()
    {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/dev";
    }

    public Connection connect()
            throws SQLException
    {
        return connect(new Properties());
    }

    public Connection connect(Properties properties)
            throws SQLException
    {
        Properties copy = new Properties();
        copy.putAll(properties);
        copy.putIfAbsent("user", "basin");
        return DriverManager.getConnection(jdbcUrl(), copy);
    }

    @Override
    public void close()
    {
        server.close();
        basin.close();
    }
}
