package io.basin.execution.driver;

import io.basin.execution.operator.SinkOperator;
import io.trino.spi.Page;

import static java.util.Objects.requireNonNull;

/** A sink operator whose input rows and time go to its stage's counters (EXPLAIN ANALYZE only). */
final class TimedSinkOperator
        implements SinkOperator
{
    private final SinkOperator delegate;
    private final StageCounters counters;
    private final DriverClock clock;

    TimedSinkOperator(SinkOperator delegate, StageCounters counters, DriverClock clock)
    {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.counters = requireNonNull(counters, "counters is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void startBucket(int bucket)
    {
        // co-located joins switch hash tables per bucket: the wrapped operator must hear of it
        delegate.startBucket(bucket);
    }

    @Override
    public void addInput(Page page)
    {
        counters.addInput(page.getPositionCount());
        clock.run(counters, () -> delegate.addInput(page));
    }

    @Override
    public void finish()
    {
        clock.run(counters, delegate::finish);
    }

    @Override
    public boolean isFinished()
    {
        return delegate.isFinished();
    }
}
