package io.basin.engine;

import io.basin.embedded.BasinConfig;
import io.basin.metadata.ExternalSchemaBinding;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded lake: catalog {@code lake}, an Iceberg JDBC catalog on SQLite in the data directory
 * ({@code <data-dir>/lake/catalog.db}) with its warehouse beside it ({@code <data-dir>/lake/warehouse}),
 * scanned by the remote workers the server's configuration lists, if any. Its namespace
 * {@code public} is also schema {@code lake} of the local database ({@code lake.t} is
 * {@code lake.public.t}, as Redshift's {@code CREATE EXTERNAL SCHEMA} makes a schema of the current
 * database); the namespace is created when a table is first made in it.
 * Only connector properties are named here: the engine knows the connector by name, never by class,
 * and the catalog creates nothing on disk until it is first used.
 */
final class LakeCatalogDefaults
{
    static final String CATALOG_NAME = "lake";
    static final String CONNECTOR_NAME = "iceberg";
    /** The schema of the local database that shows the lake's default namespace. */
    static final String SCHEMA_NAME = "lake";
    static final String DEFAULT_NAMESPACE = "public";

    private LakeCatalogDefaults() {}

    static Map<String, String> properties(BasinConfig config)
    {
        Path lake = config.dataDirectory().toAbsolutePath().normalize().resolve("lake");
        Map<String, String> properties = new HashMap<>(Map.of(
                "iceberg.catalog.type", "jdbc",
                "iceberg.catalog.uri", "jdbc:sqlite:" + lake.resolve("catalog.db"),
                "iceberg.warehouse", lake.resolve("warehouse").toUri().toString(),
                "iceberg.default-schema", DEFAULT_NAMESPACE));
        properties.putAll(serverProperties(config));
        return properties;
    }

    /** Schema {@code lake} of the local database: the lake catalog's default namespace. */
    static ExternalSchemaBinding schemaBinding()
    {
        return new ExternalSchemaBinding(SCHEMA_NAME, CATALOG_NAME, DEFAULT_NAMESPACE);
    }

    /** What every lake catalog (the default one and external schemas) takes from the server's configuration: the remote scan workers, and how to trust them over TLS. */
    static Map<String, String> serverProperties(BasinConfig config)
    {
        if (config.spectrumWorkers().isEmpty()) {
            return Map.of();
        }
        Map<String, String> properties = new HashMap<>(Map.of(
                "spectrum.remote-workers", String.join(",", config.spectrumWorkers()),
                "spectrum.local-fallback", String.valueOf(config.spectrumLocalFallback())));
        config.spectrumTrustedCertificates().ifPresent(file -> properties.put("spectrum.tls-trusted-certificates", file.toAbsolutePath().toString()));
        return Map.copyOf(properties);
    }
}
