package io.basin.metadata;

import io.basin.connector.CatalogHandle;

import java.util.List;
import java.util.Optional;

/** Finds the connector behind a catalog (a "database" in three-part names). */
public interface CatalogLookup
{
    Optional<CatalogHandle> catalog(String catalogName);

    List<String> catalogNames();
}
