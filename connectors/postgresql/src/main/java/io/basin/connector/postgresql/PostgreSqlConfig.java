package io.basin.connector.postgresql;

import io.basin.connector.jdbc.JdbcProperties;
import io.trino.spi.TrinoException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static io.basin.connector.postgresql.PostgreSqlErrorCode.POSTGRESQL_INVALID_CONFIGURATION;
import static java.util.Objects.requireNonNull;

/**
 * A PostgreSQL catalog's properties.
 *
 * <table>
 * <tr><th>property</th><th>meaning</th></tr>
 * <tr><td>{@code connection-host}, {@code connection-port} (5432)</td><td>the server</td></tr>
 * <tr><td>{@code connection-database}</td><td>the database whose schemas the catalog shows</td></tr>
 * <tr><td>{@code connection-user}</td><td>the login role</td></tr>
 * <tr><td>{@code connection-password}, or {@code connection-password-env} (an environment
 *     variable's name) or {@code connection-password-file} (a file holding only the password)</td>
 *     <td>the password; none for trust authentication</td></tr>
 * <tr><td>{@code ssl-mode} (prefer)</td><td>disable, allow, prefer, require, verify-ca, verify-full</td></tr>
 * <tr><td>{@code ssl-root-cert}</td><td>PEM file of the certificate authorities to trust</td></tr>
 * <tr><td>{@code statement-timeout-ms} (600000)</td><td>PostgreSQL's {@code statement_timeout} for Basin's statements; 0 for none</td></tr>
 * <tr><td>{@code connect-timeout-ms} (10000)</td><td>how long to wait for a connection</td></tr>
 * <tr><td>{@code pool-max-size} (8)</td><td>connections kept open to the server</td></tr>
 * <tr><td>{@code fetch-size} (2000)</td><td>rows fetched per round trip by a cursor read</td></tr>
 * <tr><td>{@code unbounded-numeric-scale} (10)</td><td>the scale of {@code decimal(38, s)} that
 *     unbounded {@code numeric} columns map to; values needing more digits are an error, never rounded</td></tr>
 * <tr><td>{@code read-parallelism} (4)</td><td>how many connections read one large table at
 *     once, each a range of its blocks ({@code ctid}), all in one exported snapshot; 1 reads every
 *     table over one connection</td></tr>
 * <tr><td>{@code parallel-read-min-blocks} (1024)</td><td>the size (8 kB blocks, as
 *     {@code pg_class.relpages} estimates it) from which a table is read in parallel</td></tr>
 * </table>
 *
 * <p>{@link #toString()} never shows the password.
 */
