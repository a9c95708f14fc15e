package io.basin.metadata.pgcatalog;

import io.basin.metadata.QueryCatalogs;
import io.basin.metadata.SessionContext;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * The {@code pg_catalog} and {@code information_schema} of one statement: their tables' rows,
 * computed once per statement from live metadata, and the snapshot that catalog functions
 * ({@code pg_table_is_visible}, {@code ::regclass}) read.
 */
public final class PgCatalog
{
    private final PgCatalogSnapshot snapshot;
    private final CatalogRows rows;
    private final Map<CatalogTableDefinition, List<Object[]>> computed = new ConcurrentHashMap<>();

    public PgCatalog(QueryCatalogs catalogs, SessionContext session)
    {
        this.snapshot = new PgCatalogSnapshot(requireNonNull(catalogs, "catalogs is null"), requireNonNull(session, "session is null"));
        this.rows = new CatalogRows(snapshot);
    }

    public PgCatalogSnapshot snapshot()
    {
        return snapshot;
    }

    public SessionContext session()
    {
        return snapshot.session();
    }

    /** The table's rows; the arrays must not be modified. */
    public List<Object[]> rows(CatalogTableDefinition table)
    {
        return computed.computeIfAbsent(table, rows::rows);
    }
}
