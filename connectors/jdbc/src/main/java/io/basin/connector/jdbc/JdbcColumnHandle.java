package io.basin.connector.jdbc;

import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.type.Type;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A column of a remote relation.
 *
 * @param name the exact remote column name
 * @param type the Basin type it maps to
 * @param remoteType the remote type
 * @param nullable false for {@code NOT NULL} columns
 * @param comment the column comment
 */
public record JdbcColumnHandle(String name, Type type, JdbcRemoteType remoteType, boolean nullable, Optional<String> comment)
        implements ColumnHandle
{
    public JdbcColumnHandle
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(remoteType, "remoteType is null");
        requireNonNull(comment, "comment is null");
    }

    public ColumnMetadata toColumnMetadata()
    {
        return ColumnMetadata.builder()
                .setName(name)
                .setType(type)
                .setNullable(nullable)
                .setComment(comment)
                .build();
    }
}