public record PostgreSqlConfig(
        String host,
        int port,
        String database,
        String user,
        Optional<String> password,
        SslMode sslMode,
        Optional<Path> sslRootCert,
        Duration statementTimeout,
        Duration connectTimeout,
        int poolMaxSize,
        int fetchSize,
        int unboundedNumericScale,
        int readParallelism,
        long parallelReadMinBlocks)
{
    public static final String HOST = JdbcProperties.HOST;
    public static final String PORT = JdbcProperties.PORT;
    public static final String DATABASE = "connection-database";
    public static final String USER = JdbcProperties.USER;
    public static final String PASSWORD = JdbcProperties.PASSWORD;
    public static final String PASSWORD_ENV = JdbcProperties.PASSWORD_ENV;
    public static final String PASSWORD_FILE = JdbcProperties.PASSWORD_FILE;
    public static final String SSL_MODE = JdbcProperties.SSL_MODE;
    public static final String SSL_ROOT_CERT = JdbcProperties.SSL_ROOT_CERT;
    public static final String STATEMENT_TIMEOUT = JdbcProperties.STATEMENT_TIMEOUT;
    public static final String CONNECT_TIMEOUT = JdbcProperties.CONNECT_TIMEOUT;
    public static final String POOL_MAX_SIZE = JdbcProperties.POOL_MAX_SIZE;
    public static final String FETCH_SIZE = JdbcProperties.FETCH_SIZE;
    public static final String UNBOUNDED_NUMERIC_SCALE = "unbounded-numeric-scale";
    public static final String READ_PARALLELISM = JdbcProperties.READ_PARALLELISM;
    public static final String PARALLEL_READ_MIN_BLOCKS = "parallel-read-min-blocks";

    private static final Set<String> KNOWN = Set.of(HOST, PORT, DATABASE, USER, PASSWORD, PASSWORD_ENV, PASSWORD_FILE, SSL_MODE, SSL_ROOT_CERT,
            STATEMENT_TIMEOUT, CONNECT_TIMEOUT, POOL_MAX_SIZE, FETCH_SIZE, UNBOUNDED_NUMERIC_SCALE, READ_PARALLELISM, PARALLEL_READ_MIN_BLOCKS);

    /** libpq's {@code sslmode} values, which PgJDBC's {@code sslmode} accepts too. */
    public enum SslMode
    {
        DISABLE, ALLOW, PREFER, REQUIRE, VERIFY_CA, VERIFY_FULL;

        public String jdbcValue()
        {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static SslMode parse(String value)
        {
            for (SslMode mode : values()) {
                if (mode.jdbcValue().equals(value.toLowerCase(Locale.ROOT))) {
                    return mode;
                }
            }
            throw invalid("%s must be one of disable, allow, prefer, require, verify-ca, verify-full, not '%s'".formatted(SSL_MODE, value));
        }
    }

    public PostgreSqlConfig
    {
        requireNonNull(host, "host is null");
        requireNonNull(database, "database is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(sslMode, "sslMode is null");
        requireNonNull(sslRootCert, "sslRootCert is null");
        requireNonNull(statementTimeout, "statementTimeout is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        if (port < 1 || port > 65535) {
            throw invalid("%s must be between 1 and 65535: %s".formatted(PORT, port));
        }
        if (poolMaxSize < 1) {
            throw invalid("%s must be at least 1: %s".formatted(POOL_MAX_SIZE, poolMaxSize));
        }
        if (fetchSize < 1) {
            throw invalid("%s must be at least 1: %s".formatted(FETCH_SIZE, fetchSize));
        }
        if (readParallelism < 1 || readParallelism > poolMaxSize - 1 && readParallelism > 1) {
            throw invalid("%s must be between 1 and %s - 1 (one connection holds the shared snapshot): %s".formatted(READ_PARALLELISM, POOL_MAX_SIZE, readParallelism));
        }
        if (unboundedNumericScale < 0 || unboundedNumericScale > 38) {
            throw invalid("%s must be between 0 and 38: %s".formatted(UNBOUNDED_NUMERIC_SCALE, unboundedNumericScale));
        }
    }

    /**
     * Reads the properties; a password from an environment variable or a file is read here, so a
     * missing variable or unreadable file is reported when the catalog is created.
     */
    public static PostgreSqlConfig fromProperties(Map<String, String> properties)
    {
        return fromProperties(properties, System::getenv);
    }

    static PostgreSqlConfig fromProperties(Map<String, String> map, Function<String, String> environment)
    {
        JdbcProperties properties = new JdbcProperties(map, KNOWN, PostgreSqlConfig::invalid);
        Optional<String> password = properties.password(environment);
        return new PostgreSqlConfig(
                properties.required(HOST),
                properties.integer(PORT, 5432),
                properties.required(DATABASE),
                properties.required(USER),
                password,
                properties.optional(SSL_MODE).map(SslMode::parse).orElse(SslMode.PREFER),
                properties.optional(SSL_ROOT_CERT).map(Path::of),
                Duration.ofMillis(properties.integer(STATEMENT_TIMEOUT, 600_000)),
                Duration.ofMillis(properties.integer(CONNECT_TIMEOUT, 10_000)),
                properties.integer(POOL_MAX_SIZE, 8),
                properties.integer(FETCH_SIZE, 2000),
                properties.integer(UNBOUNDED_NUMERIC_SCALE, 10),
                properties.integer(READ_PARALLELISM, 4),
                properties.integer(PARALLEL_READ_MIN_BLOCKS, 1024));
    }

    private static TrinoException invalid(String message)
    {
        return new TrinoException(POSTGRESQL_INVALID_CONFIGURATION, "Invalid PostgreSQL connection settings: " + message);
    }

    @Override
    public String toString()
    {
        return "PostgreSqlConfig[%s@%s:%s/%s, password %s, ssl-mode %s]".formatted(user, host, port, database, password.isPresent() ? "set" : "none", sslMode.jdbcValue());
    }
}
