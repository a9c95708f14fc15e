package io.basin.connector.warehouse;

import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorContext;
import io.trino.spi.connector.ConnectorFactory;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Creates warehouse catalogs; see {@link WarehouseConfig} for the catalog properties. */
public final class WarehouseConnectorFactory
        implements ConnectorFactory
{
    public static final String NAME = "warehouse";

    @Override
    public String getName()
    {
        return NAME;
    }

    @Override
    public Connector create(String catalogName, Map<String, String> config, ConnectorContext context)
    {
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(context, "context is null");
        return new WarehouseConnector(WarehouseConfig.fromProperties(requireNonNull(config, "config is null")), Optional.of(context.getTypeManager()));
    }
}
