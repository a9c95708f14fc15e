package io.basin.connector.warehouse;

import io.trino.spi.connector.SchemaTableName;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What scans planned, per table, since the catalog opened: how many row groups (each one block
 * per column) the tables had and how many zone maps let them skip. Shown by
 * {@code warehouse_system.scan_summary}. Thread-safe.
 */
public final class ScanCounters
{
    /** The counts of one table. */
    public record TableScans(long scans, long groupsTotal, long groupsSkipped)
    {
        public long groupsRead()
        {
            return groupsTotal - groupsSkipped;
        }
    }

    private final Map<SchemaTableName, AtomicLong[]> tables = new ConcurrentHashMap<>();
    private final AtomicLong groupsTotal = new AtomicLong();
    private final AtomicLong groupsSkipped = new AtomicLong();

    void record(SchemaTableName table, long total, long skipped)
    {
        groupsTotal.addAndGet(total);
        groupsSkipped.addAndGet(skipped);
        AtomicLong[] counters = tables.computeIfAbsent(table, _ -> new AtomicLong[] {new AtomicLong(), new AtomicLong(), new AtomicLong()});
        counters[0].incrementAndGet();
        counters[1].addAndGet(total);
        counters[2].addAndGet(skipped);
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

    /** Per table, sorted by name. */
    public Map<SchemaTableName, TableScans> byTable()
    {
        Map<SchemaTableName, TableScans> result = new TreeMap<>(java.util.Comparator.comparing(SchemaTableName::toString));
        tables.forEach((name, counters) -> result.put(name, new TableScans(counters[0].get(), counters[1].get(), counters[2].get())));
        return result;
    }
}
