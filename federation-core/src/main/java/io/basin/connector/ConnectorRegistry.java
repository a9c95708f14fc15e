package io.basin.connector;

import io.basin.error.BasinException;
import io.trino.spi.NodeManager;
import io.trino.spi.Plugin;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorFactory;
import io.trino.spi.type.ParametricType;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static io.basin.error.BasinErrorCode.CONNECTOR_ERROR;
import static io.basin.error.BasinErrorCode.INVALID_NAME;
import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;
import static io.basin.error.BasinErrorCode.PLUGIN_LOAD_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * Basin's connector host: the connector factories of the installed plugins and the catalogs
 * created from them. Plugins come from Basin's class path (the built-in {@code tpch} and
 * {@code memory} connectors) and optionally from a Trino-style plugin directory, each of whose
 * subdirectories is one plugin with its own class loader. By default the catalogs {@code tpch}
 * and {@code memory} exist.
 *
 * <p>Thread-safe. {@link #close()} shuts every connector down and releases the plugins.
 */
public final class ConnectorRegistry
        implements AutoCloseable
{
    public static final String TPCH_CATALOG = "tpch";
    public static final String MEMORY_CATALOG = "memory";
    /**
     * The local database every session starts in ({@code dev}, as in Redshift): {@code public} and
     * every {@code CREATE SCHEMA} live here. Backed by the {@value #WAREHOUSE_CONNECTOR} connector
     * with its files under the data directory (see {@link Builder#withLocalDataDirectory}); by the
     * memory connector when there is no data directory, e.g. for a registry built on its own.
     */
    public static final String LOCAL_CATALOG = "dev";
    /** The connector of the local database: the warehouse tier's managed column storage, found through ServiceLoader. */
    public static final String WAREHOUSE_CONNECTOR = "warehouse";
    /** The warehouse connector's catalog property naming its directory. */
    public static final String WAREHOUSE_DATA_DIRECTORY = "warehouse.data-directory";

    private static final Logger log = LoggerFactory.getLogger(ConnectorRegistry.class);
    private static final Pattern CATALOG_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final BasinTypeManager typeManager = new BasinTypeManager();
    private final NodeManager nodeManager = LocalNodeManager.create(basinVersion());
    private final Map<String, RegisteredFactory> factories = new TreeMap<>();
    private final Set<URLClassLoader> pluginClassLoaders = new LinkedHashSet<>();
    private final Map<String, CatalogHandle> catalogs = new ConcurrentHashMap<>();
    private boolean closed;

    private ConnectorRegistry() {}

    /** The built-in connectors, with catalogs {@code tpch} and {@code memory}. */
    public static ConnectorRegistry createDefault()
    {
        return builder().build();
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * Installs a plugin's connector factories and types. A connector name that another plugin
     * already provides is a load error: which one should win is not for Basin to guess.
     */
    public synchronized void installPlugin(LoadedPlugin loaded)
    {
        requireNonNull(loaded, "loaded is null");
        checkOpen();
        if (loaded.classLoader() instanceof PluginClassLoader pluginClassLoader) {
            pluginClassLoaders.add(pluginClassLoader);
        }
        Plugin plugin = loaded.plugin();
        List<ConnectorFactory> newFactories = new ArrayList<>();
        try (ThreadContextClassLoader _ = new ThreadContextClassLoader(loaded.classLoader())) {
            plugin.getConnectorFactories().forEach(newFactories::add);
            // Check every name before installing anything, so a failed plugin leaves no trace.
            Set<String> names = new TreeSet<>();
            for (ConnectorFactory factory : newFactories) {
                RegisteredFactory existing = factories.get(factory.getName());
                if (existing != null) {
                    throw new BasinException(PLUGIN_LOAD_ERROR, "Cannot install plugin '%s' from %s: connector '%s' is already provided by plugin '%s' from %s"
                            .formatted(loaded.name(), loaded.source(), factory.getName(), existing.plugin().name(), existing.plugin().source()));
                }
                if (!names.add(factory.getName())) {
                    throw new BasinException(PLUGIN_LOAD_ERROR, "Cannot install plugin '%s' from %s: it provides connector '%s' twice".formatted(loaded.name(), loaded.source(), factory.getName()));
                }
            }
            for (Type type : plugin.getTypes()) {
                typeManager.addType(type);
            }
            for (ParametricType type : plugin.getParametricTypes()) {
                log.warn("Plugin {} provides parametric type {}, which Basin does not support yet; it is ignored", loaded.name(), type.getName());
            }
        }
        catch (BasinException e) {
            throw e;
        }
        catch (RuntimeException | LinkageError e) {
            throw new BasinException(PLUGIN_LOAD_ERROR, "Cannot install plugin '%s' from %s: %s".formatted(loaded.name(), loaded.source(), e.getMessage()), e);
        }
        for (ConnectorFactory factory : newFactories) {
            factories.put(factory.getName(), new RegisteredFactory(factory, loaded));
            log.debug("Installed connector {} from plugin {} ({})", factory.getName(), loaded.name(), loaded.source());
        }
    }

    /** Installs a plugin instance created by the caller, e.g. an embedding application's own connector. */
    public void installPlugin(Plugin plugin)
    {
        requireNonNull(plugin, "plugin is null");
        installPlugin(new LoadedPlugin(plugin.getClass().getName(), "application", plugin, plugin.getClass().getClassLoader()));
    }

    /** The names of the connector factories catalogs can be created with. */
    public synchronized Set<String> listConnectorNames()
    {
        return new TreeSet<>(factories.keySet());
    }

    /**
     * Creates a catalog.
     *
     * @param catalogName the new catalog's name: lower-case letters, digits and underscores
     * @param connectorName the connector factory, e.g. {@code memory}
     * @param properties the connector's configuration properties
     */
    public synchronized CatalogHandle createCatalog(String catalogName, String connectorName, Map<String, String> properties)
    {
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(connectorName, "connectorName is null");
        requireNonNull(properties, "properties is null");
        checkOpen();
        if (!CATALOG_NAME.matcher(catalogName).matches()) {
            throw new BasinException(INVALID_NAME, "Cannot create catalog '%s': a catalog name consists of lower-case letters, digits and underscores".formatted(catalogName));
        }
        if (catalogs.containsKey(catalogName)) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "Cannot create catalog '%s': it already exists".formatted(catalogName));
        }
        CatalogHandle catalog = instantiate(catalogName, connectorName, properties, false);
        catalogs.put(catalogName, catalog);
        log.debug("Created {}", catalog);
        return catalog;
    }

    /**
     * Creates a connector that is not one of the listed catalogs: the source behind an external
     * schema of the local database, which the caller owns and shuts down with
     * {@link #shutdownUnlisted(CatalogHandle)}. Its name may be any text (external schemas are
     * named {@code dev.<schema>}), since it never appears among the catalogs.
     */
    public synchronized CatalogHandle createUnlistedCatalog(String catalogName, String connectorName, Map<String, String> properties)
    {
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(connectorName, "connectorName is null");
        requireNonNull(properties, "properties is null");
        checkOpen();
        return instantiate(catalogName, connectorName, properties, true);
    }

    /** Shuts down a connector made by {@link #createUnlistedCatalog}. */
    public void shutdownUnlisted(CatalogHandle catalog)
    {
        shutdown(requireNonNull(catalog, "catalog is null"));
    }

    private CatalogHandle instantiate(String catalogName, String connectorName, Map<String, String> properties, boolean keepConnectorErrors)
    {
        RegisteredFactory factory = factories.get(connectorName);
        if (factory == null) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "Cannot create catalog '%s': there is no connector '%s' (installed: %s)".formatted(catalogName, connectorName, String.join(", ", factories.keySet())));
        }
        ClassLoader classLoader = factory.plugin().classLoader();
        Connector connector;
        try (ThreadContextClassLoader _ = new ThreadContextClassLoader(classLoader)) {
            connector = factory.factory().create(catalogName, Map.copyOf(properties), new BasinConnectorContext(catalogName, typeManager, nodeManager));
        }
        catch (RuntimeException | LinkageError e) {
            if (keepConnectorErrors && e instanceof TrinoException connectorError) {
                // the connector's own error (e.g. invalid properties) says what is wrong; keep its code
                throw connectorError;
            }
            throw new BasinException(CONNECTOR_ERROR, "Cannot create catalog '%s' with connector '%s': %s".formatted(catalogName, connectorName, e.getMessage()), e);
        }
        return new CatalogHandle(catalogName, connectorName, connector, classLoader);
    }

    public Optional<CatalogHandle> getCatalog(String catalogName)
    {
        return Optional.ofNullable(catalogs.get(requireNonNull(catalogName, "catalogName is null")));
    }

    /** All catalogs, sorted by name. */
    public List<CatalogHandle> listCatalogs()
    {
        return catalogs.values().stream()
                .sorted(Comparator.comparing(CatalogHandle::name))
                .toList();
    }

    /** Removes a catalog and shuts its connector down. Queries still using it may fail. */
    public synchronized void dropCatalog(String catalogName)
    {
        CatalogHandle catalog = catalogs.remove(requireNonNull(catalogName, "catalogName is null"));
        if (catalog == null) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "Cannot drop catalog '%s': it does not exist".formatted(catalogName));
        }
        shutdown(catalog);
    }

    /** The type manager the connectors were given; resolves type names for the engine too. */
    public TypeManager getTypeManager()
    {
        return typeManager;
    }

    /** Shuts down every connector and closes the plugin class loaders; failures are reported together. */
    @Override
    public synchronized void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        List<RuntimeException> failures = new ArrayList<>();
        for (CatalogHandle catalog : listCatalogs()) {
            try {
                shutdown(catalog);
            }
            catch (RuntimeException e) {
                failures.add(e);
            }
        }
        catalogs.clear();
        for (URLClassLoader classLoader : pluginClassLoaders) {
            try {
                classLoader.close();
            }
            catch (IOException e) {
                failures.add(new BasinException(PLUGIN_LOAD_ERROR, "Cannot close class loader of plugin %s: %s".formatted(classLoader.getName(), e.getMessage()), e));
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.getFirst();
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void shutdown(CatalogHandle catalog)
    {
        try (ThreadContextClassLoader _ = new ThreadContextClassLoader(catalog.classLoader())) {
            catalog.connector().shutdown();
        }
        catch (RuntimeException | LinkageError e) {
            throw new BasinException(CONNECTOR_ERROR, "Cannot shut down %s: %s".formatted(catalog, e.getMessage()), e);
        }
    }

    private void checkOpen()
    {
        if (closed) {
            throw new IllegalStateException("Connector registry is closed");
        }
    }

    private static String basinVersion()
    {
        String version = ConnectorRegistry.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private record RegisteredFactory(ConnectorFactory factory, LoadedPlugin plugin) {}

    /** Chooses where plugins come from and which catalogs exist from the start. */
    public static final class Builder
    {
        private boolean builtInPlugins = true;
        private Optional<Path> pluginDirectory = Optional.empty();
        private boolean defaultCatalogs = true;
        private Optional<Path> localDataDirectory = Optional.empty();

        private Builder() {}

        /** Keeps the local database {@code dev} in warehouse tables under {@code directory}, which survive restarts. */
        public Builder withLocalDataDirectory(Path directory)
        {
            this.localDataDirectory = Optional.of(requireNonNull(directory, "directory is null"));
            return this;
        }

        /** Whether to install the plugins on Basin's class path (default: yes). */
        public Builder withBuiltInPlugins(boolean builtInPlugins)
        {
            this.builtInPlugins = builtInPlugins;
            return this;
        }

        /** A Trino-style plugin directory: one subdirectory of jars per plugin. */
        public Builder withPluginDirectory(Path pluginDirectory)
        {
            this.pluginDirectory = Optional.of(requireNonNull(pluginDirectory, "pluginDirectory is null"));
            return this;
        }

        /** Whether to create the catalogs {@code tpch} and {@code memory} (default: yes). */
        public Builder withDefaultCatalogs(boolean defaultCatalogs)
        {
            this.defaultCatalogs = defaultCatalogs;
            return this;
        }

        public ConnectorRegistry build()
        {
            ConnectorRegistry registry = new ConnectorRegistry();
            try {
                PluginLoader loader = new PluginLoader(ConnectorRegistry.class.getClassLoader());
                if (builtInPlugins) {
                    loader.loadClassPathPlugins().forEach(registry::installPlugin);
                }
                pluginDirectory.ifPresent(directory -> loader.loadPluginDirectory(directory).forEach(registry::installPlugin));
                if (defaultCatalogs) {
                    registry.createCatalog(TPCH_CATALOG, "tpch", Map.of());
                    registry.createCatalog(MEMORY_CATALOG, "memory", Map.of());
                    if (localDataDirectory.isPresent()) {
                        registry.createCatalog(LOCAL_CATALOG, WAREHOUSE_CONNECTOR, Map.of(WAREHOUSE_DATA_DIRECTORY, localDataDirectory.get().toAbsolutePath().toString()));
                    }
                    else {
                        registry.createCatalog(LOCAL_CATALOG, "memory", Map.of());
                    }
                }
                return registry;
            }
            catch (RuntimeException e) {
                try {
                    registry.close();
                }
                catch (RuntimeException closeFailure) {
                    e.addSuppressed(closeFailure);
                }
                throw e;
            }
        }
    }
}
