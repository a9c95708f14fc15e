package io.basin.connector.jdbc;

/** A column's type as the remote database describes it; each dialect has its own description. */
public interface JdbcRemoteType
{
    /** The type as the database prints it, for messages. */
    String displayName();
}
