package io.basin.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded lake: catalog {@code lake}, an Iceberg JDBC catalog on SQLite in the data directory
 * ({@code <data-dir>/lake/catalog.db}) with its warehouse beside it ({@code <data-dir>/lake/warehouse}).
 * Only connector properties are named here: the engine knows the connector by name, never by class,
 * and the catalog creates nothing on disk until it is first used.
 */
final class LakeCatalogDefaults
{
    static final String CATALOG_NAME = "lake";
    static final String CONNECTOR_NAME = "iceberg";

    private LakeCatalogDefaults() {}

    static Map<String, String> properties(Path dataDirectory)
    {
        Path lake = dataDirectory.toAbsolutePath().normalize().resolve("lake");
        return Map.of(
                "iceberg.catalog.type", "jdbc",
                "iceberg.catalog.uri", "jdbc:sqlite:" + lake.resolve("catalog.db"),
                "iceberg.warehouse", lake.resolve("warehouse").toUri().toString());
    }
}
