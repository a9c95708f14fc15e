package io.basin.catalog;

import static java.util.Objects.requireNonNull;

/**
 * A failed catalog operation, with a {@link CatalogErrorCode} that names its SQLSTATE. Messages
 * never contain passwords or password verifiers.
 */
public class CatalogException
        extends RuntimeException
{
    private final CatalogErrorCode code;

    public CatalogException(CatalogErrorCode code, String message)
    {
        this(code, message, null);
    }

    public CatalogException(CatalogErrorCode code, String message, Throwable cause)
    {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public CatalogErrorCode code()
    {
        return code;
    }

    public String sqlState()
    {
        return code.sqlState();
    }
}
