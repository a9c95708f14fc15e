package io.basin.connector.memory;

import io.trino.spi.Plugin;
import io.trino.spi.connector.ConnectorFactory;

import java.util.List;

/** In-memory tables as a Trino SPI plugin: connector factory {@code memory}. */
public final class MemoryPlugin
        implements Plugin
{
    @Override
    public Iterable<ConnectorFactory> getConnectorFactories()
    {
        return List.of(new MemoryConnectorFactory());
    }
}
