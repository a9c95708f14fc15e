package io.basin.execution.operator;

import io.trino.spi.Page;

/**
 * A streaming operator instance owned by one driver (single-threaded). Pages are pushed in
 * with {@link #addInput}; output goes to the consumer, zero or more pages per call. Operators never
 * push empty pages (positionCount 0).
 */
public interface Operator
{
    void addInput(Page page, PageConsumer output);

    /**
     * The pages up to the next call are rows of {@code bucket} (see {@link PageSupplier#bucket()});
     * only a co-located join's operators care.
     */
    default void startBucket(int bucket) {}

    /** No more input for this driver; flush anything buffered. */
    default void finish(PageConsumer output) {}

    /** True when this operator will accept no more input (a satisfied LIMIT): the driver stops its source. */
    default boolean isFinished()
    {
        return false;
    }
}
