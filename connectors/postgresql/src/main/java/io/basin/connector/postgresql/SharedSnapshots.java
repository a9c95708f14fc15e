package io.basin.connector.postgresql;

import io.basin.connector.jdbc.JdbcTransactionHandle;
import io.trino.spi.TrinoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * The snapshots that parallel reads share, one per Basin transaction: a connection in a
 * {@code REPEATABLE READ} transaction exports its snapshot ({@code pg_export_snapshot()}), every
 * split's connection adopts it ({@code SET TRANSACTION SNAPSHOT}), so all of them see the table
 * as of the same moment, as one connection would. The exporting transaction must stay open for
 * as long as splits may start: it ends with the Basin transaction ({@link #release}).
 */
final class SharedSnapshots
{
    private static final Logger log = LoggerFactory.getLogger(SharedSnapshots.class);

    private record Exported(Connection connection, String snapshot) {}

    private final PostgreSqlClient client;
    private final Map<UUID, Exported> snapshots = new ConcurrentHashMap<>();

    SharedSnapshots(PostgreSqlClient client)
    {
        this.client = requireNonNull(client, "client is null");
    }

    /** The snapshot of {@code transaction}, exported on first use. */
    String snapshot(JdbcTransactionHandle transaction)
    {
        return snapshots.computeIfAbsent(transaction.id(), _ -> export()).snapshot();
    }

    private Exported export()
    {
        Connection connection = client.openConnection();
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                try (ResultSet resultSet = statement.executeQuery("SELECT pg_export_snapshot()")) {
                    resultSet.next();
                    return new Exported(connection, resultSet.getString(1));
                }
            }
        }
        catch (SQLException e) {
            TrinoException failure = client.queryFailure(e);
            try {
                connection.close();
            }
            catch (SQLException closeFailure) {
                failure.addSuppressed(closeFailure);
            }
            throw failure;
        }
    }

    /** Ends the exporting transaction of {@code transaction}, if it has one. */
    void release(JdbcTransactionHandle transaction)
    {
        Exported exported = snapshots.remove(transaction.id());
        if (exported == null) {
            return;
        }
        try (Connection connection = exported.connection()) {
            connection.rollback();
        }
        catch (SQLException e) {
            // the snapshot's transaction ends with its connection either way
            log.warn("Cannot end the transaction of exported snapshot {} of {}", exported.snapshot(), client.catalogName(), e);
        }
    }

    void releaseAll()
    {
        snapshots.keySet().forEach(id -> release(new JdbcTransactionHandle(id)));
    }
}
