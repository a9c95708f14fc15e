package io.basin.pgwire.auth;

import io.basin.catalog.SystemCatalog;
import io.basin.catalog.user.CatalogUser;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Starts authentication exchanges with one {@link AuthenticationMethod} against the users of a
 * catalog. Thread-safe; one per server. The exchanges it starts are pure logic over message
 * bodies: the wire server frames and sends the steps, and passes in what the client answers.
 * <pre>{@code
 * AuthenticationExchange exchange = authenticator.begin(startupUser);
 * AuthenticationStep step = exchange.start();
 * while (!(step instanceof AuthenticationStep.Authenticated)) {
 *     send(step);                                      // an R message
 *     step = exchange.respond(readPasswordMessageBody()); // the body of the client's p message
 * }
 * // send SASLFinal if present, then AuthenticationOk; an AuthenticationException is a FATAL error
 * }</pre>
 */
public final class Authenticator
{
    private final AuthenticationMethod method;
    private final Function<String, Optional<CatalogUser>> users;
    private final byte[] mockSecret;
    private final SecureRandom random;
    private final Clock clock;

    /**
     * @param users looks a user up by exact name
     * @param mockSecret the catalog's secret for mock salts ({@link SystemCatalog#mockAuthenticationSecret()})
     */
    public Authenticator(AuthenticationMethod method, Function<String, Optional<CatalogUser>> users, byte[] mockSecret, SecureRandom random, Clock clock)
    {
        this.method = requireNonNull(method, "method is null");
        this.users = requireNonNull(users, "users is null");
        this.mockSecret = requireNonNull(mockSecret, "mockSecret is null").clone();
        this.random = requireNonNull(random, "random is null");
        this.clock = requireNonNull(clock, "clock is null");
        if (mockSecret.length < 16) {
            throw new IllegalArgumentException("mockSecret must have at least 16 bytes");
        }
    }

    /** An authenticator over the users of {@code catalog}. */
    public static Authenticator forCatalog(AuthenticationMethod method, SystemCatalog catalog)
    {
        requireNonNull(catalog, "catalog is null");
        return new Authenticator(method, catalog.users()::find, catalog.mockAuthenticationSecret(), new SecureRandom(), Clock.systemUTC());
    }

    public AuthenticationMethod method()
    {
        return method;
    }

    /** A new exchange for a client that named {@code userName} in its startup message. */
    public AuthenticationExchange begin(String userName)
    {
        requireNonNull(userName, "userName is null");
        return new AuthenticationExchange(method, userName, users, mockSecret, random, clock);
    }
}
