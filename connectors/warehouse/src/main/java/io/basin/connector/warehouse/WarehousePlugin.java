package io.basin.connector.warehouse;

import io.trino.spi.Plugin;
import io.trino.spi.connector.ConnectorFactory;

import java.util.List;

/** The warehouse tier's managed column storage as a Trino SPI plugin: connector factory {@code warehouse}. */
public final class WarehousePlugin
        implements Plugin
{
    @Override
    public Iterable<ConnectorFactory> getConnectorFactories()
    {
        return List.of(new WarehouseConnectorFactory());
    }
}
