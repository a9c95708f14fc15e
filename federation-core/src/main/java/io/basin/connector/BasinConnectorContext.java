package io.basin.connector;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.trino.spi.NodeManager;
import io.trino.spi.Page;
import io.trino.spi.PageIndexerFactory;
import io.trino.spi.PageSorter;
import io.trino.spi.VersionEmbedder;
import io.trino.spi.catalog.CatalogName;
import io.trino.spi.connector.CatalogHandle.CatalogVersion;
import io.trino.spi.connector.ConnectorContext;
import io.trino.spi.connector.MetadataProvider;
import io.trino.spi.connector.SortOrder;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeManager;

import java.util.List;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * What Basin offers a connector it creates: its catalog's identity, types, the (single) node,
 * and no-op telemetry. Basin's own connectors need none of the page sorting and indexing
 * services; those fail with a clear message when used, rather than at connector creation, so
 * that Trino plugins which merely wire them in still load.
 */
final class BasinConnectorContext
        implements ConnectorContext
{
    private static final CatalogVersion CATALOG_VERSION = new CatalogVersion("default");

    private final io.trino.spi.connector.CatalogHandle catalogHandle;
    private final TypeManager typeManager;
    private final NodeManager nodeManager;
    private final OpenTelemetry openTelemetry = OpenTelemetry.noop();

    BasinConnectorContext(String catalogName, TypeManager typeManager, NodeManager nodeManager)
    {
        // Fully qualified: Basin's own CatalogHandle record is a different thing.
        this.catalogHandle = io.trino.spi.connector.CatalogHandle.createRootCatalogHandle(new CatalogName(requireNonNull(catalogName, "catalogName is null")), CATALOG_VERSION);
        this.typeManager = requireNonNull(typeManager, "typeManager is null");
        this.nodeManager = requireNonNull(nodeManager, "nodeManager is null");
    }

    @Override
    public io.trino.spi.connector.CatalogHandle getCatalogHandle()
    {
        return catalogHandle;
    }

    @Override
    public OpenTelemetry getOpenTelemetry()
    {
        return openTelemetry;
    }

    @Override
    public Tracer getTracer()
    {
        return openTelemetry.getTracer("basin.catalog." + catalogHandle.getCatalogName());
    }

    @Override
    public NodeManager getNodeManager()
    {
        return nodeManager;
    }

    @Override
    public VersionEmbedder getVersionEmbedder()
    {
        // Trino embeds its version in thread stacks for diagnostics; Basin has nothing to add.
        return new VersionEmbedder()
        {
            @Override
            public Runnable embedVersion(Runnable runnable)
            {
                return runnable;
            }

            @Override
            public <T> Callable<T> embedVersion(Callable<T> callable)
            {
                return callable;
            }
        };
    }

    @Override
    public TypeManager getTypeManager()
    {
        return typeManager;
    }

    @Override
    public MetadataProvider getMetadataProvider()
    {
        return MetadataProvider.NOOP_METADATA_PROVIDER;
    }

    @Override
    public PageSorter getPageSorter()
    {
        return UnsupportedPageSorter.INSTANCE;
    }

    @Override
    public PageIndexerFactory getPageIndexerFactory()
    {
        return _ -> {
            throw new UnsupportedOperationException("Basin does not provide a PageIndexerFactory to connectors (needed for partitioned writes)");
        };
    }

    private enum UnsupportedPageSorter
            implements PageSorter
    {
        INSTANCE;

        private static final String MESSAGE = "Basin does not provide a PageSorter to connectors (needed for sorted writes)";

        @Override
        public long[] sort(List<Type> types, List<Page> pages, List<Integer> sortChannels, List<SortOrder> sortOrders, int expectedPositions)
        {
            throw new UnsupportedOperationException(MESSAGE);
        }

        @Override
        public int decodePageIndex(long address)
        {
            throw new UnsupportedOperationException(MESSAGE);
        }

        @Override
        public int decodePositionIndex(long address)
        {
            throw new UnsupportedOperationException(MESSAGE);
        }
    }
}
