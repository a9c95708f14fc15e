package io.basin.metadata.pgcatalog;

import static java.util.Objects.requireNonNull;

/** A column of a {@code pg_catalog} or {@code information_schema} table. */
public record CatalogColumn(String name, PgColumnType type)
{
    public CatalogColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
