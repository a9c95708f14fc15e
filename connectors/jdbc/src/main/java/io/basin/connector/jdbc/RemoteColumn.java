package io.basin.connector.jdbc;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A column as the remote database describes it. */
public record RemoteColumn(String name, JdbcRemoteType type, boolean nullable, Optional<String> comment)
{
    public RemoteColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(comment, "comment is null");
    }
}
