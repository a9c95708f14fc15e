package io.basin.metadata;

import static java.util.Objects.requireNonNull;

/** catalog.schema.table, as in Redshift's database.schema.table. */
public record QualifiedTableName(String catalog, String schema, String table)
{
    public QualifiedTableName
    {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
    }

    @Override
    public String toString()
    {
        return catalog + "." + schema + "." + table;
    }
}
