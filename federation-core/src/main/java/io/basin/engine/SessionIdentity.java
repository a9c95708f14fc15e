package io.basin.engine;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Who a session is: the authenticated user, the database it connected to, and the process id
 * clients see ({@code pg_backend_pid()}, the BackendKeyData of the wire protocol).
 *
 * @param user the session user; {@code current_user}
 * @param database the database name; {@code current_database()}. Basin has one local database.
 * @param backendPid a positive id unique among the engine's live sessions
 */
public record SessionIdentity(String user, String database, int backendPid)
{
    public static final String DEFAULT_USER = "basin";
    public static final String DEFAULT_DATABASE = "dev";

    public SessionIdentity
    {
        requireNonNull(user, "user is null");
        requireNonNull(database, "database is null");
        checkArgument(backendPid > 0, "backendPid must be positive");
    }
}
