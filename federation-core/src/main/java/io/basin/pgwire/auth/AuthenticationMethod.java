package io.basin.pgwire.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * How the server checks who a client is, named as in PostgreSQL's {@code pg_hba.conf}.
 * <p>
 * As in PostgreSQL, {@link #MD5} uses SCRAM-SHA-256 for a user whose stored password is a SCRAM
 * verifier only (md5 cannot be checked against it); see {@link Authenticator}.
 */
public enum AuthenticationMethod
{
    /** Anyone may connect as any existing user, without a password. */
    TRUST("trust"),
    /** The client sends the password in clear (use only over TLS or loopback). */
    PASSWORD("password"),
    /** The client proves it knows the md5 hash, with a random salt per connection. */
    MD5("md5"),
    /** SCRAM-SHA-256 (RFC 7677): neither the password nor a password-equivalent crosses the wire, and the server proves it knows the verifier. */
    SCRAM_SHA_256("scram-sha-256");

    private final String configName;

    AuthenticationMethod(String configName)
    {
        this.configName = configName;
    }

    /** The name in configuration files: {@code trust}, {@code password}, {@code md5}, {@code scram-sha-256}. */
    public String configName()
    {
        return configName;
    }

    /** The method named {@code name} (case-insensitive). */
    public static AuthenticationMethod fromConfigName(String name)
    {
        requireNonNull(name, "name is null");
        String lower = name.strip().toLowerCase(Locale.ROOT);
        for (AuthenticationMethod method : values()) {
            if (method.configName.equals(lower)) {
                return method;
            }
        }
        throw new IllegalArgumentException("Unknown authentication method \"%s\"; expected one of %s".formatted(
                name, Arrays.stream(values()).map(AuthenticationMethod::configName).collect(Collectors.joining(", "))));
    }
}
