package io.basin.connector.postgresql;

import io.trino.spi.connector.ConnectorSplit;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * What one connection reads: the whole relation, or the rows of a table whose {@code ctid} lies
 * in blocks {@code [firstBlock, endBlock)} (no end: every block from the first on), seen in the
 * snapshot {@code snapshot} that all splits of the scan share ({@code pg_export_snapshot}).
 */
public record PostgreSqlSplit(OptionalLong firstBlock, OptionalLong endBlock, Optional<String> snapshot)
        implements ConnectorSplit
{
    private static final long INSTANCE_SIZE = 64;
    // pg_export_snapshot() returns e.g. 00000003-0000001B-1
    private static final Pattern SNAPSHOT = Pattern.compile("[0-9A-F]+(-[0-9A-F]+)+");

    public PostgreSqlSplit
    {
        requireNonNull(firstBlock, "firstBlock is null");
        requireNonNull(endBlock, "endBlock is null");
        requireNonNull(snapshot, "snapshot is null");
        if (endBlock.isPresent() && firstBlock.isEmpty()) {
            throw new IllegalArgumentException("a block range needs its first block");
        }
        // the identifier is written into SET TRANSACTION SNAPSHOT: only PostgreSQL's own format
        if (snapshot.isPresent() && !SNAPSHOT.matcher(snapshot.get()).matches()) {
            throw new IllegalArgumentException("not a snapshot identifier: " + snapshot.get());
        }
    }

    /** The whole relation over one connection, in its own transaction. */
    public static PostgreSqlSplit whole()
    {
        return new PostgreSqlSplit(OptionalLong.empty(), OptionalLong.empty(), Optional.empty());
    }

    @Override
    public long getRetainedSizeInBytes()
    {
        return INSTANCE_SIZE;
    }
}
