package io.basin.execution.expression;

import io.trino.spi.Page;

/**
 * Applies a filter and projections to pages: the output has one block per projection and only the
 * rows where the filter is true (NULL counts as false). Created per driver by a
 * {@link PageProcessorFactory}; not thread-safe.
 */
public interface PageProcessor
{
    /** The projected rows that pass the filter, or null when none does (or the page is empty). */
    Page process(Page page);
}
