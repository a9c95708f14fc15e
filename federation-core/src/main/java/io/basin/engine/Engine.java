package io.basin.engine;

import io.basin.connector.CatalogHandle;
import io.basin.connector.ConnectorRegistry;
import io.basin.connector.system.ExpressionCacheTable;
import io.basin.connector.system.SystemConnector;
import io.basin.connector.system.SystemPlugin;
import io.basin.embedded.BasinConfig;
import io.basin.execution.driver.PipelineExecutor;
import io.basin.execution.expression.ExpressionCompiler;
import io.basin.metadata.CatalogLookup;

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
    private final io.basin.metadata.pgcatalog.ObjectIds objectIds = new io.basin.metadata.pgcatalog.ObjectIds();

    public Engine(BasinConfig config)
    {
        this.config = requireNonNull(config, "config is null");
        ConnectorRegistry.Builder builder = ConnectorRegistry.builder();
        config.pluginDirectory().ifPresent(builder::withPluginDirectory);
        this.connectors = builder.build();
        connectors.installPlugin(new SystemPlugin(new SystemConnector(List.of(new ExpressionCacheTable(expressionCompiler.cache())))));
        connectors.createCatalog(SystemPlugin.NAME, SystemPlugin.NAME, java.util.Map.of());
        ThreadFactory threads = Thread.ofPlatform().name("basin-driver-", 0).daemon(true).factory();
        this.executor = Executors.newCachedThreadPool(threads);
        this.pipelineExecutor = new PipelineExecutor(executor);
        this.catalogLookup = new CatalogLookup()
        {
            @Override
            public Optional<CatalogHandle> catalog(String catalogName)
            {
                return connectors.getCatalog(catalogName);
            }

            @Override
            public List<String> catalogNames()
            {
                return connectors.listCatalogs().stream().map(CatalogHandle::name).toList();
            }
        };
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

    public ExpressionCompiler expressionCompiler()
    {
        return expressionCompiler;
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

    /** A session of the default user in the default database. */
    public Session newSession()
    {
        return newSession(SessionIdentity.DEFAULT_USER);
    }

    /** A session of {@code user} in the local database, with a fresh backend process id. */
    public Session newSession(String user)
    {
        return new Session(this, new SessionIdentity(user, SessionIdentity.DEFAULT_DATABASE, backendPids.incrementAndGet()));
    }

    @Override
    public void close()
    {
        executor.shutdownNow();
        connectors.close();
    }
}
