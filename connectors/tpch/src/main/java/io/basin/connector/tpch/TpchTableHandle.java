package io.basin.connector.tpch;

import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.SchemaTableName;

import static java.util.Objects.requireNonNull;

/**
 * A TPC-H table at one scale factor.
 *
 * @param schemaName the schema the table was named in (e.g. {@code tiny})
 * @param tableName the TPC-H table name (e.g. {@code lineitem})
 * @param scaleFactor the scale factor the schema name encodes
 */
public record TpchTableHandle(String schemaName, String tableName, double scaleFactor)
        implements ConnectorTableHandle
{
    public TpchTableHandle
    {
        requireNonNull(schemaName, "schemaName is null");
        requireNonNull(tableName, "tableName is null");
        if (!(scaleFactor > 0)) {
            throw new IllegalArgumentException("scaleFactor must be positive: " + scaleFactor);
        }
    }

    public SchemaTableName schemaTableName()
    {
        return new SchemaTableName(schemaName, tableName);
    }

    TpchTableDefinition<?> definition()
    {
        return TpchTableDefinition.forName(tableName)
                .orElseThrow(() -> new IllegalStateException("Unknown TPC-H table: " + tableName));
    }
}
