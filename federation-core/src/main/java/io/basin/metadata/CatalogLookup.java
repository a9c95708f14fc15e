package io.basin.metadata;

import io.trino.spi.connector.Connector;

import java.util.List;
import java.util.Optional;

/** Finds the connector behind a catalog (a "database" in three-part names). */
public interface CatalogLookup
{
    Optional<Connector> connector(String catalogName);

    List<String> catalogNames();
}
