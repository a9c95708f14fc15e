package io.basin.pgwire.auth;

import io.basin.catalog.user.CatalogUser;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the server sends next in the authentication exchange: one of PostgreSQL's Authentication
 * messages (backend message {@code R}), by subtype. After any step but {@link Authenticated} the
 * server waits for the client's next message ({@code p}) and passes its body to
 * {@link AuthenticationExchange#respond}.
 */
public sealed interface AuthenticationStep
{
    /**
     * The client is authenticated as {@code user}. For SCRAM, first send AuthenticationSASLFinal
     * ({@code R} 12) with {@code saslFinalMessage}; then AuthenticationOk ({@code R} 0).
     */
    record Authenticated(CatalogUser user, Optional<byte[]> saslFinalMessage)
            implements AuthenticationStep
    {
        public Authenticated
        {
            requireNonNull(user, "user is null");
            requireNonNull(saslFinalMessage, "saslFinalMessage is null");
        }
    }

    /** AuthenticationCleartextPassword ({@code R} 3). */
    record CleartextPasswordRequest()
            implements AuthenticationStep {}

    /** AuthenticationMD5Password ({@code R} 5) with the 4-byte salt. */
    record Md5PasswordRequest(byte[] salt)
            implements AuthenticationStep
    {
        public Md5PasswordRequest
        {
            salt = salt.clone();
        }

        @Override
        public byte[] salt()
        {
            return salt.clone();
        }
    }

    /** AuthenticationSASL ({@code R} 10) listing the mechanisms the server offers. */
    record SaslMechanisms(List<String> mechanisms)
            implements AuthenticationStep
    {
        public SaslMechanisms
        {
            mechanisms = List.copyOf(mechanisms);
        }
    }

    /** AuthenticationSASLContinue ({@code R} 11) with the mechanism's data (SCRAM's server-first-message). */
    record SaslContinue(byte[] data)
            implements AuthenticationStep
    {
        public SaslContinue
        {
            data = data.clone();
        }

        @Override
        public byte[] data()
        {
            return data.clone();
        }
    }
}
