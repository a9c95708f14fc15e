package io.basin.error;

import io.trino.spi.TrinoException;

import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * An error with a {@link BasinErrorCode}, optionally positioned in the SQL text (1-based line
 * and column) so clients can point at the offending token.
 */
public class BasinException
        extends TrinoException
{
    private final BasinErrorCode code;
    private final OptionalInt line;
    private final OptionalInt column;

    public BasinException(BasinErrorCode code, String message)
    {
        this(code, message, null);
    }

    public BasinException(BasinErrorCode code, String message, Throwable cause)
    {
        this(code, message, OptionalInt.empty(), OptionalInt.empty(), cause);
    }

    public BasinException(BasinErrorCode code, String message, OptionalInt line, OptionalInt column, Throwable cause)
    {
        super(requireNonNull(code, "code is null"), message, cause);
        this.code = code;
        this.line = requireNonNull(line, "line is null");
        this.column = requireNonNull(column, "column is null");
    }

    public BasinErrorCode code()
    {
        return code;
    }

    public String sqlState()
    {
        return code.sqlState();
    }

    public OptionalInt line()
    {
        return line;
    }

    public OptionalInt column()
    {
        return column;
    }
}
