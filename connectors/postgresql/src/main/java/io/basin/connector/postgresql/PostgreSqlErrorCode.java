package io.basin.connector.postgresql;

import io.trino.spi.ErrorCode;
import io.trino.spi.ErrorCodeSupplier;
import io.trino.spi.ErrorType;

import static io.trino.spi.ErrorType.EXTERNAL;
import static io.trino.spi.ErrorType.USER_ERROR;

/** The PostgreSQL connector's errors. Codes are stable: append, never renumber. */
public enum PostgreSqlErrorCode
        implements ErrorCodeSupplier
{
    /** The server cannot be reached or refuses the login. */
    POSTGRESQL_CONNECTION_ERROR(0, EXTERNAL),
    /** The server failed a statement Basin sent. */
    POSTGRESQL_QUERY_ERROR(1, EXTERNAL),
    /** A column's PostgreSQL type has no Basin representation. */
    POSTGRESQL_UNSUPPORTED_TYPE(2, USER_ERROR),
    /** A value cannot be represented exactly in its column's Basin type (e.g. 'infinity', NaN). */
    POSTGRESQL_UNREPRESENTABLE_VALUE(3, USER_ERROR),
    /** The catalog properties are incomplete or invalid. */
    POSTGRESQL_INVALID_CONFIGURATION(4, USER_ERROR),
    /** The server did not answer within the statement timeout. */
    POSTGRESQL_TIMEOUT(5, EXTERNAL),
    /**/;

    // distinct from Basin's own codes (0x0B00_0000) and Trino's connectors
    private static final int BASE = 0x0B10_0000;

    private final ErrorCode errorCode;

    PostgreSqlErrorCode(int code, ErrorType type)
    {
        this.errorCode = new ErrorCode(BASE + code, name(), type);
    }

    @Override
    public ErrorCode toErrorCode()
    {
        return errorCode;
    }
}
