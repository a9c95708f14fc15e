package io.basin.connector.warehouse;

import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.predicate.TupleDomain;

import static java.util.Objects.requireNonNull;

/**
 * A warehouse table as a scan or a delete sees it.
 *
 * @param tableId the table
 * @param constraint the filter pushed into the scan: row groups whose zone maps cannot satisfy it
 *         are skipped (rows of the groups read still need the engine's filter); a delete removes
 *         exactly the rows it matches
 */
public record WarehouseTableHandle(long tableId, TupleDomain<ColumnHandle> constraint)
        implements ConnectorTableHandle
{
    public WarehouseTableHandle
    {
        requireNonNull(constraint, "constraint is null");
    }

    public WarehouseTableHandle(long tableId)
    {
        this(tableId, TupleDomain.all());
    }
}
