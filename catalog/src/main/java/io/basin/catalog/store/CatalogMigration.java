package io.basin.catalog.store;

import static java.util.Objects.requireNonNull;

/**
 * One step of the catalog database's schema, applied once, in version order, inside the
 * transaction that records it in {@code catalog_schema_version}. A migration must only add to
 * what earlier ones built: released catalogs are upgraded in place.
 */
public record CatalogMigration(int version, String description, SqlWork<?> step)
{
    public CatalogMigration
    {
        if (version <= 0) {
            throw new IllegalArgumentException("version must be positive");
        }
        requireNonNull(description, "description is null");
        requireNonNull(step, "step is null");
    }

    /** A migration that runs the given DDL/DML statements in order. */
    public static CatalogMigration ofStatements(int version, String description, String... statements)
    {
        String[] copy = statements.clone();
        return new CatalogMigration(version, description, connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                for (String sql : copy) {
                    statement.execute(sql);
                }
            }
            return null;
        });
    }
}
