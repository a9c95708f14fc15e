package io.basin.connector.postgresql;

import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.SchemaTableName;

import static java.util.Objects.requireNonNull;

/**
 * A relation of a PostgreSQL catalog.
 *
 * @param name the name Basin knows the relation by ({@code system.query} for a pushed-down query)
 * @param relation what is read
 */
public record PostgreSqlTableHandle(SchemaTableName name, PostgreSqlRelation relation)
        implements ConnectorTableHandle
{
    public PostgreSqlTableHandle
    {
        requireNonNull(name, "name is null");
        requireNonNull(relation, "relation is null");
    }

    @Override
    public String toString()
    {
        return switch (relation) {
            case PostgreSqlRelation.Named named -> "postgresql:" + named.schema() + "." + named.table();
            case PostgreSqlRelation.Query query -> "postgresql query: " + query.sql();
        };
    }
}
