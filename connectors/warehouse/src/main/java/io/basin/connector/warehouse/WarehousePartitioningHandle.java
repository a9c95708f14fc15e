package io.basin.connector.warehouse;

import io.trino.spi.connector.ConnectorPartitioningHandle;

import static java.util.Objects.requireNonNull;

/**
 * The partitioning of a DISTSTYLE KEY table: rows on {@code sliceCount} slices by the
 * {@link io.basin.connector.warehouse.storage.SliceHash} of a key of hash family
 * {@code keyFamily}. Two tables with equal handles put equal key values on the same slice, so
 * a join on their keys can join slice by slice.
 */
public record WarehousePartitioningHandle(int sliceCount, String keyFamily)
        implements ConnectorPartitioningHandle
{
    public WarehousePartitioningHandle
    {
        requireNonNull(keyFamily, "keyFamily is null");
    }

    @Override
    public String toString()
    {
        return "warehouse slices=%s key=%s".formatted(sliceCount, keyFamily);
    }
}
