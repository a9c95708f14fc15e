package io.basin.execution.driver;

import io.basin.execution.operator.Operator;
import io.basin.execution.operator.PageConsumer;
import io.trino.spi.Page;

import static java.util.Objects.requireNonNull;

/** An operator whose input rows and own time go to its stage's counters (EXPLAIN ANALYZE only). */
final class TimedOperator
        implements Operator
{
    private final Operator delegate;
    private final StageCounters counters;
    private final DriverClock clock;

    TimedOperator(Operator delegate, StageCounters counters, DriverClock clock)
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
    public void addInput(Page page, PageConsumer output)
    {
        counters.addInput(page.getPositionCount());
        clock.run(counters, () -> delegate.addInput(page, output));
    }

    @Override
    public void finish(PageConsumer output)
    {
        clock.run(counters, () -> delegate.finish(output));
    }

    @Override
    public boolean isFinished()
    {
        return delegate.isFinished();
    }
}
