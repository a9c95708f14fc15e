package io.basin.execution.driver;

import io.basin.execution.memory.MemoryPeak;

import java.util.concurrent.atomic.LongAdder;

/** The counters of one stage of a pipeline (source, operator or sink), updated once per page by every driver. Thread-safe. */
final class StageCounters
{
    private final LongAdder inputRows = new LongAdder();
    private final LongAdder inputPages = new LongAdder();
    private final LongAdder wallNanos = new LongAdder();
    private final LongAdder cpuNanos = new LongAdder();
    private final LongAdder drivers = new LongAdder();
    private final MemoryPeak memory = new MemoryPeak();

    void addInput(int rows)
    {
        inputRows.add(rows);
        inputPages.increment();
    }

    void addTime(long wall, long cpu)
    {
        wallNanos.add(wall);
        cpuNanos.add(cpu);
    }

    void addDriver()
    {
        drivers.increment();
    }

    MemoryPeak memory()
    {
        return memory;
    }

    long inputRows()
    {
        return inputRows.sum();
    }

    OperatorStats snapshot(String operator, long outputRows)
    {
        return new OperatorStats(operator, inputRows.sum(), inputPages.sum(), outputRows, wallNanos.sum(), cpuNanos.sum(), memory.peakBytes(), drivers.intValue());
    }
}
