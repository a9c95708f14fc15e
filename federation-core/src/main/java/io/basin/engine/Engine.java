package io.basin.engine;

import io.basin.catalog.CatalogException;
import io.basin.catalog.SystemCatalog;
import io.basin.connector.CatalogHandle;
import io.basin.connector.ConnectorRegistry;
import io.basin.connector.ExternalSchemas;
import io.basin.connector.system.ConnectorRuntimeTable;
import io.basin.connector.system.ExpressionCacheTable;
import io.basin.connector.system.PlanCacheTable;
import io.basin.connector.system.RemoteQueriesTable;
import io.basin.connector.system.SystemConnector;
import io.basin.connector.system.SystemPlugin;
import io.basin.embedded.BasinConfig;
import io.basin.error.CatalogErrors;
import io.basin.execution.driver.PipelineExecutor;
import io.basin.execution.expression.ExpressionCompiler;
import io.basin.metadata.CatalogLookup;
import io.basin.metadata.ExternalSchemaBinding;
import io.basin.spectrum.flight.ScanWorkersSystemTable;
import io.basin.sql.planner.QueryPlanCache;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/** The engine: connector host, planner and executor shared by all sessions. */
public final class Engine
        implements AutoCloseable
{
    private final BasinConfig config;
    private final ConnectorRegistry connectors;
    private final ExecutorService executor;
    private final PipelineExecutor pipelineExecutor;
    private final AtomicLong queryIds = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger backendPids = new java.util.concurrent.atomic.AtomicInteger(10_000);
    private final CatalogLookup catalogLookup;
    private final ExpressionCompiler expressionCompiler = new ExpressionCompiler();
    private final ExpressionServices expressionServices = new CompiledExpressionServices(expressionCompiler);
    /** Enough for the statements of a few dashboards; a plan holds its optimized rel tree only. */
    private final QueryPlanCache planCache = new QueryPlanCache(256);
    private final UserStatementExecutor userStatements = new UserStatementExecutor(this::systemCatalog, new SecureRandom());
    private final ExternalSchemas externalSchemas;
    private final ExternalSchemaStatementExecutor externalSchemaStatements;
    // opened on first use: most sessions never touch it, and tests should not leave catalog files behind
    private SystemCatalog systemCatalog;
    private boolean closed;
    private final io.basin.metadata.pgcatalog.ObjectIds objectIds = new io.basin.metadata.pgcatalog.ObjectIds();

    public Engine(BasinConfig config)
    {
        this.config = requireNonNull(config, "config is null");
        ConnectorRegistry.Builder builder = ConnectorRegistry.builder();
        config.pluginDirectory().ifPresent(builder::withPluginDirectory);
        builder.withLocalDataDirectory(config.dataDirectory().resolve("warehouse"));
        this.connectors = builder.build();
        boolean lake = connectors.listConnectorNames().contains(LakeCatalogDefaults.CONNECTOR_NAME);
        if (lake) {
            try {
                connectors.createCatalog(LakeCatalogDefaults.CATALOG_NAME, LakeCatalogDefaults.CONNECTOR_NAME, LakeCatalogDefaults.properties(config));
            }
            catch (RuntimeException e) {
                // bad lake settings (a TLS trust file that holds no certificate): the local
                // database's files must not stay locked by an engine that never started
                connectors.close();
                throw e;
            }
        }
        connectors.installPlugin(new SystemPlugin(new SystemConnector(List.of(new ExpressionCacheTable(expressionCompiler.cache()), new PlanCacheTable(planCache), new RemoteQueriesTable(this::remoteQuerySources),
                new ConnectorRuntimeTable(ScanWorkersSystemTable.NAME.getTableName(), ScanWorkersSystemTable.COLUMNS, this::remoteQuerySources)))));
        connectors.createCatalog(SystemPlugin.NAME, SystemPlugin.NAME, java.util.Map.of());
        ThreadFactory threads = Thread.ofPlatform().name("basin-driver-", 0).daemon(true).factory();
        this.executor = Executors.newCachedThreadPool(threads);
        this.pipelineExecutor = new PipelineExecutor(executor);
        this.externalSchemas = new ExternalSchemas(connectors, ConnectorRegistry.LOCAL_CATALOG,
                java.util.Map.of(LakeCatalogDefaults.CONNECTOR_NAME, LakeCatalogDefaults.serverProperties(config)),
                lake ? List.of(LakeCatalogDefaults.schemaBinding()) : List.of());
        this.externalSchemaStatements = new ExternalSchemaStatementExecutor(this::systemCatalog, externalSchemas);
        // a data directory without a catalog has no external schemas; do not create one just to look
        if (Files.exists(config.dataDirectory().resolve(SystemCatalog.FILE_NAME))) {
            externalSchemas.restore(systemCatalog().externalSchemas().list());
        }
        this.catalogLookup = new CatalogLookup()
        {
            @Override
            public Optional<CatalogHandle> catalog(String catalogName)
            {
                return connectors.getCatalog(catalogName).or(() -> externalSchemas.catalog(catalogName));
            }

            @Override
            public List<String> catalogNames()
            {
                return connectors.listCatalogs().stream().map(CatalogHandle::name).toList();
            }

            @Override
            public Optional<ExternalSchemaBinding> externalSchema(String catalogName, String schemaName)
            {
                return externalSchemas.binding(catalogName, schemaName);
            }

            @Override
            public List<String> externalSchemaNames(String catalogName)
            {
                return externalSchemas.names(catalogName);
            }
        };
    }

    /** The catalogs system.runtime.remote_queries asks: every listed catalog but system, and every open external schema. */
    private java.util.Map<String, CatalogHandle> remoteQuerySources()
    {
        java.util.Map<String, CatalogHandle> sources = new java.util.LinkedHashMap<>();
        for (CatalogHandle catalog : connectors.listCatalogs()) {
            if (!catalog.name().equals(SystemPlugin.NAME)) {
                sources.put(catalog.name(), catalog);
            }
        }
        sources.putAll(externalSchemas.openCatalogs());
        return sources;
    }

    public BasinConfig config()
    {
        return config;
    }

    public ConnectorRegistry connectors()
    {
        return connectors;
    }

    public CatalogLookup catalogLookup()
    {
        return catalogLookup;
    }

    public PipelineExecutor pipelineExecutor()
    {
        return pipelineExecutor;
    }

    /** Runs queries whose results stream to a consumer on another thread. */
    ExecutorService queryExecutor()
    {
        return executor;
    }

    public ExpressionCompiler expressionCompiler()
    {
        return expressionCompiler;
    }

    /** Plans of recent queries by their text, shared by all sessions. */
    QueryPlanCache planCache()
    {
        return planCache;
    }

    /** The oids the catalogs show for schemas and tables; a wire server reports table oids from it too. */
    public io.basin.metadata.pgcatalog.ObjectIds objectIds()
    {
        return objectIds;
    }

    ExpressionServices expressionServices()
    {
        return expressionServices;
    }

    String nextQueryId()
    {
        return "q" + queryIds.incrementAndGet();
    }

    /**
     * Plans and runs a few representative queries so the first client query does not pay for
     * class loading and JIT warm-up of the planner (several hundred milliseconds cold).
     */
    public void warmUp()
    {
        try (Session session = newSession()) {
            // no tpch tables here: their generator holds a 300 MB text pool once used
            for (String sql : List.of(
                    "SELECT 1",
                    "SELECT k, count(*), sum(v), max(s) FROM (VALUES (1, 2.5, 'a'), (2, 3.5, 'b'), (1, 4.0, 'c')) t(k, v, s) WHERE s <> 'z' GROUP BY k ORDER BY 2 DESC LIMIT 5",
                    "SELECT a.k, b.w FROM (VALUES (1, 'x'), (2, 'y')) a(k, s) JOIN (VALUES (1, DATE '2024-01-01')) b(k, w) ON a.k = b.k WHERE EXISTS (SELECT 1 FROM (VALUES 1, 2) c(k) WHERE c.k = a.k)")) {
                session.execute(sql);
            }
        }
    }

    /** A session of the default user in the default database. */
    public Session newSession()
    {
        return newSession(SessionIdentity.DEFAULT_USER);
    }

    /** A session of {@code user} in the local database, with a fresh backend process id. */
    public Session newSession(String user)
    {
        return newSession(user, SessionIdentity.DEFAULT_DATABASE);
    }

    /**
     * A session of {@code user} connected to {@code database}: the local database {@code dev} or a
     * connector catalog, which then resolves unqualified names.
     *
     * @throws io.basin.error.BasinException with SQLSTATE 3D000 when there is no such database
     */
    public Session newSession(String user, String database)
    {
        if (connectors.getCatalog(database).isEmpty()) {
            throw new io.basin.error.BasinException(io.basin.error.BasinErrorCode.UNDEFINED_DATABASE, "database \"" + database + "\" does not exist");
        }
        return new Session(this, new SessionIdentity(user, database, backendPids.incrementAndGet()));
    }

    /**
     * The system catalog of the data directory ({@code <dataDirectory>/catalog.db}), opened (and
     * created) on first use and closed with the engine.
     */
    public synchronized SystemCatalog systemCatalog()
    {
        if (closed) {
            throw new IllegalStateException("Engine is closed");
        }
        if (systemCatalog == null) {
            try {
                systemCatalog = SystemCatalog.open(config.dataDirectory());
            }
            catch (CatalogException e) {
                throw CatalogErrors.toBasinException(e);
            }
        }
        return systemCatalog;
    }

    UserStatementExecutor userStatements()
    {
        return userStatements;
    }

    ExternalSchemaStatementExecutor externalSchemaStatements()
    {
        return externalSchemaStatements;
    }

    @Override
    public void close()
    {
        executor.shutdownNow();
        try {
            externalSchemas.close();
        }
        finally {
            connectors.close();
        }
        synchronized (this) {
            closed = true;
            if (systemCatalog != null) {
                systemCatalog.close();
            }
        }
    }
}
