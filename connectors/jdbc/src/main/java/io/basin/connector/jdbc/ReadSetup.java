package io.basin.connector.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a split's connection runs in its read transaction before the statement: e.g. PostgreSQL
 * joining the snapshot its sibling splits share.
 */
@FunctionalInterface
public interface ReadSetup
{
    ReadSetup NONE = _ -> {};

    void prepare(Connection connection)
            throws SQLException;
}
