package io.basin.metadata.pgcatalog;

import java.util.List;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * A table or view of {@code pg_catalog} or {@code information_schema}: its name, columns (as in
 * PostgreSQL 15), relation kind ({@code r} or {@code v}) and, for {@code pg_catalog}, PostgreSQL's
 * fixed oid.
 */
public record CatalogTableDefinition(String schema, String name, OptionalLong fixedOid, char relkind, List<CatalogColumn> columns)
{
    public CatalogTableDefinition
    {
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        requireNonNull(fixedOid, "fixedOid is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    public int columnIndex(String column)
    {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Table " + schema + "." + name + " has no column " + column);
    }
}
