package io.basin.connector.warehouse;

import io.basin.connector.warehouse.storage.SliceHash;
import io.trino.spi.connector.BucketFunction;
import io.trino.spi.connector.ConnectorBucketNodeMap;
import io.trino.spi.connector.ConnectorNodePartitioningProvider;
import io.trino.spi.connector.ConnectorPartitioningHandle;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Slices as buckets: a DISTSTYLE KEY table's partitioning has one bucket per slice, a split's
 * bucket is its row group's slice, and a row's bucket is the slice its key hashes to.
 */
final class WarehouseNodePartitioningProvider
        implements ConnectorNodePartitioningProvider
{
    @Override
    public Optional<ConnectorBucketNodeMap> getBucketNodeMapping(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorPartitioningHandle partitioningHandle)
    {
        return Optional.of(ConnectorBucketNodeMap.createBucketNodeMap(((WarehousePartitioningHandle) partitioningHandle).sliceCount()));
    }

    @Override
    public ToIntFunction<ConnectorSplit> getSplitBucketFunction(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorPartitioningHandle partitioningHandle, int bucketCount)
    {
        checkBucketCount(partitioningHandle, bucketCount);
        return split -> ((WarehouseSplit) split).slice();
    }

    @Override
    public BucketFunction getBucketFunction(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorPartitioningHandle partitioningHandle, List<Type> partitionChannelTypes, int bucketCount)
    {
        checkBucketCount(partitioningHandle, bucketCount);
        if (partitionChannelTypes.size() != 1) {
            throw new IllegalArgumentException("A warehouse table is distributed by one key column, not " + partitionChannelTypes);
        }
        Type type = partitionChannelTypes.getFirst();
        return (page, position) -> SliceHash.slice(type, page.getBlock(0), position, bucketCount);
    }

    private static void checkBucketCount(ConnectorPartitioningHandle partitioningHandle, int bucketCount)
    {
        int slices = ((WarehousePartitioningHandle) partitioningHandle).sliceCount();
        if (bucketCount != slices) {
            throw new IllegalArgumentException("%s has %s slices, not %s buckets".formatted(partitioningHandle, slices, bucketCount));
        }
    }
}
