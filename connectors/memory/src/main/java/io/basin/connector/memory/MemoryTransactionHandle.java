package io.basin.connector.memory;

import io.trino.spi.connector.ConnectorTransactionHandle;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A transaction of the memory connector. Its only state is the writes it has staged: fragments
 * written by page sinks but not yet committed by {@code finishCreateTable}/{@code finishInsert},
 * which are dropped when the transaction ends.
 */
public record MemoryTransactionHandle(UUID id)
        implements ConnectorTransactionHandle
{
    public MemoryTransactionHandle
    {
        requireNonNull(id, "id is null");
    }
}
