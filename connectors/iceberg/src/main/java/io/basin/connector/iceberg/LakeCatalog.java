package io.basin.connector.iceberg;

import io.trino.spi.TrinoException;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.RESTCatalog;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.basin.spectrum.SpectrumErrorCode.describe;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_CATALOG_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * The Iceberg catalog behind a lake catalog and the file system its tables live on. Opened on
 * first use: a data directory whose lake was never used gets no catalog database, and listing
 * the schemas of a JDBC catalog on SQLite whose database does not exist yet finds none rather
 * than creating it.
 */
final class LakeCatalog
        implements AutoCloseable
{
    private final String name;
    private final IcebergConfig config;
    private final Configuration hadoopConfiguration;
    private Catalog catalog;
    private FileIO fileIO;

    LakeCatalog(String name, IcebergConfig config)
    {
        this.name = requireNonNull(name, "name is null");
        this.config = requireNonNull(config, "config is null");
        this.hadoopConfiguration = S3aConfiguration.create(config.s3());
    }

    /** Whether the catalog has nothing in it without opening it (a SQLite file not yet created). */
    synchronized boolean isKnownEmpty()
    {
        if (catalog != null || !config.catalogType().equals("jdbc")) {
            return false;
        }
        return sqliteFile().map(file -> !Files.exists(file)).orElse(false);
    }

    synchronized Catalog catalog()
    {
        if (catalog == null) {
            catalog = open();
        }
        return catalog;
    }

    synchronized FileIO fileIO()
    {
        if (fileIO == null) {
            fileIO = new LakeFileIO(hadoopConfiguration);
        }
        return fileIO;
    }

    SupportsNamespaces namespaces()
    {
        Catalog opened = catalog();
        if (opened instanceof SupportsNamespaces namespaces) {
            return namespaces;
        }
        throw new TrinoException(LAKE_CATALOG_ERROR, "Cannot manage schemas of lake catalog %s: its Iceberg catalog has no namespaces".formatted(name));
    }

    List<Namespace> listNamespaces()
    {
        if (isKnownEmpty()) {
            return List.of();
        }
        return namespaces().listNamespaces();
    }

    IcebergConfig config()
    {
        return config;
    }

    private Catalog open()
    {
        Map<String, String> properties = new HashMap<>(config.catalogProperties());
        properties.put(CatalogProperties.WAREHOUSE_LOCATION, config.warehouse());
        config.catalogUri().ifPresent(uri -> properties.put(CatalogProperties.URI, uri));
        try {
            return switch (config.catalogType()) {
                case "jdbc" -> {
                    sqliteFile().ifPresent(LakeCatalog::createParentDirectory);
                    if (config.catalogUri().orElseThrow().startsWith("jdbc:sqlite:")) {
                        // SQLite lacks what the V0 schema's migration needs
                        properties.putIfAbsent("jdbc.schema-version", "V1");
                    }
                    properties.putIfAbsent(CatalogProperties.FILE_IO_IMPL, LakeFileIO.class.getName());
                    createLocalWarehouse();
                    JdbcCatalog jdbc = new JdbcCatalog();
                    jdbc.setConf(hadoopConfiguration);
                    jdbc.initialize(config.catalogName().orElse(name), properties);
                    yield jdbc;
                }
                case "hadoop" -> {
                    createLocalWarehouse();
                    HadoopCatalog hadoop = new HadoopCatalog();
                    hadoop.setConf(hadoopConfiguration);
                    hadoop.initialize(config.catalogName().orElse(name), properties);
                    yield hadoop;
                }
                case "rest" -> {
                    RESTCatalog rest = new RESTCatalog();
                    rest.setConf(hadoopConfiguration);
                    rest.initialize(config.catalogName().orElse(name), properties);
                    yield rest;
                }
                default -> throw new IllegalStateException("Unknown catalog type " + config.catalogType());
            };
        }
        catch (RuntimeException e) {
            throw new TrinoException(LAKE_CATALOG_ERROR, "Cannot open the Iceberg catalog of lake catalog %s: %s".formatted(name, describe(e)), e);
        }
    }

    private java.util.Optional<Path> sqliteFile()
    {
        return config.catalogUri()
                .filter(uri -> uri.startsWith("jdbc:sqlite:"))
                .map(uri -> uri.substring("jdbc:sqlite:".length()))
                .map(rest -> rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest)
                .filter(file -> !file.isEmpty() && !file.equals(":memory:") && !file.startsWith("file:"))
                .map(Path::of);
    }

    private void createLocalWarehouse()
    {
        String warehouse = config.warehouse();
        if (warehouse.startsWith("file:")) {
            createDirectory(Path.of(URI.create(warehouse)));
        }
        else if (warehouse.startsWith("/")) {
            createDirectory(Path.of(warehouse));
        }
    }

    private static void createParentDirectory(Path file)
    {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            createDirectory(parent);
        }
    }

    private static void createDirectory(Path directory)
    {
        try {
            Files.createDirectories(directory);
        }
        catch (IOException e) {
            throw new TrinoException(LAKE_CATALOG_ERROR, "Cannot create directory %s: %s".formatted(directory, describe(e)), e);
        }
    }

    @Override
    public synchronized void close()
            throws IOException
    {
        try {
            if (catalog instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        catch (IOException | RuntimeException e) {
            throw e;
        }
        catch (Exception e) {
            throw new IOException(e);
        }
        finally {
            if (fileIO != null) {
                fileIO.close();
            }
            catalog = null;
        }
    }
}
