package io.basin.execution.operator;

import io.trino.spi.Page;

/** A pull source of pages for one driver; returns null when exhausted. Not thread-safe. */
@FunctionalInterface
public interface PageSupplier
{
    Page next();

    /**
     * The bucket all of this partition's rows belong to (a slice of a co-located join's table),
     * or -1 when the partition is not one bucket's; drivers tell their operators before the first page.
     */
    default int bucket()
    {
        return -1;
    }
}
