package io.basin.connector.memory;

import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.type.Type;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A column of a memory table, with everything its table declares about it.
 *
 * @param name the column name
 * @param type the column type
 * @param ordinal the column's channel in the stored pages
 * @param nullable false for a {@code NOT NULL} column, which writes enforce
 * @param comment the column comment
 */
public record MemoryColumnHandle(String name, Type type, int ordinal, boolean nullable, Optional<String> comment)
        implements ColumnHandle
{
    public MemoryColumnHandle
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(comment, "comment is null");
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal is negative: " + ordinal);
        }
    }

    static MemoryColumnHandle fromMetadata(ColumnMetadata column, int ordinal)
    {
        return new MemoryColumnHandle(column.getName(), column.getType(), ordinal, column.isNullable(), Optional.ofNullable(column.getComment()));
    }

    ColumnMetadata toColumnMetadata()
    {
        return ColumnMetadata.builder()
                .setName(name)
                .setType(type)
                .setNullable(nullable)
                .setComment(comment)
                .build();
    }
}
