package io.basin.connector.jdbc;

import io.trino.spi.TrinoException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A remote catalog's properties as both dialects spell them, and their reading: unknown names,
 * missing required values, integers and the password (given, or from an environment variable or
 * a file) are checked here, each failure an error of the dialect ({@code invalid}).
 */
public final class JdbcProperties
{
    public static final String HOST = "connection-host";
    public static final String PORT = "connection-port";
    public static final String USER = "connection-user";
    public static final String PASSWORD = "connection-password";
    public static final String PASSWORD_ENV = "connection-password-env";
    public static final String PASSWORD_FILE = "connection-password-file";
    public static final String SSL_MODE = "ssl-mode";
    public static final String SSL_ROOT_CERT = "ssl-root-cert";
    public static final String STATEMENT_TIMEOUT = "statement-timeout-ms";
    public static final String CONNECT_TIMEOUT = "connect-timeout-ms";
    public static final String POOL_MAX_SIZE = "pool-max-size";
    public static final String FETCH_SIZE = "fetch-size";
    public static final String READ_PARALLELISM = "read-parallelism";

    private final Map<String, String> properties;
    private final Function<String, TrinoException> invalid;

    /**
     * @param known every property the dialect accepts
     * @param invalid the dialect's error for an invalid setting, given the message
     */
    public JdbcProperties(Map<String, String> properties, Set<String> known, Function<String, TrinoException> invalid)
    {
        this.properties = Map.copyOf(requireNonNull(properties, "properties is null"));
        this.invalid = requireNonNull(invalid, "invalid is null");
        Set<String> unknown = new TreeSet<>(properties.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw invalid.apply("unknown properties " + unknown + "; known: " + new TreeSet<>(known));
        }
    }

    public Optional<String> optional(String name)
    {
        return Optional.ofNullable(properties.get(name));
    }

    public String required(String name)
    {
        String value = properties.get(name);
        if (value == null || value.isBlank()) {
            throw invalid.apply("property %s is required".formatted(name));
        }
        return value;
    }

    public int integer(String name, int defaultValue)
    {
        String value = properties.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        }
        catch (NumberFormatException e) {
            throw invalid.apply("%s must be an integer: '%s'".formatted(name, value));
        }
    }

    /**
     * The password: given, or read from an environment variable or a file now, so a missing
     * variable or unreadable file is reported when the catalog is created. At most one source.
     */
    public Optional<String> password(Function<String, String> environment)
    {
        long sources = properties.keySet().stream().filter(Set.of(PASSWORD, PASSWORD_ENV, PASSWORD_FILE)::contains).count();
        if (sources > 1) {
            throw invalid.apply("at most one of %s, %s and %s may be given".formatted(PASSWORD, PASSWORD_ENV, PASSWORD_FILE));
        }
        if (properties.containsKey(PASSWORD_ENV)) {
            String variable = properties.get(PASSWORD_ENV);
            String value = environment.apply(variable);
            if (value == null) {
                throw invalid.apply("the password's environment variable %s is not set".formatted(variable));
            }
            return Optional.of(value);
        }
        if (properties.containsKey(PASSWORD_FILE)) {
            Path file = Path.of(properties.get(PASSWORD_FILE));
            try {
                // one line; the line break an editor adds is not part of the password
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8).stripTrailing());
            }
            catch (IOException e) {
                // the exception's message names the file only, never its contents
                throw invalid.apply("cannot read the password file %s: %s".formatted(file, e.getClass().getSimpleName()));
            }
        }
        return Optional.ofNullable(properties.get(PASSWORD));
    }
}
