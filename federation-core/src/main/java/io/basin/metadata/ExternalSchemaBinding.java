package io.basin.metadata;

import static java.util.Objects.requireNonNull;

/**
 * Where an external schema of the local database reads from: schema {@code remoteSchema} of the
 * unlisted catalog {@code catalogName}. Names of tables in the external schema resolve to that
 * catalog and schema; nothing else about the source (connector, properties, credentials) is here.
 *
 * @param schemaName the schema's name in the local database
 * @param catalogName the catalog of the source's connector, reachable by {@link CatalogLookup#catalog}
 * @param remoteSchema the source's schema the external schema shows
 */
public record ExternalSchemaBinding(String schemaName, String catalogName, String remoteSchema)
{
    public ExternalSchemaBinding
    {
        requireNonNull(schemaName, "schemaName is null");
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(remoteSchema, "remoteSchema is null");
    }
}
