package io.basin.connector.iceberg;

import io.basin.spectrum.ScanCounters;
import io.trino.spi.connector.SchemaTableName;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * The lake scans of recent queries, one entry per query, table and slice (the share of a scan one
 * fleet lane reads, i.e. one split), for {@code lake_system.scan_summary}. Bounded: the oldest
 * entries go first.
 */
final class ScanSummaries
{
    private static final int MAX_ENTRIES = 10_000;

    /**
     * One slice of one query's scan of a table.
     *
     * @param scanId increases with every entry, so the latest scans are easy to find
     * @param filesTotal the data files in the slice (or that a metadata answer covered)
     * @param metadataAnswer whether table metadata answered an aggregation, reading no data file
     */
    record Entry(long scanId, String queryId, SchemaTableName table, int slice, long filesTotal, boolean metadataAnswer, ScanCounters counters)
    {
        Entry
        {
            requireNonNull(queryId, "queryId is null");
            requireNonNull(table, "table is null");
            requireNonNull(counters, "counters is null");
        }
    }

    private final ScanCounters catalogCounters;
    private final AtomicLong nextScanId = new AtomicLong();
    private final Deque<Entry> entries = new ArrayDeque<>();

    ScanSummaries(ScanCounters catalogCounters)
    {
        this.catalogCounters = requireNonNull(catalogCounters, "catalogCounters is null");
    }

    /** Counters for a new slice of {@code queryId}'s scan of {@code table}; they add to the catalog's counters too. */
    ScanCounters begin(String queryId, SchemaTableName table, long filesTotal, boolean metadataAnswer)
    {
        ScanCounters counters = new ScanCounters(catalogCounters);
        synchronized (entries) {
            int slice = (int) entries.stream().filter(entry -> entry.queryId().equals(queryId) && entry.table().equals(table)).count();
            entries.addLast(new Entry(nextScanId.incrementAndGet(), queryId, table, slice, filesTotal, metadataAnswer, counters));
            while (entries.size() > MAX_ENTRIES) {
                entries.removeFirst();
            }
        }
        return counters;
    }

    List<Entry> entries()
    {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }
}
