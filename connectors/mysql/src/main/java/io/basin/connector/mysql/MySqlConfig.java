package io.basin.connector.mysql;

import io.basin.connector.jdbc.JdbcProperties;
import io.trino.spi.TrinoException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static io.basin.connector.mysql.MySqlErrorCode.MYSQL_INVALID_CONFIGURATION;
import static java.util.Objects.requireNonNull;

/**
 * A MySQL catalog's properties.
 *
 * <table>
 * <tr><th>property</th><th>meaning</th></tr>
 * <tr><td>{@code connection-host}, {@code connection-port} (3306)</td><td>the server; its databases are the catalog's schemas</td></tr>
 * <tr><td>{@code connection-user}</td><td>the login role</td></tr>
 * <tr><td>{@code connection-password}, or {@code connection-password-env} (an environment
 *     variable's name) or {@code connection-password-file} (a file holding only the password)</td>
 *     <td>the password; none for trust authentication</td></tr>
 * <tr><td>{@code ssl-mode} (disable)</td><td>MariaDB Connector/J's {@code sslMode}: disable, trust, verify-ca, verify-full</td></tr>
 * <tr><td>{@code ssl-root-cert}</td><td>PEM file of the certificate authorities to trust</td></tr>
 * <tr><td>{@code statement-timeout-ms} (600000)</td><td>MariaDB's {@code max_statement_time} for Basin's statements; 0 for none</td></tr>
 * <tr><td>{@code connect-timeout-ms} (10000)</td><td>how long to wait for a connection</td></tr>
 * <tr><td>{@code pool-max-size} (8)</td><td>connections kept open to the server</td></tr>
 * <tr><td>{@code fetch-size} (2000)</td><td>rows fetched per round trip by a streaming read</td></tr>
 * <tr><td>{@code read-parallelism} (4)</td><td>how many connections read one large table at
 *     once, each a range of its integer primary key; 1 reads every table over one connection</td></tr>
 * <tr><td>{@code parallel-read-min-rows} (100000)</td><td>the size (rows, as
 *     {@code information_schema.TABLES.TABLE_ROWS} estimates it) from which a table is read in parallel</td></tr>
 * </table>
 *
 * <p>{@link #toString()} never shows the password.
 */
public record MySqlConfig(
        String host,
        int port,
        String user,
        Optional<String> password,
        SslMode sslMode,
        Optional<Path> sslRootCert,
        Duration statementTimeout,
        Duration connectTimeout,
        int poolMaxSize,
        int fetchSize,
        int readParallelism,
        long parallelReadMinRows)
{
    public static final String HOST = JdbcProperties.HOST;
    public static final String PORT = JdbcProperties.PORT;
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
    public static final String READ_PARALLELISM = JdbcProperties.READ_PARALLELISM;
    public static final String PARALLEL_READ_MIN_ROWS = "parallel-read-min-rows";

    private static final Set<String> KNOWN = Set.of(HOST, PORT, USER, PASSWORD, PASSWORD_ENV, PASSWORD_FILE, SSL_MODE, SSL_ROOT_CERT,
            STATEMENT_TIMEOUT, CONNECT_TIMEOUT, POOL_MAX_SIZE, FETCH_SIZE, READ_PARALLELISM, PARALLEL_READ_MIN_ROWS);

    /** MariaDB Connector/J's {@code sslMode} values. */
    public enum SslMode
    {
        DISABLE, TRUST, VERIFY_CA, VERIFY_FULL;

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
            throw invalid("%s must be one of disable, trust, verify-ca, verify-full, not '%s'".formatted(SSL_MODE, value));
        }
    }

    public MySqlConfig
    {
        requireNonNull(host, "host is null");
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
        if (readParallelism < 1 || readParallelism > poolMaxSize) {
            throw invalid("%s must be between 1 and %s: %s".formatted(READ_PARALLELISM, POOL_MAX_SIZE, readParallelism));
        }
        if (parallelReadMinRows < 0) {
            throw invalid("%s must not be negative: %s".formatted(PARALLEL_READ_MIN_ROWS, parallelReadMinRows));
        }
    }

    /**
     * Reads the properties; a password from an environment variable or a file is read here, so a
     * missing variable or unreadable file is reported when the catalog is created.
     */
    public static MySqlConfig fromProperties(Map<String, String> properties)
    {
        return fromProperties(properties, System::getenv);
    }

    static MySqlConfig fromProperties(Map<String, String> map, Function<String, String> environment)
    {
        JdbcProperties properties = new JdbcProperties(map, KNOWN, MySqlConfig::invalid);
        Optional<String> password = properties.password(environment);
        return new MySqlConfig(
                properties.required(HOST),
                properties.integer(PORT, 3306),
                properties.required(USER),
                password,
                properties.optional(SSL_MODE).map(SslMode::parse).orElse(SslMode.DISABLE),
                properties.optional(SSL_ROOT_CERT).map(Path::of),
                Duration.ofMillis(properties.integer(STATEMENT_TIMEOUT, 600_000)),
                Duration.ofMillis(properties.integer(CONNECT_TIMEOUT, 10_000)),
                properties.integer(POOL_MAX_SIZE, 8),
                properties.integer(FETCH_SIZE, 2000),
                properties.integer(READ_PARALLELISM, Math.min(4, properties.integer(POOL_MAX_SIZE, 8))),
                properties.integer(PARALLEL_READ_MIN_ROWS, 100_000));
    }

    private static TrinoException invalid(String message)
    {
        return new TrinoException(MYSQL_INVALID_CONFIGURATION, "Invalid MySQL connection settings: " + message);
    }

    @Override
    public String toString()
    {
        return "MySqlConfig[%s@%s:%s, password %s, ssl-mode %s]".formatted(user, host, port, password.isPresent() ? "set" : "none", sslMode.jdbcValue());
    }
}
