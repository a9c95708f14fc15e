package io.basin.catalog;

import static java.util.Objects.requireNonNull;

/**
 * The errors the system catalog raises, each with the PostgreSQL SQLSTATE a client sees. The
 * catalog module cannot depend on federation-core's {@code BasinErrorCode}, so federation-core
 * maps each of these to the {@code BasinErrorCode} with the same SQLSTATE, in one place.
 */
public enum CatalogErrorCode
{
    /** An object of that name exists already ({@code role "x" already exists}). */
    DUPLICATE_OBJECT("42710"),
    /** No object of that name ({@code role "x" does not exist}). */
    UNDEFINED_OBJECT("42704"),
    /** A name PostgreSQL reserves ({@code public}, {@code pg_*}). */
    RESERVED_NAME("42939"),
    /** A name that is empty or too long. */
    INVALID_NAME("42602"),
    /** A value out of its domain (a malformed password verifier, a negative connection limit). */
    INVALID_PARAMETER_VALUE("22023"),
    /** A form or option the catalog does not support. */
    FEATURE_NOT_SUPPORTED("0A000"),
    /** The system needs the object (the bootstrap superuser). */
    DEPENDENT_OBJECTS_STILL_EXIST("2BP01"),
    /** A change that would break an invariant of the catalog (the bootstrap user must stay a superuser). */
    INSUFFICIENT_PRIVILEGE("42501"),
    /** Another process holds the catalog database's write lock for longer than the busy timeout. */
    CATALOG_BUSY("55P03"),
    /** The catalog database cannot be opened, read or written. */
    CATALOG_STORE_ERROR("58030"),
    /** The catalog database was written by a newer Basin, or is not a Basin catalog. */
    CATALOG_VERSION_MISMATCH("58000"),
    /**/;

    private final String sqlState;

    CatalogErrorCode(String sqlState)
    {
        this.sqlState = requireNonNull(sqlState, "sqlState is null");
    }

    /** The PostgreSQL SQLSTATE clients see for this error. */
    public String sqlState()
    {
        return sqlState;
    }
}
