package io.basin.connector.jdbc;

import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.SchemaTableName;

import static java.util.Objects.requireNonNull;

/**
 * A relation of a remote catalog.
 *
 * @param connectorName the connector's name ({@code postgresql}, {@code mysql}), shown by {@link #toString()}
 * @param name the name Basin knows the relation by ({@code system.query} for a pushed-down query)
 * @param relation what is read
 */
public record JdbcTableHandle(String connectorName, SchemaTableName name, JdbcRelation relation)
        implements ConnectorTableHandle
{
    public JdbcTableHandle
    {
        requireNonNull(connectorName, "connectorName is null");
        requireNonNull(name, "name is null");
        requireNonNull(relation, "relation is null");
    }

    @Override
    public String toString()
    {
        return switch (relation) {
            case JdbcRelation.Named named -> connectorName + ":" + named.schema() + "." + named.table();
            case JdbcRelation.Query query -> connectorName + " query: " + query.sql();
        };
    }
}
