package io.basin.connector.mysql;

import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorContext;
import io.trino.spi.connector.ConnectorFactory;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Creates MySQL catalogs; see {@link MySqlConfig} for the catalog properties. */
public final class MySqlConnectorFactory
        implements ConnectorFactory
{
    public static final String NAME = "mysql";

    @Override
    public String getName()
    {
        return NAME;
    }

    @Override
    public Connector create(String catalogName, Map<String, String> config, ConnectorContext context)
    {
        requireNonNull(catalogName, "catalogName is null");
        MySqlConfig postgreSqlConfig = MySqlConfig.fromProperties(requireNonNull(config, "config is null"));
        return new MySqlConnector(catalogName, postgreSqlConfig);
    }
}
