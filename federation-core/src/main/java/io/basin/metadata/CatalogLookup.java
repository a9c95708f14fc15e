package io.basin.metadata;

import io.basin.connector.CatalogHandle;

import java.util.List;
import java.util.Optional;

/** Finds the connector behind a catalog (a "database" in three-part names). */
public interface CatalogLookup
{
    /** A listed catalog, or the unlisted catalog behind an external schema. */
    Optional<CatalogHandle> catalog(String catalogName);

    /** The listed catalogs (databases). */
    List<String> catalogNames();

    /** The external schema {@code schemaName} of database {@code catalogName}, if it is one. */
    default Optional<ExternalSchemaBinding> externalSchema(String catalogName, String schemaName)
    {
        return Optional.empty();
    }

    /** The names of the external schemas of database {@code catalogName}. */
    default List<String> externalSchemaNames(String catalogName)
    {
        return List.of();
    }
}
