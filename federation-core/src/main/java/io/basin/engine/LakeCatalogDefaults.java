package io.basin.engine;

import io.basin.embedded.BasinConfig;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded lake: catalog {@code lake}, an Iceberg JDBC catalog on SQLite in the data directory
 * ({@code <data-dir>/lake/catalog.db}) with its warehouse beside it ({@code <data-dir>/lake/warehouse}),
 * scanned by the remote workers the server's configuration lists, if any.
 * Only connector properties are named here: the engine knows the connector by name, never by class,
 * and the catalog creates nothing on disk until it is first used.
 */
final class LakeCatalogDefaults
{
    static final String CATALOG_NAME = "lake";
    static final String CONNECTOR_NAME = "iceberg";

    private LakeCatalogDefaults() {}

    static Map<String, String> properties(BasinConfig config)
    {
        Path lake = config.dataDirectory().toAbsolutePath().normalize().resolve("lake");
        Map<String, String> properties = new HashMap<>(Map.of(
                "iceberg.catalog.type", "jdbc",
                "iceberg.catalog.uri", "jdbc:sqlite:" + lake.resolve("catalog.db"),
                "iceberg.warehouse", lake.resolve("warehouse").toUri().toString()));
        properties.putAll(serverProperties(config));
        return properties;
    }

    /** What every lake catalog (the default one and external schemas) takes from the server's configuration: the remote scan workers. */
    static Map<String, String> serverProperties(BasinConfig config)
    {
        if (config.spectrumWorkers().isEmpty()) {
            return Map.of();
        }
        return Map.of(
                "spectrum.remote-workers", String.join(",", config.spectrumWorkers()),
                "spectrum.local-fallback", String.valueOf(config.spectrumLocalFallback()));
    }
}
