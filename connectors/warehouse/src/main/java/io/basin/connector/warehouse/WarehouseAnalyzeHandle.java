package io.basin.connector.warehouse;

import io.trino.spi.connector.ConnectorTableExecuteHandle;

/** {@code ANALYZE} of one table: the table procedure {@value WarehouseMetadata#ANALYZE}. */
public record WarehouseAnalyzeHandle(long tableId)
        implements ConnectorTableExecuteHandle {}
