package io.basin.pgwire.auth;

import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A failed authentication. The message and SQLSTATE are what the client gets (as a FATAL error);
 * they are the same whether the user is unknown, has no password, has an expired password or gave
 * a wrong one. {@link #logDetail()} says which it was, for the server log only, as PostgreSQL's
 * log DETAIL does; never send it to the client.
 */
public final class AuthenticationException
        extends BasinException
{
    private final Optional<String> logDetail;

    public AuthenticationException(BasinErrorCode code, String message, Optional<String> logDetail)
    {
        super(code, message);
        this.logDetail = requireNonNull(logDetail, "logDetail is null");
    }

    /** Why the authentication failed, for the server's log; never for the client. */
    public Optional<String> logDetail()
    {
        return logDetail;
    }

    static AuthenticationException passwordFailed(String userName, String logDetail)
    {
        return new AuthenticationException(BasinErrorCode.INVALID_PASSWORD, "password authentication failed for user \"%s\"".formatted(userName), Optional.of(logDetail));
    }

    static AuthenticationException protocolViolation(String message)
    {
        return new AuthenticationException(BasinErrorCode.PROTOCOL_VIOLATION, message, Optional.empty());
    }
}
