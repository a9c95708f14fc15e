package io.basin.connector.tpch;

import io.trino.spi.Plugin;
import io.trino.spi.connector.ConnectorFactory;

import java.util.List;

/** The TPC-H data generator as a Trino SPI plugin: connector factory {@code tpch}. */
public final class TpchPlugin
        implements Plugin
{
    @Override
    public Iterable<ConnectorFactory> getConnectorFactories()
    {
        return List.of(new TpchConnectorFactory());
    }
}
