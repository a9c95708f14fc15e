package io.basin.connector.system;

import io.trino.spi.Plugin;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorContext;
import io.trino.spi.connector.ConnectorFactory;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Installs the engine's {@link SystemConnector} under the connector name {@code system}. */
public final class SystemPlugin
        implements Plugin
{
    public static final String NAME = "system";

    private final SystemConnector connector;

    public SystemPlugin(SystemConnector connector)
    {
        this.connector = requireNonNull(connector, "connector is null");
    }

    @Override
    public Iterable<ConnectorFactory> getConnectorFactories()
    {
        return List.of(new ConnectorFactory()
        {
            @Override
            public String getName()
            {
                return NAME;
            }

            @Override
            public Connector create(String catalogName, Map<String, String> config, ConnectorContext context)
            {
                return connector;
            }
        });
    }
}
