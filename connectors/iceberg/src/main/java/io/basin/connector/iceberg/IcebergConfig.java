package io.basin.connector.iceberg;

import io.basin.spectrum.flight.WorkerAddress;
import io.trino.spi.TrinoException;
import org.apache.iceberg.FileFormat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_INVALID_CONFIGURATION;
import static java.util.Objects.requireNonNull;

/**
 * A lake catalog's configuration, from connector properties only, so that any binding (the
 * engine's default {@code lake} catalog, an external schema, a Trino catalog file) can create one:
 * <ul>
 * <li>{@code iceberg.catalog.type}: {@code jdbc} (default), {@code hadoop} or {@code rest}</li>
 * <li>{@code iceberg.catalog.uri}: the JDBC URL of a {@code jdbc} catalog (SQLite is supported),
 *     or the URL of a {@code rest} catalog</li>
 * <li>{@code iceberg.catalog.name}: the name the Iceberg catalog is initialized with (default: the
 *     lake catalog's own name); a JDBC catalog keeps the tables of each name apart, so reading a
 *     catalog another engine wrote takes the name that engine used</li>
 * <li>{@code iceberg.warehouse}: where new tables go ({@code file:/…} or {@code s3a://bucket/…})</li>
 * <li>{@code iceberg.file-format}: {@code parquet} (default) or {@code orc} for written files</li>
 * <li>{@code iceberg.compression-codec}: {@code zstd} (default), {@code snappy}, {@code gzip}, {@code uncompressed}</li>
 * <li>{@code iceberg.default-schema}: a namespace that exists for SQL before it does in the
 *     catalog (listed, empty) and is created when a table is first made in it; the engine's
 *     {@code lake} schema of {@code dev} shows it</li>
 * <li>{@code iceberg.catalog.property.<name>}: passed to the Iceberg catalog as {@code <name>}</li>
 * <li>{@code s3.endpoint}, {@code s3.region}, {@code s3.path-style-access}, {@code s3.access-key},
 *     {@code s3.secret-key}, {@code s3.credentials-provider}: S3A settings</li>
 * <li>{@code spectrum.workers}: scan workers (default: one per core)</li>
 * <li>{@code spectrum.remote-workers}: {@code host:port} of remote scan workers
 *     ({@code basin spectrum-worker}), comma-separated; when set, scans run there instead of in
 *     process; {@code local} in the list makes the in-process pool one more member</li>
 * <li>{@code spectrum.local-fallback}: {@code true} to scan in process when no remote worker
 *     answers (default {@code false}: such scans fail)</li>
 * <li>{@code spectrum.tls-trusted-certificates}: a PEM file of certificates; when set, remote
 *     workers are reached over TLS and their certificates must lead to one of these</li>
 * </ul>
 */
