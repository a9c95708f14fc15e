package io.basin.connector.warehouse.storage;

import io.basin.connector.warehouse.format.ColumnType;
import io.basin.connector.warehouse.format.Encoding;
import io.trino.spi.type.Type;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A column of a warehouse table as the manifest records it.
 *
 * @param name the column name
 * @param type the SQL type
 * @param nullable false for {@code NOT NULL}, which writes enforce
 * @param encoding the declared encoding ({@code ENCODE}); AUTO picks one per block
 * @param comment the column comment
 */
public record WarehouseColumn(String name, Type type, boolean nullable, Encoding encoding, Optional<String> comment)
{
    public WarehouseColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(encoding, "encoding is null");
        requireNonNull(comment, "comment is null");
    }

    public ColumnType storage()
    {
        return ColumnType.of(type);
    }
}
