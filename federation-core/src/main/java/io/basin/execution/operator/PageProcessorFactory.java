package io.basin.execution.operator;

import io.trino.spi.Page;

/** Creates per-driver compiled filter/projection processors. */
public interface PageProcessorFactory
{
    Processor create();

    /** Filters and projects one page; returns null when no row passes. Not thread-safe. */
    interface Processor
    {
        Page process(Page page);
    }
}
