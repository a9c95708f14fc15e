package io.basin.error;

import io.basin.catalog.CatalogException;

/**
 * Turns the system catalog's errors into {@link BasinException}s. The catalog module cannot see
 * {@link BasinErrorCode}, so it has its own codes; each maps to the Basin code with the same SQLSTATE.
 */
public final class CatalogErrors
{
    private CatalogErrors() {}

    public static BasinException toBasinException(CatalogException exception)
    {
        BasinErrorCode code = switch (exception.code()) {
            case DUPLICATE_OBJECT -> BasinErrorCode.DUPLICATE_OBJECT;
            case UNDEFINED_OBJECT -> BasinErrorCode.UNDEFINED_OBJECT;
            case RESERVED_NAME -> BasinErrorCode.RESERVED_NAME;
            case INVALID_NAME -> BasinErrorCode.INVALID_NAME;
            case INVALID_PARAMETER_VALUE -> BasinErrorCode.INVALID_PARAMETER_VALUE;
            case FEATURE_NOT_SUPPORTED -> BasinErrorCode.FEATURE_NOT_SUPPORTED;
            case DEPENDENT_OBJECTS_STILL_EXIST -> BasinErrorCode.DEPENDENT_OBJECTS_STILL_EXIST;
            case INSUFFICIENT_PRIVILEGE -> BasinErrorCode.INSUFFICIENT_PRIVILEGE;
            case CATALOG_BUSY -> BasinErrorCode.LOCK_NOT_AVAILABLE;
            case CATALOG_STORE_ERROR -> BasinErrorCode.CATALOG_STORE_ERROR;
            case CATALOG_VERSION_MISMATCH -> BasinErrorCode.CATALOG_VERSION_MISMATCH;
        };
        return new BasinException(code, exception.getMessage(), exception);
    }
}
