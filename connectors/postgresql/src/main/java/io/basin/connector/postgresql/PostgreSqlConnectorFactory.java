package io.basin.connector.postgresql;

import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorContext;
import io.trino.spi.connector.ConnectorFactory;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Creates PostgreSQL catalogs; see {@link PostgreSqlConfig} for the catalog properties. */
public final class PostgreSqlConnectorFactory
        implements ConnectorFactory
{
    public static final String NAME = "postgresql";

    @Override
    public String getName()
    {
        return NAME;
    }

    @Override
    public Connector create(String catalogName, Map<String, String> config, ConnectorContext context)
    {
        requireNonNull(catalogName, "catalogName is null");
        PostgreSqlConfig postgreSqlConfig = PostgreSqlConfig.fromProperties(requireNonNull(config, "config is null"));
        return new PostgreSqlConnector(catalogName, postgreSqlConfig);
    }
}
