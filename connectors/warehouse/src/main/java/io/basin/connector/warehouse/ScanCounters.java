package io.basin.connector.warehouse;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Row groups (and so column blocks per column) that scans planned: how many the tables had and
 * how many zone maps let them skip. Thread-safe.
 */
public final class ScanCounters
{
    private final AtomicLong groupsTotal = new AtomicLong();
    private final AtomicLong groupsSkipped = new AtomicLong();

    void record(long total, long skipped)
    {
        groupsTotal.addAndGet(total);
        groupsSkipped.addAndGet(skipped);
    }

    public long groupsTotal()
    {
        return groupsTotal.get();
    }

    public long groupsSkipped()
    {
        return groupsSkipped.get();
    }

    public long groupsRead()
    {
        return groupsTotal() - groupsSkipped();
    }
}
