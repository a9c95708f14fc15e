package io.basin.connector.mysql;

import io.trino.spi.connector.ConnectorSplit;

import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * What one stream reads: the whole relation, or the rows of a named table whose integer primary
 * key {@code keyColumn} is at least {@code low} (if present) and below {@code high} (if present).
 */
public record MySqlSplit(Optional<String> keyColumn, OptionalLong low, OptionalLong high)
        implements ConnectorSplit
{
    private static final long INSTANCE_SIZE = 64;

    public MySqlSplit
    {
        requireNonNull(keyColumn, "keyColumn is null");
        requireNonNull(low, "low is null");
        requireNonNull(high, "high is null");
    }

    static MySqlSplit whole()
    {
        return new MySqlSplit(Optional.empty(), OptionalLong.empty(), OptionalLong.empty());
    }

    @Override
    public long getRetainedSizeInBytes()
    {
        return INSTANCE_SIZE;
    }
}
