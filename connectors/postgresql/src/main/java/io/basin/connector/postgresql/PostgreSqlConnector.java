package io.basin.connector.postgresql;

import io.basin.connector.jdbc.JdbcConnector;
import io.basin.connector.jdbc.JdbcTransactionHandle;

import static java.util.Objects.requireNonNull;

/**
 * A live PostgreSQL database, read in place: its schemas and relations with their columns mapped
 * to Basin types, read through server-side cursors over a HikariCP pool, large tables by block
 * ranges in one shared snapshot. Read-only.
 */
public final class PostgreSqlConnector
        extends JdbcConnector
{
    private final SharedSnapshots snapshots;

    public PostgreSqlConnector(String catalogName, PostgreSqlConfig config)
    {
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(config, "config is null");
        PostgreSqlClient client = new PostgreSqlClient(catalogName, config);
        SharedSnapshots snapshots = new SharedSnapshots(client);
        this.snapshots = snapshots;
        super(client, new PostgreSqlTypeMapping(config.unboundedNumericScale()), new PostgreSqlSplitManager(client, snapshots), new PostgreSqlSplitReads());
    }

    @Override
    protected void transactionEnded(JdbcTransactionHandle transaction)
    {
        snapshots.release(transaction);
    }

    @Override
    public void shutdown()
    {
        snapshots.releaseAll();
        super.shutdown();
    }
}
