package io.basin.connector.tpch;

import io.trino.spi.connector.ConnectorSplit;

/**
 * One part of a table as the TPC-H generator partitions it: rows of part {@code part}
 * (1-based) of {@code partCount} equal parts. Generating a part needs no state from the others,
 * so parts run on separate threads (or separate machines).
 */
public record TpchSplit(int part, int partCount)
        implements ConnectorSplit
{
    private static final long INSTANCE_SIZE = 24;

    public TpchSplit
    {
        if (partCount < 1 || part < 1 || part > partCount) {
            throw new IllegalArgumentException("Invalid part %s of %s".formatted(part, partCount));
        }
    }

    @Override
    public long getRetainedSizeInBytes()
    {
        return INSTANCE_SIZE;
    }
}
