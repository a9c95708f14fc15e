package io.basin.connector.warehouse;

import io.basin.connector.warehouse.storage.TableDefinition;
import io.trino.spi.connector.ConnectorMergeTableHandle;
import io.trino.spi.connector.ConnectorTableHandle;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An UPDATE in progress: rows of {@code table} as they were at {@code baseDataVersion} are
 * replaced by new rows.
 *
 * @param tableHandle the table as the statement's scan reads it
 * @param table the table's definition; new rows carry all of its columns in table order
 * @param baseDataVersion the version of the rows the statement read; the commit fails with
 *         TRANSACTION_CONFLICT if another transaction changed them since
 * @param groupIds the table's row groups in that version, in order: a row id's group index points here
 */
public record WarehouseMergeTableHandle(WarehouseTableHandle tableHandle, TableDefinition table, long baseDataVersion, List<String> groupIds)
        implements ConnectorMergeTableHandle
{
    public WarehouseMergeTableHandle
    {
        requireNonNull(tableHandle, "tableHandle is null");
        requireNonNull(table, "table is null");
        groupIds = List.copyOf(requireNonNull(groupIds, "groupIds is null"));
    }

    @Override
    public ConnectorTableHandle getTableHandle()
    {
        return tableHandle;
    }
}
