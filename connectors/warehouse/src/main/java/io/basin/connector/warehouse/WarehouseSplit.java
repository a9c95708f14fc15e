package io.basin.connector.warehouse;

import io.trino.spi.connector.ConnectorSplit;

import static java.util.Objects.requireNonNull;

/**
 * One row group of a table, as the scan's snapshot knows it.
 *
 * @param tableId the table
 * @param groupId the row group
 * @param rowCount the group's live rows, for scheduling
 */
public record WarehouseSplit(long tableId, String groupId, long rowCount)
        implements ConnectorSplit
{
    public WarehouseSplit
    {
        requireNonNull(groupId, "groupId is null");
    }

    @Override
    public long getRetainedSizeInBytes()
    {
        return 64L + 2L * groupId.length();
    }
}
