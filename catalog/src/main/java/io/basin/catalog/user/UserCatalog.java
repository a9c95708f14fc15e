package io.basin.catalog.user;

import io.basin.catalog.CatalogException;
import io.basin.catalog.password.Md5PasswordHash;
import io.basin.catalog.password.PasswordVerifiers;
import io.basin.catalog.password.ScramSha256Verifier;
import io.basin.catalog.store.CatalogStore;
import io.basin.catalog.store.ObjectIdSequence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

import static io.basin.catalog.CatalogErrorCode.CATALOG_STORE_ERROR;
import static io.basin.catalog.CatalogErrorCode.DEPENDENT_OBJECTS_STILL_EXIST;
import static io.basin.catalog.CatalogErrorCode.DUPLICATE_OBJECT;
import static io.basin.catalog.CatalogErrorCode.INSUFFICIENT_PRIVILEGE;
import static io.basin.catalog.CatalogErrorCode.INVALID_NAME;
import static io.basin.catalog.CatalogErrorCode.RESERVED_NAME;
import static io.basin.catalog.CatalogErrorCode.UNDEFINED_OBJECT;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * The users of the catalog: create, alter, rename, drop, find, list. Each call is one transaction.
 * Names are exact (case-sensitive, as quoted identifiers are); the SQL layer folds unquoted names.
 * This class keeps the catalog's own invariants (unique names, the bootstrap user); who may do
 * what is decided by the caller.
 */
public final class UserCatalog
{
    /** The bootstrap superuser's id, PostgreSQL's {@code BOOTSTRAP_SUPERUSERID}. */
    public static final long BOOTSTRAP_USER_ID = 10;
    /** The bootstrap superuser's name in a new catalog: superuser, may log in, no password. */
    public static final String BOOTSTRAP_USER_NAME = "basin";
    /** Longest user name in UTF-8 bytes (Redshift allows 127, PostgreSQL 63). */
    public static final int MAX_NAME_BYTES = 127;

    static final String TABLE = "users";
    private static final String COLUMNS = "user_id, name, superuser, create_database, can_login, scram_verifier, md5_hash, password_valid_until, connection_limit";

    private final CatalogStore store;

    public UserCatalog(CatalogStore store)
    {
        this.store = requireNonNull(store, "store is null");
    }

    /** The statements of the catalog's first migration that create the users table and the bootstrap user. */
    public static String[] createStatements()
    {
        return new String[] {
                """
                CREATE TABLE users (
                    user_id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    superuser INTEGER NOT NULL CHECK (superuser IN (0, 1)),
                    create_database INTEGER NOT NULL CHECK (create_database IN (0, 1)),
                    can_login INTEGER NOT NULL CHECK (can_login IN (0, 1)),
                    scram_verifier TEXT,
                    md5_hash TEXT,
                    password_valid_until TEXT,
                    connection_limit INTEGER CHECK (connection_limit >= 0),
                    created_at TEXT NOT NULL
                ) STRICT""",
                "INSERT INTO users (user_id, name, superuser, create_database, can_login, created_at) VALUES (%s, '%s', 1, 1, 1, strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ'))"
                        .formatted(BOOTSTRAP_USER_ID, BOOTSTRAP_USER_NAME),
        };
    }

