package io.basin.connector.tpch;

import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorContext;
import io.trino.spi.connector.ConnectorFactory;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Creates TPC-H catalogs; see {@link TpchConfig} for the catalog properties. */
public final class TpchConnectorFactory
        implements ConnectorFactory
{
    public static final String NAME = "tpch";

    @Override
    public String getName()
    {
        return NAME;
    }

    @Override
    public Connector create(String catalogName, Map<String, String> config, ConnectorContext context)
    {
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(config, "config is null");
        return new TpchConnector(catalogName, TpchConfig.fromProperties(config));
    }
}
