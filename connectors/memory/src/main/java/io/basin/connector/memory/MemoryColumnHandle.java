package io.basin.connector.memory;

import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * A column of a memory table.
 *
 * @param name the column name
 * @param type the column type
 * @param ordinal the column's channel in the stored pages
 */
public record MemoryColumnHandle(String name, Type type, int ordinal)
        implements ColumnHandle
{
    public MemoryColumnHandle
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal is negative: " + ordinal);
        }
    }

    ColumnMetadata toColumnMetadata()
    {
        return new ColumnMetadata(name, type);
    }
}
