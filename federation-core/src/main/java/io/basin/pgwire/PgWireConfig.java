package io.basin.pgwire;

import io.basin.pgwire.auth.AuthenticationMethod;

import javax.net.ssl.SSLContext;

import java.time.Duration;
import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Settings of the PostgreSQL wire server.
 *
 * @param bindAddress the address to listen on; loopback by default
 * @param port 5439 by default, as Redshift; 0 picks a free port
 * @param sslMode whether TLS is offered, and whether it is required
 * @param tls the server certificate, when TLS is offered
 * @param localAuthentication how loopback clients authenticate ({@code trust} by default)
 * @param remoteAuthentication how other clients authenticate ({@code scram-sha-256} by default)
 * @param maxMessageBytes the largest frontend message accepted; longer ones end the connection
 * @param maxConnections connections beyond this are refused with SQLSTATE 53300
 * @param shutdownGracePeriod how long running statements may finish when the server stops
 * @param authenticationTimeout how long a client may take from connecting to being authenticated
 *        (PostgreSQL's authentication_timeout, 60 s by default); then the connection is closed
 */
public record PgWireConfig(
        String bindAddress,
        int port,
        SslMode sslMode,
        Optional<SSLContext> tls,
        AuthenticationMethod localAuthentication,
        AuthenticationMethod remoteAuthentication,
        int maxMessageBytes,
        int maxConnections,
        Duration shutdownGracePeriod,
        Duration authenticationTimeout)
{
    public static final int DEFAULT_PORT = 5439;

    /** TLS policy, after libpq's sslmode words seen from the server side. */
    public enum SslMode
    {
        /** SSLRequest is declined; clients talk in the clear. */
        DISABLE,
        /** TLS is offered; clients may still connect without it. */
        ALLOW,
        /** Clients that do not negotiate TLS are refused (SQLSTATE 28000). */
        REQUIRE,
    }

    public PgWireConfig
    {
        requireNonNull(bindAddress, "bindAddress is null");
        checkArgument(port >= 0 && port <= 65535, "port out of range: %s", port);
        requireNonNull(sslMode, "sslMode is null");
        requireNonNull(tls, "tls is null");
        checkArgument(sslMode == SslMode.DISABLE || tls.isPresent(), "ssl mode %s needs a certificate", sslMode);
        requireNonNull(localAuthentication, "localAuthentication is null");
        requireNonNull(remoteAuthentication, "remoteAuthentication is null");
        checkArgument(maxMessageBytes >= 1024, "maxMessageBytes too small: %s", maxMessageBytes);
        checkArgument(maxConnections > 0, "maxConnections must be positive");
        requireNonNull(shutdownGracePeriod, "shutdownGracePeriod is null");
        requireNonNull(authenticationTimeout, "authenticationTimeout is null");
        checkArgument(authenticationTimeout.isPositive(), "authenticationTimeout must be positive");
    }

    /** Loopback, port 5439, no TLS, loopback clients trusted, others by SCRAM-SHA-256. */
    public static PgWireConfig defaults()
    {
        return new PgWireConfig("127.0.0.1", DEFAULT_PORT, SslMode.DISABLE, Optional.empty(),
                AuthenticationMethod.TRUST, AuthenticationMethod.SCRAM_SHA_256,
                64 << 20, 500, Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    public PgWireConfig withBindAddress(String bindAddress)
    {
        return new PgWireConfig(bindAddress, port, sslMode, tls, localAuthentication, remoteAuthentication, maxMessageBytes, maxConnections, shutdownGracePeriod, authenticationTimeout);
    }

    public PgWireConfig withPort(int port)
    {
        return new PgWireConfig(bindAddress, port, sslMode, tls, localAuthentication, remoteAuthentication, maxMessageBytes, maxConnections, shutdownGracePeriod, authenticationTimeout);
    }

    public PgWireConfig withTls(SslMode sslMode, Optional<SSLContext> tls)
    {
        return new PgWireConfig(bindAddress, port, sslMode, tls, localAuthentication, remoteAuthentication, maxMessageBytes, maxConnections, shutdownGracePeriod, authenticationTimeout);
    }

    public PgWireConfig withAuthentication(AuthenticationMethod local, AuthenticationMethod remote)
    {
        return new PgWireConfig(bindAddress, port, sslMode, tls, local, remote, maxMessageBytes, maxConnections, shutdownGracePeriod, authenticationTimeout);
    }

    public PgWireConfig withMaxMessageBytes(int maxMessageBytes)
    {
        return new PgWireConfig(bindAddress, port, sslMode, tls, localAuthentication, remoteAuthentication, maxMessageBytes, maxConnections, shutdownGracePeriod, authenticationTimeout);
    }

    public PgWireConfig withMaxConnections(int maxConnections)
    {
        return new PgWireConfig(bindAddress, port, sslMode, tls, localAuthentication, remoteAuthentication, maxMessageBytes, maxConnections, shutdownGracePeriod, authenticationTimeout);
    }

    public PgWireConfig withAuthenticationTimeout(Duration authenticationTimeout)
    {
        return new PgWireConfig(bindAddress, port, sslMode, tls, localAuthentication, remoteAuthentication, maxMessageBytes, maxConnections, shutdownGracePeriod, authenticationTimeout);
    }
}
