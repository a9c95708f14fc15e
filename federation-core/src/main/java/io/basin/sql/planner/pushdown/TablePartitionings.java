package io.basin.sql.planner.pushdown;

import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorPartitioningHandle;
import io.trino.spi.connector.ConnectorTableHandle;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** How the connectors of one statement's catalogs place a table's rows, from {@code ConnectorMetadata.getTableProperties}. */
public interface TablePartitionings
{
    /**
     * The table's partitioning when its connector reports one and a fixed bucket count for it
     * ({@code ConnectorNodePartitioningProvider.getBucketNodeMapping}).
     */
    Optional<TablePartitioning> partitioning(String catalog, ConnectorTableHandle table);

    /**
     * Rows placed in {@code bucketCount} buckets by a function of the {@code columns}' values
     * that {@code handle} names: two tables with equal handles put equal values in the same bucket.
     */
    record TablePartitioning(ConnectorPartitioningHandle handle, List<ColumnHandle> columns, int bucketCount)
    {
        public TablePartitioning
        {
            requireNonNull(handle, "handle is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
        }
    }
}
