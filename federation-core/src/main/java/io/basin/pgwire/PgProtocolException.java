package io.basin.pgwire;

import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;

/** A client broke the protocol (SQLSTATE 08P01): the connection cannot continue safely. */
public final class PgProtocolException
        extends BasinException
{
    public PgProtocolException(String message)
    {
        super(BasinErrorCode.PROTOCOL_VIOLATION, message);
    }
}
