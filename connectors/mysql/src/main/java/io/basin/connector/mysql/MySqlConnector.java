package io.basin.connector.mysql;

import io.basin.connector.jdbc.JdbcConnector;

import static java.util.Objects.requireNonNull;

/**
 * A live MySQL or MariaDB server, read in place: its databases (as schemas) and tables with their
 * columns mapped to Basin types, read as streams over a HikariCP pool, large tables by
 * primary-key ranges. Read-only.
 */
public final class MySqlConnector
        extends JdbcConnector
{
    public MySqlConnector(String catalogName, MySqlConfig config)
    {
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(config, "config is null");
        MySqlClient client = new MySqlClient(catalogName, config);
        super(client, new MySqlTypeMapping(), new MySqlSplitManager(client), new MySqlSplitReads());
    }
}
