package io.basin.connector.warehouse;

import io.trino.spi.connector.ConnectorSplit;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One row group of a table, as the scan's snapshot knows it.
 *
 * @param tableId the table
 * @param groupId the row group
 * @param rowCount the group's live rows, for scheduling
 * @param slice the slice the group belongs to: the bucket of the table's partitioning
 *         ({@link WarehouseNodePartitioningProvider#getSplitBucketFunction})
 */
public record WarehouseSplit(long tableId, String groupId, long rowCount, int slice)
        implements ConnectorSplit
{
    public WarehouseSplit
    {
        requireNonNull(groupId, "groupId is null");
    }

    @Override
    public Map<String, String> getSplitInfo()
    {
        return Map.of("table", Long.toString(tableId), "group", groupId, "slice", Integer.toString(slice));
    }

    @Override
    public long getRetainedSizeInBytes()
    {
        return 64L + 2L * groupId.length();
    }
}
