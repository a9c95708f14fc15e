package io.basin.benchmarks;

import io.basin.pgwire.PgWireConfig;
import io.basin.pgwire.PgWireServer;
import io.basin.testing.TestingBasin;
import io.basin.testing.TestingPostgreSqlServer;
import io.basin.testing.TpchPostgresLoader;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * What {@link PgWireBenchmark} connects to: a name, a way to open JDBC connections to a
 * database holding TPC-H {@code nation} (SF 0.01, 25 rows) as an unqualified table, and what to
 * release afterwards.
 */
final class JdbcTarget
        implements AutoCloseable
{
    interface ConnectionFactory
    {
        Connection open()
                throws SQLException;
    }

    private final String name;
    private final String description;
    private final ConnectionFactory connections;
    private final List<AutoCloseable> resources;

    private JdbcTarget(String name, String description, ConnectionFactory connections, List<AutoCloseable> resources)
    {
        this.name = requireNonNull(name, "name is null");
        this.description = requireNonNull(description, "description is null");
        this.connections = requireNonNull(connections, "connections is null");
        this.resources = List.copyOf(resources);
    }

    /** Basin in this process with its wire server on a free loopback port; {@code nation} is a memory table in {@code dev.public}. */
    static JdbcTarget basinServer(boolean binaryTransfer)
    {
        TestingBasin basin = new TestingBasin();
        try {
            basin.execute("CREATE TABLE nation AS SELECT * FROM tpch.tiny.nation");
            PgWireServer server = PgWireServer.start(basin.basin().engine(), PgWireConfig.defaults().withPort(0));
            String url = "jdbc:postgresql://127.0.0.1:%d/dev".formatted(server.port());
            Properties properties = pgJdbcProperties("basin", binaryTransfer);
            List<AutoCloseable> resources = new ArrayList<>();
            resources.add(server);
            resources.add(basin);
            return new JdbcTarget("Basin", "Basin wire server in process, PgJDBC over 127.0.0.1", () -> DriverManager.getConnection(url, properties), resources);
        }
        catch (RuntimeException e) {
            basin.close();
            throw e;
        }
    }

    /** Embedded PostgreSQL 17 (a separate process); {@code nation} in schema {@code tiny}, which the connections search. */
    static JdbcTarget postgres(boolean binaryTransfer)
    {
        TestingPostgreSqlServer postgres = new TestingPostgreSqlServer();
        try {
            String schema = TpchPostgresLoader.load(postgres, 0.01);
            Properties properties = pgJdbcProperties(TestingPostgreSqlServer.USER, binaryTransfer);
            properties.setProperty("currentSchema", schema);
            String url = postgres.getJdbcUrl();
            return new JdbcTarget("PostgreSQL", "embedded PostgreSQL 17, PgJDBC over 127.0.0.1", () -> DriverManager.getConnection(url, properties), List.of(postgres));
        }
        catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** DuckDB in this process (no network: a reference point), {@code nation} appended from the generator. */
    static JdbcTarget duckDb()
            throws SQLException
    {
        DuckDbBenchmarkEngine duckDb = new DuckDbBenchmarkEngine(2);
        try {
            duckDb.load(0.01, (table, rows, nanos) -> {});
            return new JdbcTarget("DuckDB", "DuckDB JDBC in process, 2 threads", duckDb::newConnection, List.of(duckDb));
        }
        catch (SQLException | RuntimeException e) {
            duckDb.close();
            throw e;
        }
    }

    private static Properties pgJdbcProperties(String user, boolean binaryTransfer)
    {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("sslmode", "disable");
        properties.setProperty("binaryTransfer", String.valueOf(binaryTransfer));
        return properties;
    }

    String name()
    {
        return name;
    }

    String description()
    {
        return description;
    }

    Connection connect()
            throws SQLException
    {
        return connections.open();
    }

    @Override
    public void close()
            throws Exception
    {
        Exception failure = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            }
            catch (Exception e) {
                if (failure == null) {
                    failure = e;
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
