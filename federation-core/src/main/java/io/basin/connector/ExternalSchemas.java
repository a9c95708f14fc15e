package io.basin.connector;

import io.basin.catalog.external.ExternalSchema;
import io.basin.error.BasinException;
import io.basin.metadata.ExternalSchemaBinding;
import io.trino.spi.TrinoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.basin.error.BasinErrorCode.CONNECTOR_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * The external schemas of the local database and the connectors behind them. Each external
 * schema {@code s} reads through an unlisted catalog named {@code dev.s}, created from its
 * binding's connector name and properties: when the schema is created (so bad properties fail
 * the statement), or on first use for bindings restored from the system catalog (so a source
 * that cannot be set up, e.g. a password variable missing after a restart, fails the queries
 * that use it, with its reason, not the engine's start).
 *
 * <p>The binding is generic (schema name, connector, properties, remote schema): PostgreSQL and
 * MySQL sources use it, and so can any other connector.
 *
 * <p>Built-in external schemas are bindings the engine makes itself, to a schema of a listed
 * catalog (the embedded lake's default namespace as schema {@code lake}): they are resolved and
 * listed like the others, but not recorded in the system catalog and never dropped. Thread-safe.
 */
public final class ExternalSchemas
        implements AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(ExternalSchemas.class);

    private final ConnectorRegistry registry;
    private final String localCatalog;
    private final Map<String, Entry> entries = new TreeMap<>();
    private final Map<String, Map<String, String>> connectorDefaults;
    private final Map<String, ExternalSchemaBinding> builtIn;

    public ExternalSchemas(ConnectorRegistry registry, String localCatalog)
    {
        this(registry, localCatalog, Map.of(), List.of());
    }

    public ExternalSchemas(ConnectorRegistry registry, String localCatalog, Map<String, Map<String, String>> connectorDefaults)
    {
        this(registry, localCatalog, connectorDefaults, List.of());
    }

    /**
     * @param connectorDefaults by connector name, properties every binding of that connector gets
     *     unless it sets them itself: the server's settings, such as the lake's remote scan workers,
     *     which are not part of the recorded binding
     */
    /**
     * @param builtIn external schemas of the local database the engine provides, each bound to a
     *     schema of a listed catalog
     */
    public ExternalSchemas(ConnectorRegistry registry, String localCatalog, Map<String, Map<String, String>> connectorDefaults, List<ExternalSchemaBinding> builtIn)
    {
        this.registry = requireNonNull(registry, "registry is null");
        this.localCatalog = requireNonNull(localCatalog, "localCatalog is null");
        this.connectorDefaults = Map.copyOf(requireNonNull(connectorDefaults, "connectorDefaults is null"));
        Map<String, ExternalSchemaBinding> bindings = new TreeMap<>();
        requireNonNull(builtIn, "builtIn is null").forEach(binding -> bindings.put(binding.schemaName(), binding));
        this.builtIn = java.util.Collections.unmodifiableMap(bindings);
    }

    /** The bindings of a previous run; their connectors start on first use. */
    public synchronized void restore(List<ExternalSchema> schemas)
    {
        for (ExternalSchema schema : schemas) {
            entries.put(schema.name(), new Entry(schema));
        }
    }

    /**
     * Creates the connector of a binding and checks it can be set up; the caller then records
     * the binding with {@link #add}, or shuts the connector down with {@link #discard}.
     */
    public CatalogHandle open(ExternalSchema schema)
    {
        Map<String, String> properties = new HashMap<>(connectorDefaults.getOrDefault(schema.connectorName(), Map.of()));
        properties.putAll(schema.properties());
        return registry.createUnlistedCatalog(catalogName(schema.name()), schema.connectorName(), properties);
    }

    public synchronized void add(ExternalSchema schema, CatalogHandle catalog)
    {
        Entry entry = new Entry(schema);
        entry.catalog = catalog;
        entries.put(schema.name(), entry);
    }

    public void discard(CatalogHandle catalog)
    {
        registry.shutdownUnlisted(catalog);
    }

    /** Forgets an external schema and shuts its connector down. */
    public void remove(String name)
    {
        Entry entry;
        synchronized (this) {
            entry = entries.remove(name);
        }
        if (entry != null && entry.catalog != null) {
            registry.shutdownUnlisted(entry.catalog);
        }
    }

    public synchronized boolean contains(String name)
    {
        return entries.containsKey(name) || builtIn.containsKey(name);
    }

    /** Whether {@code name} is an external schema the engine provides (not one a statement created). */
    public boolean isBuiltIn(String name)
    {
        return builtIn.containsKey(name);
    }

    public synchronized Optional<ExternalSchemaBinding> binding(String catalogName, String schemaName)
    {
        if (!catalogName.equals(localCatalog)) {
            return Optional.empty();
        }
        Entry entry = entries.get(schemaName);
        if (entry == null) {
            return Optional.ofNullable(builtIn.get(schemaName));
        }
        return Optional.of(new ExternalSchemaBinding(schemaName, catalogName(schemaName), entry.schema.remoteSchema()));
    }

    public synchronized List<String> names(String catalogName)
    {
        if (!catalogName.equals(localCatalog)) {
            return List.of();
        }
        java.util.TreeSet<String> names = new java.util.TreeSet<>(entries.keySet());
        names.addAll(builtIn.keySet());
        return new ArrayList<>(names);
    }

    /** The connector of the external schema whose unlisted catalog is {@code catalogName}, started if need be. */
    public synchronized Optional<CatalogHandle> catalog(String catalogName)
    {
        String prefix = localCatalog + ".";
        if (!catalogName.startsWith(prefix)) {
            return Optional.empty();
        }
        Entry entry = entries.get(catalogName.substring(prefix.length()));
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.catalog == null) {
            try {
                entry.catalog = open(entry.schema);
            }
            catch (TrinoException e) {
                // the reason comes from the connector, which never puts a secret in a message
                throw new BasinException(CONNECTOR_ERROR, "Cannot use external schema \"%s\": %s".formatted(entry.schema.name(), e.getMessage()), e);
            }
        }
        return Optional.of(entry.catalog);
    }

    /** The external schemas whose connectors are open, by schema name; none is opened by this. */
    public synchronized java.util.Map<String, CatalogHandle> openCatalogs()
    {
        java.util.Map<String, CatalogHandle> open = new java.util.LinkedHashMap<>();
        entries.forEach((name, entry) -> {
            if (entry.catalog != null) {
                open.put(name, entry.catalog);
            }
        });
        return open;
    }

    private String catalogName(String schemaName)
    {
        return localCatalog + "." + schemaName;
    }

    @Override
    public void close()
    {
        List<CatalogHandle> open = new ArrayList<>();
        synchronized (this) {
            for (Entry entry : entries.values()) {
                if (entry.catalog != null) {
                    open.add(entry.catalog);
                }
            }
            entries.clear();
        }
        for (CatalogHandle catalog : open) {
            try {
                registry.shutdownUnlisted(catalog);
            }
            catch (RuntimeException e) {
                log.warn("Cannot shut down {}", catalog, e);
            }
        }
    }

    private static final class Entry
    {
        private final ExternalSchema schema;
        private CatalogHandle catalog;

        Entry(ExternalSchema schema)
        {
            this.schema = requireNonNull(schema, "schema is null");
        }
    }
}
