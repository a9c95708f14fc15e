package io.basin.connector.postgresql;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A column as PostgreSQL describes it. */
record RemoteColumn(String name, RemoteType type, boolean nullable, Optional<String> comment)
{
    RemoteColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(comment, "comment is null");
    }
}
