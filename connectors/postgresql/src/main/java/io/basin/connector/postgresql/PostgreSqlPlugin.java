package io.basin.connector.postgresql;

import io.trino.spi.Plugin;
import io.trino.spi.connector.ConnectorFactory;

import java.util.List;

/** Live PostgreSQL databases as a Trino SPI plugin: connector factory {@code postgresql}. */
public final class PostgreSqlPlugin
        implements Plugin
{
    @Override
    public Iterable<ConnectorFactory> getConnectorFactories()
    {
        return List.of(new PostgreSqlConnectorFactory());
    }
}
