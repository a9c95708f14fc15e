package io.basin.connector;

import io.trino.spi.connector.Connector;

import static java.util.Objects.requireNonNull;

/**
 * A catalog Basin has created: a name bound to a live {@link Connector}. Not to be confused with
 * the SPI's {@code io.trino.spi.connector.CatalogHandle}, the identity Basin gives the connector
 * in its {@code ConnectorContext}.
 *
 * @param name the catalog name, e.g. {@code tpch}
 * @param connectorName the connector factory it was created with, e.g. {@code tpch}
 * @param connector the connector instance
 * @param classLoader the connector's plugin class loader, made the thread context class loader
 *         around calls into the connector that may load classes
 */
public record CatalogHandle(String name, String connectorName, Connector connector, ClassLoader classLoader)
{
    public CatalogHandle
    {
        requireNonNull(name, "name is null");
        requireNonNull(connectorName, "connectorName is null");
        requireNonNull(connector, "connector is null");
        requireNonNull(classLoader, "classLoader is null");
    }

    @Override
    public String toString()
    {
        return "catalog %s (connector %s)".formatted(name, connectorName);
    }
}
