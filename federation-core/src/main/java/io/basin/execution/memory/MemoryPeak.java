package io.basin.execution.memory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The retained memory of one operator summed over its drivers, and the most it reached: what
 * EXPLAIN ANALYZE shows as an operator's peak memory. Thread-safe.
 */
public final class MemoryPeak
{
    private final AtomicLong current = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    void add(long deltaBytes)
    {
        long now = current.addAndGet(deltaBytes);
        if (deltaBytes > 0) {
            peak.accumulateAndGet(now, Math::max);
        }
    }

    public long peakBytes()
    {
        return peak.get();
    }
}
