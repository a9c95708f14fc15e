package io.basin.connector.iceberg;

import io.trino.spi.Plugin;
import io.trino.spi.connector.ConnectorFactory;

import java.util.List;

/** The lake as a Trino SPI plugin: connector factory {@code iceberg}. */
public final class IcebergPlugin
        implements Plugin
{
    @Override
    public Iterable<ConnectorFactory> getConnectorFactories()
    {
        return List.of(new IcebergConnectorFactory());
    }
}
