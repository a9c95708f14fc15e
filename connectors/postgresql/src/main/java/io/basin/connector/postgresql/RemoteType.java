package io.basin.connector.postgresql;

import io.basin.connector.jdbc.JdbcRemoteType;
import static java.util.Objects.requireNonNull;

/**
 * A column's type as PostgreSQL describes it.
 *
 * @param name the type's {@code pg_type.typname} ({@code int4}, {@code numeric}, an enum's name);
 *        for a domain, its base type's
 * @param kind {@code pg_type.typtype}: {@code b} base, {@code e} enum, {@code c} composite, ...
 * @param category {@code pg_type.typcategory}: {@code A} for arrays
 * @param typmod the type modifier ({@code atttypmod}), -1 when there is none
 * @param displayName the type as PostgreSQL prints it ({@code format_type}), for messages
 */
public record RemoteType(String name, char kind, char category, int typmod, String displayName)
        implements JdbcRemoteType
{
    public RemoteType
    {
        requireNonNull(name, "name is null");
        requireNonNull(displayName, "displayName is null");
    }
}