    /**
     * Creates a user.
     *
     * @throws CatalogException {@code DUPLICATE_OBJECT} when the name is taken, {@code RESERVED_NAME}
     * or {@code INVALID_NAME} for names a user cannot have
     */
    public CatalogUser create(String name, UserAttributes attributes)
    {
        checkName(name);
        requireNonNull(attributes, "attributes is null");
        return store.write("create role", connection -> {
            if (find(connection, name).isPresent()) {
                throw new CatalogException(DUPLICATE_OBJECT, "role \"%s\" already exists".formatted(name));
            }
            long id = ObjectIdSequence.next(connection);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, name);
                setAttributes(insert, 3, attributes);
                insert.setString(10, Instant.now().toString());
                insert.executeUpdate();
            }
            return new CatalogUser(id, name, attributes);
        });
    }

    /**
     * Changes a user's attributes: {@code change} gets the current ones and returns the new ones,
     * inside the transaction, so concurrent changes do not overwrite each other.
     *
     * @throws CatalogException {@code UNDEFINED_OBJECT} when there is no such user;
     * {@code INSUFFICIENT_PRIVILEGE} when the bootstrap user would lose SUPERUSER
     */
    public CatalogUser alter(String name, UnaryOperator<UserAttributes> change)
    {
        requireNonNull(name, "name is null");
        requireNonNull(change, "change is null");
        return store.write("alter role", connection -> {
            CatalogUser user = find(connection, name).orElseThrow(() -> undefinedRole(name));
            UserAttributes attributes = requireNonNull(change.apply(user.attributes()), "change returned null");
            if (user.isBootstrapUser() && !attributes.superuser()) {
                throw new CatalogException(INSUFFICIENT_PRIVILEGE, "permission denied to alter role: the bootstrap superuser must have the SUPERUSER attribute");
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE users SET superuser = ?, create_database = ?, can_login = ?, scram_verifier = ?, md5_hash = ?, password_valid_until = ?, connection_limit = ? WHERE user_id = ?")) {
                setAttributes(update, 1, attributes);
                update.setLong(8, user.id());
                update.executeUpdate();
            }
            return new CatalogUser(user.id(), name, attributes);
        });
    }

    /**
     * Renames a user. The md5 hash is salted with the name, so it no longer matches and is
     * removed, as PostgreSQL does ("MD5 password cleared because of role rename"); a SCRAM
     * verifier stays valid. A user whose only password was an md5 hash has none after the rename.
     *
     * @throws CatalogException {@code UNDEFINED_OBJECT}, {@code DUPLICATE_OBJECT}, or a name error
     */
    public CatalogUser rename(String name, String newName)
    {
        requireNonNull(name, "name is null");
        checkName(newName);
        return store.write("rename role", connection -> {
            CatalogUser user = find(connection, name).orElseThrow(() -> undefinedRole(name));
            if (find(connection, newName).isPresent()) {
                throw new CatalogException(DUPLICATE_OBJECT, "role \"%s\" already exists".formatted(newName));
            }
            UserAttributes attributes = user.attributes().withPassword(user.attributes().password().withoutMd5());
            try (PreparedStatement update = connection.prepareStatement("UPDATE users SET name = ?, md5_hash = NULL WHERE user_id = ?")) {
                update.setString(1, newName);
                update.setLong(2, user.id());
                update.executeUpdate();
            }
            return new CatalogUser(user.id(), newName, attributes);
        });
    }

    /**
     * Drops users, all or none. With {@code ifExists}, names of missing users are skipped;
     * without it, a missing user fails the whole drop.
     *
     * @return the users dropped, in the order given
     * @throws CatalogException {@code UNDEFINED_OBJECT}; {@code DEPENDENT_OBJECTS_STILL_EXIST} for the bootstrap user
     */
    public List<CatalogUser> drop(Collection<String> names, boolean ifExists)
    {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(requireNonNull(names, "names is null")));
        return store.write("drop role", connection -> {
            List<CatalogUser> dropped = new ArrayList<>();
            for (String name : distinct) {
                Optional<CatalogUser> user = find(connection, name);
                if (user.isEmpty()) {
                    if (ifExists) {
                        continue;
                    }
                    throw undefinedRole(name);
                }
                if (user.get().isBootstrapUser()) {
                    throw new CatalogException(DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop role %s because it is required by the database system".formatted(name));
                }
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM users WHERE user_id = ?")) {
                    delete.setLong(1, user.get().id());
                    delete.executeUpdate();
                }
                dropped.add(user.get());
            }
            return List.copyOf(dropped);
        });
    }

    public Optional<CatalogUser> find(String name)
    {
        requireNonNull(name, "name is null");
        return store.read("find role", connection -> find(connection, name));
    }

    public Optional<CatalogUser> find(long id)
    {
        return store.read("find role", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE user_id = ?")) {
                select.setLong(1, id);
                return readOne(select);
            }
        });
    }

    /** All users, by id. */
    public List<CatalogUser> list()
    {
        return store.read("list roles", connection -> {
            List<CatalogUser> users = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM users ORDER BY user_id");
                    ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    users.add(read(result));
                }
            }
            return List.copyOf(users);
        });
    }

    private static Optional<CatalogUser> find(Connection connection, String name)
            throws SQLException
    {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE name = ?")) {
            select.setString(1, name);
            return readOne(select);
        }
    }

    private static Optional<CatalogUser> readOne(PreparedStatement select)
            throws SQLException
    {
        try (ResultSet result = select.executeQuery()) {
            return result.next() ? Optional.of(read(result)) : Optional.empty();
        }
    }

    private static CatalogUser read(ResultSet result)
            throws SQLException
    {
        String name = result.getString("name");
        Optional<ScramSha256Verifier> scram = Optional.ofNullable(result.getString("scram_verifier"))
                .map(text -> ScramSha256Verifier.parse(text).orElseThrow(() -> corrupt(name, "SCRAM verifier")));
        Optional<Md5PasswordHash> md5 = Optional.ofNullable(result.getString("md5_hash"))
                .map(text -> Md5PasswordHash.parse(text).orElseThrow(() -> corrupt(name, "md5 hash")));
        String validUntil = result.getString("password_valid_until");
        long connectionLimit = result.getLong("connection_limit");
        boolean unlimited = result.wasNull();
        UserAttributes attributes = new UserAttributes(
                result.getInt("superuser") != 0,
                result.getInt("create_database") != 0,
                result.getInt("can_login") != 0,
                new PasswordVerifiers(scram, md5),
                Optional.ofNullable(validUntil).map(Instant::parse),
                unlimited ? OptionalInt.empty() : OptionalInt.of((int) connectionLimit));
        return new CatalogUser(result.getLong("user_id"), name, attributes);
    }

    private static void setAttributes(PreparedStatement statement, int first, UserAttributes attributes)
            throws SQLException
    {
        statement.setInt(first, attributes.superuser() ? 1 : 0);
        statement.setInt(first + 1, attributes.createDatabase() ? 1 : 0);
        statement.setInt(first + 2, attributes.canLogin() ? 1 : 0);
        setOptional(statement, first + 3, attributes.password().scram().map(ScramSha256Verifier::encoded));
        setOptional(statement, first + 4, attributes.password().md5().map(Md5PasswordHash::encoded));
        setOptional(statement, first + 5, attributes.passwordValidUntil().map(Instant::toString));
        if (attributes.connectionLimit().isPresent()) {
            statement.setInt(first + 6, attributes.connectionLimit().getAsInt());
        }
        else {
            statement.setNull(first + 6, Types.INTEGER);
        }
    }

    private static void setOptional(PreparedStatement statement, int index, Optional<String> value)
            throws SQLException
    {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        }
        else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    /** Checks a name a user is to get; PostgreSQL reserves {@code public} and the {@code pg_} prefix. */
    static void checkName(String name)
    {
        requireNonNull(name, "name is null");
        if (name.isEmpty()) {
            throw new CatalogException(INVALID_NAME, "zero-length role name");
        }
        if (name.getBytes(UTF_8).length > MAX_NAME_BYTES) {
            throw new CatalogException(INVALID_NAME, "role name is too long: %s bytes, at most %s".formatted(name.getBytes(UTF_8).length, MAX_NAME_BYTES));
        }
        if (name.equals("public") || name.equals("none")) {
            throw new CatalogException(RESERVED_NAME, "role name \"%s\" is reserved".formatted(name));
        }
        if (name.startsWith("pg_")) {
            throw new CatalogException(RESERVED_NAME, "role name \"%s\" is reserved: role names starting with \"pg_\" are reserved".formatted(name));
        }
    }

    private static CatalogException undefinedRole(String name)
    {
        return new CatalogException(UNDEFINED_OBJECT, "role \"%s\" does not exist".formatted(name));
    }

    private static CatalogException corrupt(String name, String what)
    {
        // the stored text is not shown: it is a password verifier
        return new CatalogException(CATALOG_STORE_ERROR, "Cannot read role \"%s\": its stored %s is malformed".formatted(name, what));
    }
}
