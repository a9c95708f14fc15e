package io.basin.execution.operator;

import io.basin.execution.driver.DriverContext;

/**
 * The shared state at the end of a pipeline (a hash build, a sort, an aggregation, the query
 * result). Each driver gets a {@link SinkOperator}; once every driver has finished,
 * {@link #finishSink()} is called exactly once, on one thread.
 */
public interface Sink
{
    SinkOperator createSinkOperator(DriverContext driverContext);

    void finishSink();

    String describe();
}
