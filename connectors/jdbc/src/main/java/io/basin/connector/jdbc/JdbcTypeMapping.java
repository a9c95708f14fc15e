package io.basin.connector.jdbc;

/** A dialect's mapping of remote column types to Basin types and readers. */
public interface JdbcTypeMapping
{
    /**
     * How a column of {@code type} is read; a type Basin cannot represent is an error naming
     * {@code column} and the type, never a silently changed value.
     */
    ColumnMapping map(String column, JdbcRemoteType type);
}
