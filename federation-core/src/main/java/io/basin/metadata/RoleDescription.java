package io.basin.metadata;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * A role (user) as {@code pg_roles} shows it.
 *
 * @param oid the role's id; the bootstrap superuser's is 10, as in PostgreSQL
 * @param connectionLimit empty for no limit
 */
public record RoleDescription(long oid, String name, boolean superuser, boolean createDatabase, boolean canLogin, OptionalInt connectionLimit, Optional<Instant> validUntil)
{
    public RoleDescription
    {
        requireNonNull(name, "name is null");
        requireNonNull(connectionLimit, "connectionLimit is null");
        requireNonNull(validUntil, "validUntil is null");
    }
}