public record IcebergConfig(
        String catalogType,
        Optional<String> catalogUri,
        Optional<String> catalogName,
        String warehouse,
        FileFormat fileFormat,
        String compressionCodec,
        Map<String, String> catalogProperties,
        S3Options s3,
        int workers,
        RemoteWorkers remoteWorkers,
        Optional<String> defaultSchema)
{
    private static final Set<String> CATALOG_TYPES = Set.of("jdbc", "hadoop", "rest");
    private static final Set<String> CODECS = Set.of("zstd", "snappy", "gzip", "uncompressed");

    public IcebergConfig
    {
        requireNonNull(catalogType, "catalogType is null");
        requireNonNull(catalogUri, "catalogUri is null");
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(fileFormat, "fileFormat is null");
        requireNonNull(compressionCodec, "compressionCodec is null");
        catalogProperties = Map.copyOf(requireNonNull(catalogProperties, "catalogProperties is null"));
        requireNonNull(s3, "s3 is null");
        requireNonNull(remoteWorkers, "remoteWorkers is null");
        requireNonNull(defaultSchema, "defaultSchema is null");
    }

    public static IcebergConfig fromProperties(Map<String, String> properties)
    {
        Map<String, String> remaining = new HashMap<>(properties);
        String type = remaining.getOrDefault("iceberg.catalog.type", "jdbc").toLowerCase(Locale.ROOT);
        remaining.remove("iceberg.catalog.type");
        if (!CATALOG_TYPES.contains(type)) {
            throw invalid("iceberg.catalog.type", type, "one of jdbc, hadoop, rest");
        }
        Optional<String> uri = Optional.ofNullable(remaining.remove("iceberg.catalog.uri"));
        if (uri.isEmpty() && !type.equals("hadoop")) {
            throw new TrinoException(LAKE_INVALID_CONFIGURATION, "Cannot configure the lake catalog: a %s catalog needs iceberg.catalog.uri".formatted(type));
        }
        Optional<String> catalogName = Optional.ofNullable(remaining.remove("iceberg.catalog.name"));
        if (catalogName.isPresent() && catalogName.get().isBlank()) {
            throw invalid("iceberg.catalog.name", catalogName.get(), "a name");
        }
        String warehouse = remaining.remove("iceberg.warehouse");
        if (warehouse == null || warehouse.isBlank()) {
            throw new TrinoException(LAKE_INVALID_CONFIGURATION, "Cannot configure the lake catalog: iceberg.warehouse is required");
        }
        String format = remaining.getOrDefault("iceberg.file-format", "parquet").toLowerCase(Locale.ROOT);
        remaining.remove("iceberg.file-format");
        FileFormat fileFormat = switch (format) {
            case "parquet" -> FileFormat.PARQUET;
            case "orc" -> FileFormat.ORC;
            default -> throw invalid("iceberg.file-format", format, "parquet or orc");
        };
        String codec = remaining.getOrDefault("iceberg.compression-codec", "zstd").toLowerCase(Locale.ROOT);
        remaining.remove("iceberg.compression-codec");
        if (!CODECS.contains(codec)) {
            throw invalid("iceberg.compression-codec", codec, "one of " + String.join(", ", CODECS));
        }
        int workers = Runtime.getRuntime().availableProcessors();
        String workersValue = remaining.remove("spectrum.workers");
        if (workersValue != null) {
            try {
                workers = Integer.parseInt(workersValue);
            }
            catch (NumberFormatException e) {
                throw invalid("spectrum.workers", workersValue, "a positive number");
            }
            if (workers <= 0) {
                throw invalid("spectrum.workers", workersValue, "a positive number");
            }
        }
        RemoteWorkers remoteWorkers = RemoteWorkers.fromProperties(remaining);
        Optional<String> defaultSchema = Optional.ofNullable(remaining.remove("iceberg.default-schema"));
        if (defaultSchema.isPresent() && (defaultSchema.get().isBlank() || defaultSchema.get().contains("."))) {
            throw invalid("iceberg.default-schema", defaultSchema.get(), "a schema name");
        }
        Map<String, String> catalogProperties = new HashMap<>();
        for (String key : Set.copyOf(remaining.keySet())) {
            if (key.startsWith("iceberg.catalog.property.")) {
                catalogProperties.put(key.substring("iceberg.catalog.property.".length()), remaining.remove(key));
            }
        }
        S3Options s3 = S3Options.fromProperties(remaining);
        if (!remaining.isEmpty()) {
            throw new TrinoException(LAKE_INVALID_CONFIGURATION, "Cannot configure the lake catalog: unknown properties %s".formatted(new java.util.TreeSet<>(remaining.keySet())));
        }
        return new IcebergConfig(type, uri, catalogName, warehouse, fileFormat, codec, catalogProperties, s3, workers, remoteWorkers, defaultSchema);
    }

    private static TrinoException invalid(String property, String value, String expected)
    {
        return new TrinoException(LAKE_INVALID_CONFIGURATION, "Cannot configure the lake catalog: %s is '%s', expected %s".formatted(property, value, expected));
    }

    /**
     * Remote scan workers; none means scans run in process.
     *
     * @param localTakesTasks whether the in-process pool takes tasks like one more worker
     *     ({@code local} in the list)
     * @param trustedCertificates with TLS to the workers: the PEM file of the certificates theirs must lead to
     */
    public record RemoteWorkers(List<WorkerAddress> addresses, boolean localFallback, boolean localTakesTasks, Optional<String> trustedCertificates)
    {
        public RemoteWorkers
        {
            addresses = List.copyOf(requireNonNull(addresses, "addresses is null"));
            requireNonNull(trustedCertificates, "trustedCertificates is null");
        }

        static RemoteWorkers fromProperties(Map<String, String> remaining)
        {
            String addresses = remaining.remove("spectrum.remote-workers");
            String fallback = remaining.remove("spectrum.local-fallback");
            if (fallback != null && !fallback.equalsIgnoreCase("true") && !fallback.equalsIgnoreCase("false")) {
                throw invalid("spectrum.local-fallback", fallback, "true or false");
            }
            List<WorkerAddress> parsed;
            try {
                parsed = addresses == null ? List.of() : WorkerAddress.parseList(addresses);
            }
            catch (IllegalArgumentException e) {
                throw invalid("spectrum.remote-workers", addresses, "host:port[,host:port...] (%s)".formatted(e.getMessage()));
            }
            Optional<String> trusted = Optional.ofNullable(remaining.remove("spectrum.tls-trusted-certificates"));
            if (trusted.isPresent() && trusted.get().isBlank()) {
                throw invalid("spectrum.tls-trusted-certificates", trusted.get(), "a PEM file");
            }
            return new RemoteWorkers(parsed, Boolean.parseBoolean(fallback), addresses != null && WorkerAddress.listsLocal(addresses), trusted);
        }
    }

    /** S3A settings; the secret is never shown by {@link #toString()}. */
    public record S3Options(
            Optional<String> endpoint,
            Optional<String> region,
            boolean pathStyleAccess,
            Optional<String> accessKey,
            Optional<String> secretKey,
            Optional<String> credentialsProvider)
    {
        public S3Options
        {
            requireNonNull(endpoint, "endpoint is null");
            requireNonNull(region, "region is null");
            requireNonNull(accessKey, "accessKey is null");
            requireNonNull(secretKey, "secretKey is null");
            requireNonNull(credentialsProvider, "credentialsProvider is null");
        }

        static S3Options fromProperties(Map<String, String> remaining)
        {
            String pathStyle = remaining.remove("s3.path-style-access");
            if (pathStyle != null && !pathStyle.equalsIgnoreCase("true") && !pathStyle.equalsIgnoreCase("false")) {
                throw invalid("s3.path-style-access", pathStyle, "true or false");
            }
            return new S3Options(
                    Optional.ofNullable(remaining.remove("s3.endpoint")),
                    Optional.ofNullable(remaining.remove("s3.region")),
                    Boolean.parseBoolean(pathStyle),
                    Optional.ofNullable(remaining.remove("s3.access-key")),
                    Optional.ofNullable(remaining.remove("s3.secret-key")),
                    Optional.ofNullable(remaining.remove("s3.credentials-provider")));
        }

        @Override
        public String toString()
        {
            return "S3Options[endpoint=%s, region=%s, pathStyleAccess=%s, accessKey=%s, secretKey=%s, credentialsProvider=%s]".formatted(
                    endpoint.orElse("default"), region.orElse("default"), pathStyleAccess, accessKey.isPresent() ? "set" : "unset", secretKey.isPresent() ? "***" : "unset", credentialsProvider.orElse("default"));
        }
    }
}
