package io.basin.execution.operator;

import io.trino.spi.Page;

/** A pull source of pages for one driver; returns null when exhausted. Not thread-safe. */
@FunctionalInterface
public interface PageSupplier
{
    Page next();
}
