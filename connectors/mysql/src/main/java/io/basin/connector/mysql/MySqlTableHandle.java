package io.basin.connector.mysql;

import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.SchemaTableName;

import static java.util.Objects.requireNonNull;

/**
 * A relation of a MySQL catalog.
 *
 * @param name the name Basin knows the relation by ({@code system.query} for a pushed-down query)
 * @param relation what is read
 */
public record MySqlTableHandle(SchemaTableName name, MySqlRelation relation)
        implements ConnectorTableHandle
{
    public MySqlTableHandle
    {
        requireNonNull(name, "name is null");
        requireNonNull(relation, "relation is null");
    }

    @Override
    public String toString()
    {
        return switch (relation) {
            case MySqlRelation.Named named -> "mysql:" + named.schema() + "." + named.table();
            case MySqlRelation.Query query -> "mysql query: " + query.sql();
        };
    }
}
