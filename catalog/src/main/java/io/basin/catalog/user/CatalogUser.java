package io.basin.catalog.user;

import static java.util.Objects.requireNonNull;

/**
 * A user (PostgreSQL: a role) as the catalog holds it. The id is the user's OID
 * ({@code pg_user.usesysid}); it never changes, also not on rename.
 */
public record CatalogUser(long id, String name, UserAttributes attributes)
{
    public CatalogUser
    {
        requireNonNull(name, "name is null");
        requireNonNull(attributes, "attributes is null");
    }

    /** Whether this is the user a new catalog starts with, which cannot be dropped. */
    public boolean isBootstrapUser()
    {
        return id == UserCatalog.BOOTSTRAP_USER_ID;
    }
}
