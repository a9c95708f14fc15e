package io.basin.engine;

import io.basin.catalog.CatalogException;
import io.basin.catalog.SystemCatalog;
import io.basin.catalog.password.PasswordVerifiers;
import io.basin.catalog.user.UserAttributes;
import io.basin.catalog.user.UserCatalog;
import io.basin.embedded.QueryResult;
import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import io.basin.error.CatalogErrors;
import io.basin.sql.parser.Statement;
import io.basin.sql.parser.Statement.PasswordOption;
import io.basin.sql.parser.Statement.UserOptions;

import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * Runs CREATE/ALTER/DROP USER against the system catalog, with Redshift's privilege rules: only a
 * superuser creates, drops, renames and alters users; any user may change its own password. A
 * user cannot drop or rename itself. Thread-safe.
 */
public final class UserStatementExecutor
{
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:mm", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHmm", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private final Supplier<SystemCatalog> catalog;
    private final SecureRandom random;

    /** @param catalog opens the catalog on first use; called once per statement */
    public UserStatementExecutor(Supplier<SystemCatalog> catalog, SecureRandom random)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.random = requireNonNull(random, "random is null");
    }

    /**
     * @param currentUser the session's user, whose privileges apply
     * @param timeZone the session's time zone, for VALID UNTIL without an offset
     */
    public QueryResult execute(Statement.UserStatement statement, String currentUser, ZoneId timeZone)
    {
        requireNonNull(statement, "statement is null");
        requireNonNull(currentUser, "currentUser is null");
        requireNonNull(timeZone, "timeZone is null");
        try {
            UserCatalog users = catalog.get().users();
            switch (statement) {
                case Statement.CreateUser create -> create(users, create, currentUser, timeZone);
                case Statement.AlterUser alter -> alter(users, alter, currentUser, timeZone);
                case Statement.RenameUser rename -> rename(users, rename, currentUser);
                case Statement.DropUser drop -> drop(users, drop, currentUser);
            }
            return QueryResult.updateCount(-1);
        }
        catch (CatalogException e) {
            throw CatalogErrors.toBasinException(e);
        }
    }

    private void create(UserCatalog users, Statement.CreateUser create, String currentUser, ZoneId timeZone)
    {
        requireSuperuser(users, currentUser, "create role");
        UserAttributes defaults = UserAttributes.NEW_USER.withCanLogin(!create.role());
        users.create(create.name(), apply(defaults, create.name(), create.options(), timeZone));
    }

    private void alter(UserCatalog users, Statement.AlterUser alter, String currentUser, ZoneId timeZone)
    {
        UserOptions options = alter.options();
        boolean onlyOwnPassword = alter.name().equals(currentUser)
                && options.superuser().isEmpty() && options.createDatabase().isEmpty() && options.login().isEmpty()
                && options.validUntil().isEmpty() && options.connectionLimit().isEmpty();
        if (!onlyOwnPassword) {
            requireSuperuser(users, currentUser, "alter role");
        }
        // the options are checked before the transaction: the change itself must not fail halfway
        UnaryOperator<UserAttributes> change = prepare(alter.name(), options, timeZone);
        users.alter(alter.name(), change);
    }

    private void rename(UserCatalog users, Statement.RenameUser rename, String currentUser)
    {
        requireSuperuser(users, currentUser, "rename role");
        if (rename.name().equals(currentUser)) {
            throw new BasinException(BasinErrorCode.FEATURE_NOT_SUPPORTED, "current user cannot be renamed");
        }
        users.rename(rename.name(), rename.newName());
    }

    private void drop(UserCatalog users, Statement.DropUser drop, String currentUser)
    {
        requireSuperuser(users, currentUser, "drop role");
        if (drop.names().contains(currentUser)) {
            throw new BasinException(BasinErrorCode.OBJECT_IN_USE, "current user cannot be dropped");
        }
        users.drop(drop.names(), drop.ifExists());
    }

    private static void requireSuperuser(UserCatalog users, String currentUser, String action)
    {
        boolean superuser = users.find(currentUser).map(user -> user.attributes().superuser()).orElse(false);
        if (!superuser) {
            throw new BasinException(BasinErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied to %s: only superusers may".formatted(action));
        }
    }

    private UserAttributes apply(UserAttributes attributes, String userName, UserOptions options, ZoneId timeZone)
    {
        return prepare(userName, options, timeZone).apply(attributes);
    }

    /** Turns the options into a change of attributes, parsing and hashing up front. */
    private UnaryOperator<UserAttributes> prepare(String userName, UserOptions options, ZoneId timeZone)
    {
        Optional<PasswordVerifiers> password = options.password().map(option -> switch (option) {
            case PasswordOption.Disabled _ -> PasswordVerifiers.NONE;
            case PasswordOption.Literal literal -> PasswordVerifiers.fromSqlLiteral(userName, literal.value(), random);
        });
        Optional<Optional<Instant>> validUntil = options.validUntil().map(text -> parseValidUntil(text, timeZone));
        Optional<OptionalInt> connectionLimit = Optional.empty();
        if (options.connectionLimit().isPresent()) {
            int limit = options.connectionLimit().getAsInt();
            if (limit < -1) {
                throw new BasinException(BasinErrorCode.INVALID_PARAMETER_VALUE, "invalid connection limit: %s".formatted(limit));
            }
            connectionLimit = Optional.of(limit == -1 ? OptionalInt.empty() : OptionalInt.of(limit));
        }
        Optional<OptionalInt> limit = connectionLimit;
        return attributes -> {
            UserAttributes result = attributes;
            if (options.superuser().isPresent()) {
                result = result.withSuperuser(options.superuser().get());
            }
            if (options.createDatabase().isPresent()) {
                result = result.withCreateDatabase(options.createDatabase().get());
            }
            if (options.login().isPresent()) {
                result = result.withCanLogin(options.login().get());
            }
            if (password.isPresent()) {
                result = result.withPassword(password.get());
            }
            if (validUntil.isPresent()) {
                result = result.withPasswordValidUntil(validUntil.get());
            }
            if (limit.isPresent()) {
                result = result.withConnectionLimit(limit.get());
            }
            return result;
        };
    }

    /**
     * {@code 'infinity'} (no expiry), a date (its midnight) or a timestamp with an optional UTC
     * offset; without an offset, in the session's time zone, as PostgreSQL reads a timestamptz.
     */
    static Optional<Instant> parseValidUntil(String text, ZoneId timeZone)
    {
        String value = text.strip();
        if (value.equalsIgnoreCase("infinity")) {
            return Optional.empty();
        }
        try {
            var parsed = TIMESTAMP.parseBest(value, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            Instant instant = switch (parsed) {
                case OffsetDateTime offset -> offset.toInstant();
                case LocalDateTime local -> ZonedDateTime.of(local, timeZone).toInstant();
                case LocalDate date -> date.atStartOfDay(timeZone).toInstant();
                default -> throw new DateTimeException("unexpected " + parsed);
            };
            return Optional.of(instant);
        }
        catch (DateTimeParseException e) {
            throw new BasinException(BasinErrorCode.INVALID_DATETIME_FORMAT, "invalid input syntax for type timestamp with time zone: \"%s\"".formatted(text));
        }
    }
}
