package io.basin.connector.memory;

import io.trino.spi.connector.ConnectorTableHandle;

/**
 * A memory table, by its id. Ids are never reused, so a handle keeps naming the same table
 * across renames and never names a table re-created under the same name.
 */
public record MemoryTableHandle(long tableId)
        implements ConnectorTableHandle {}
