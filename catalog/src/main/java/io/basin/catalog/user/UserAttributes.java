package io.basin.catalog.user;

import io.basin.catalog.password.PasswordVerifiers;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * What the catalog knows of a user besides its id and name, as PostgreSQL's {@code pg_authid}
 * columns: {@code rolsuper}, {@code rolcreatedb}, {@code rolcanlogin}, {@code rolpassword},
 * {@code rolvaliduntil} (empty: the password never expires) and {@code rolconnlimit} (empty: no
 * limit).
 */
public record UserAttributes(
        boolean superuser,
        boolean createDatabase,
        boolean canLogin,
        PasswordVerifiers password,
        Optional<Instant> passwordValidUntil,
        OptionalInt connectionLimit)
{
    /** What {@code CREATE USER name} gives: may log in, no password, no privileges. */
    public static final UserAttributes NEW_USER = new UserAttributes(false, false, true, PasswordVerifiers.NONE, Optional.empty(), OptionalInt.empty());

    public UserAttributes
    {
        requireNonNull(password, "password is null");
        requireNonNull(passwordValidUntil, "passwordValidUntil is null");
        requireNonNull(connectionLimit, "connectionLimit is null");
        if (connectionLimit.isPresent() && connectionLimit.getAsInt() < 0) {
            throw new IllegalArgumentException("connectionLimit is negative");
        }
    }

    public UserAttributes withSuperuser(boolean superuser)
    {
        return new UserAttributes(superuser, createDatabase, canLogin, password, passwordValidUntil, connectionLimit);
    }

    public UserAttributes withCreateDatabase(boolean createDatabase)
    {
        return new UserAttributes(superuser, createDatabase, canLogin, password, passwordValidUntil, connectionLimit);
    }

    public UserAttributes withCanLogin(boolean canLogin)
    {
        return new UserAttributes(superuser, createDatabase, canLogin, password, passwordValidUntil, connectionLimit);
    }

    public UserAttributes withPassword(PasswordVerifiers password)
    {
        return new UserAttributes(superuser, createDatabase, canLogin, password, passwordValidUntil, connectionLimit);
    }

    public UserAttributes withPasswordValidUntil(Optional<Instant> passwordValidUntil)
    {
        return new UserAttributes(superuser, createDatabase, canLogin, password, passwordValidUntil, connectionLimit);
    }

    public UserAttributes withConnectionLimit(OptionalInt connectionLimit)
    {
        return new UserAttributes(superuser, createDatabase, canLogin, password, passwordValidUntil, connectionLimit);
    }

    /** Whether the password has expired at {@code now} (a user without an expiry never expires). */
    public boolean passwordExpiredAt(Instant now)
    {
        return passwordValidUntil.isPresent() && passwordValidUntil.get().isBefore(now);
    }
}
