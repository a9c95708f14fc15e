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
 * @param defaultValue the SQL text of the column's {@code DEFAULT} expression, which the engine
 *         evaluates for INSERTs that leave the column out (the warehouse only keeps it)
 * @param id names the column's block files ({@code c<id>}) and tells its blocks apart in row
 *         groups; unique within the table and never reused, so blocks of a dropped column are never
 *         read as a later column's; {@link #UNASSIGNED} until the table definition assigns one
 */
public record WarehouseColumn(String name, Type type, boolean nullable, Encoding encoding, Optional<String> comment, Optional<String> defaultValue, int id)
{
    public static final int UNASSIGNED = -1;

    public WarehouseColumn
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(encoding, "encoding is null");
        requireNonNull(comment, "comment is null");
        requireNonNull(defaultValue, "defaultValue is null");
        if (id < UNASSIGNED) {
            throw new IllegalArgumentException("Invalid column id: " + id);
        }
    }

    /** A column without a default. */
    public WarehouseColumn(String name, Type type, boolean nullable, Encoding encoding, Optional<String> comment, int id)
    {
        this(name, type, nullable, encoding, comment, Optional.empty(), id);
    }

    /** A column without a default whose id the table definition assigns. */
    public WarehouseColumn(String name, Type type, boolean nullable, Encoding encoding, Optional<String> comment)
    {
        this(name, type, nullable, encoding, comment, Optional.empty(), UNASSIGNED);
    }

    public WarehouseColumn withId(int newId)
    {
        return new WarehouseColumn(name, type, nullable, encoding, comment, defaultValue, newId);
    }

    public WarehouseColumn withName(String newName)
    {
        return new WarehouseColumn(newName, type, nullable, encoding, comment, defaultValue, id);
    }

    public ColumnType storage()
    {
        return ColumnType.of(type);
    }
}
