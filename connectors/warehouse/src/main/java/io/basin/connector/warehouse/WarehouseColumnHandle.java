package io.basin.connector.warehouse;

import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * A column of a warehouse table.
 *
 * @param name the column name
 * @param type the column type
 * @param ordinal the column's position in the table, which names its block files
 */
public record WarehouseColumnHandle(String name, Type type, int ordinal)
        implements ColumnHandle
{
    public WarehouseColumnHandle
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal is negative: " + ordinal);
        }
    }
}
