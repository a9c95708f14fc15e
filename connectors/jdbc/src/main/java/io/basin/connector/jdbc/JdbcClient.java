package io.basin.connector.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.trino.spi.ErrorCodeSupplier;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.SchemaTableName;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One remote database, reached through a HikariCP pool: its catalog (schemas, relations,
 * columns, statistics), described by each dialect's queries, and connections for reading. Every
 * failure becomes a {@link TrinoException} naming the catalog; messages never contain the
 * password (the servers' own messages do not).
 */
public abstract class JdbcClient
        implements AutoCloseable
{
    private final String catalogName;
    private final String connectorName;
    private final DataSource dataSource;
    private final HikariDataSource pool;

    /**
     * @param connectorName the connector's name ({@code postgresql}), which also names the pool
     * @param dataSource the driver's data source, with the server, the login and the session settings
     * @param connectionInitSql a statement run on each new pooled connection (session settings a URL cannot carry)
     */
    protected JdbcClient(String catalogName, String connectorName, DataSource dataSource, int poolMaxSize, Duration connectTimeout, Optional<String> connectionInitSql)
    {
        this.catalogName = requireNonNull(catalogName, "catalogName is null");
        this.connectorName = requireNonNull(connectorName, "connectorName is null");
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        HikariConfig poolConfig = new HikariConfig();
        poolConfig.setPoolName("basin-" + connectorName + "-" + catalogName);
        poolConfig.setDataSource(dataSource);
        poolConfig.setMaximumPoolSize(poolMaxSize);
        poolConfig.setMinimumIdle(0);
        poolConfig.setConnectionTimeout(Math.max(250, connectTimeout.toMillis()));
        // no connection at creation: a catalog can be defined while its server is down
        poolConfig.setInitializationFailTimeout(-1);
        poolConfig.setAutoCommit(true);
        connectionInitSql.ifPresent(poolConfig::setConnectionInitSql);
        this.pool = new HikariDataSource(poolConfig);
    }

    public final String catalogName()
    {
        return catalogName;
    }

    /** The connector's name, as table handles show it: {@code postgresql}, {@code mysql}. */
    public final String connectorName()
    {
        return connectorName;
    }

    /** The database product as messages name it: {@code PostgreSQL}, {@code MySQL}. */
    public abstract String productName();

    /** The error code of a failed statement or an invalid description. */
    public abstract ErrorCodeSupplier queryError();

    /** How many rows a read fetches from the server at a time. */
    public abstract int fetchSize();

    /** A pooled connection; closing it returns it to the pool. */
    public final Connection openConnection()
    {
        try {
            if (pool.getHikariPoolMXBean() != null && pool.getHikariPoolMXBean().getTotalConnections() == 0) {
                // HikariCP retries a failing server until its connection timeout; with nothing
                // in the pool, one direct attempt tells at once whether the server can be reached
                // and accepts the login, so a wrong host or password fails fast
                dataSource.getConnection().close();
            }
            return pool.getConnection();
        }
        catch (SQLException e) {
            throw connectionFailure(e);
        }
    }

    /** The schemas Basin lists (each database's own system schemas left out). */
    public abstract List<String> listSchemas();

    /** Tables and views of a schema, or of all. */
    public abstract List<SchemaTableName> listTables(Optional<String> schema);

    /**
     * The relation that Basin's lower-case name {@code schema.table} denotes: the Trino SPI folds
     * names to lower case, so {@code "Mixed Case"} remotely is {@code "mixed case"} in Basin.
     * Two remote names that differ only in case make the name ambiguous, which is an error.
     */
    public abstract Optional<JdbcRelation.Named> findRelation(String schema, String table);

    /** The columns of a relation in order, as the database describes them. */
    public abstract List<RemoteColumn> getColumns(String schema, String table);

    /** A relation's statistics as the remote planner keeps them. */
    public abstract RemoteStatistics getStatistics(String schema, String table);

    /** The output columns of a {@code SELECT} statement, as the database describes them without running it. */
    public abstract List<RemoteColumn> describeQuery(String sql);

    /** The failure to reach the server or to log in. */
    public abstract TrinoException connectionFailure(SQLException e);

    /** The failure of a statement: a timeout, a lost connection, or the statement's own error. */
    public abstract TrinoException queryFailure(SQLException e);

    /** The failure of a statement Basin itself canceled at the source because its query was canceled. */
    public abstract TrinoException canceledByBasin(SQLException e);

    /** Reads a result set row into a value. */
    @FunctionalInterface
    public interface RowMapper<T>
    {
        T map(ResultSet resultSet)
                throws SQLException;
    }

    /** The rows of a catalog query, its parameters bound in order. */
    public final <T> List<T> query(String sql, List<?> parameters, RowMapper<T> mapper)
    {
        try (Connection connection = openConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    rows.add(mapper.map(resultSet));
                }
            }
            return rows;
        }
        catch (SQLException e) {
            throw queryFailure(e);
        }
    }

    @Override
    public void close()
    {
        pool.close();
    }
}
