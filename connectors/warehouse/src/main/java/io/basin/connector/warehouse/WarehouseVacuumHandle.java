package io.basin.connector.warehouse;

import io.trino.spi.connector.ConnectorTableExecuteHandle;

/** {@code VACUUM} of one table: the table procedure {@value WarehouseMetadata#VACUUM}. */
public record WarehouseVacuumHandle(long tableId)
        implements ConnectorTableExecuteHandle {}
