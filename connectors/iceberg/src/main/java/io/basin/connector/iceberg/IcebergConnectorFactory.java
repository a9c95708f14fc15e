package io.basin.connector.iceberg;

import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorContext;
import io.trino.spi.connector.ConnectorFactory;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Creates lake catalogs; {@link IcebergConfig} lists the catalog properties. */
public final class IcebergConnectorFactory
        implements ConnectorFactory
{
    public static final String NAME = "iceberg";

    @Override
    public String getName()
    {
        return NAME;
    }

    @Override
    public Connector create(String catalogName, Map<String, String> config, ConnectorContext context)
    {
        requireNonNull(catalogName, "catalogName is null");
        return new IcebergConnector(catalogName, IcebergConfig.fromProperties(requireNonNull(config, "config is null")));
    }
}
