package io.basin.execution.operator;

import io.basin.execution.driver.DriverContext;
import io.trino.spi.Page;

/** The end of a query whose rows nobody reads (EXPLAIN ANALYZE): takes every page and keeps nothing. */
public final class DiscardingSink
        implements Sink
{
    @Override
    public SinkOperator createSinkOperator(DriverContext driverContext)
    {
        return new SinkOperator()
        {
            @Override
            public void addInput(Page page) {}

            @Override
            public void finish() {}
        };
    }

    @Override
    public void finishSink() {}

    @Override
    public String describe()
    {
        return "Output";
    }
}
