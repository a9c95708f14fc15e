package io.basin.execution.operator;

import io.trino.spi.Page;

/** The end of a pipeline in one driver: consumes pages into driver-local or shared state. */
public interface SinkOperator
{
    void addInput(Page page);

    /** The pages up to the next call are rows of {@code bucket} (see {@link Operator#startBucket}). */
    default void startBucket(int bucket) {}

    /** This driver is done: merge driver-local state into the shared sink. */
    void finish();

    /** True when the sink needs no more input (e.g. a top-N that is satisfied is not; a LIMIT sink is). */
    default boolean isFinished()
    {
        return false;
    }
}
