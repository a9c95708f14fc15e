package io.basin.connector.memory;

import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorContext;
import io.trino.spi.connector.ConnectorFactory;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Creates memory catalogs; see {@link MemoryConfig} for the catalog properties. */
public final class MemoryConnectorFactory
        implements ConnectorFactory
{
    public static final String NAME = "memory";

    @Override
    public String getName()
    {
        return NAME;
    }

    @Override
    public Connector create(String catalogName, Map<String, String> config, ConnectorContext context)
    {
        requireNonNull(catalogName, "catalogName is null");
        return new MemoryConnector(MemoryConfig.fromProperties(requireNonNull(config, "config is null")));
    }
}
