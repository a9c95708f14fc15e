package io.basin.connector.mysql;

import io.trino.spi.Plugin;
import io.trino.spi.connector.ConnectorFactory;

import java.util.List;

/** Live MySQL databases as a Trino SPI plugin: connector factory {@code mysql}. */
public final class MySqlPlugin
        implements Plugin
{
    @Override
    public Iterable<ConnectorFactory> getConnectorFactories()
    {
        return List.of(new MySqlConnectorFactory());
    }
}
