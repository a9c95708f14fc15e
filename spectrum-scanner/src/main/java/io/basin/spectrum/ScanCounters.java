package io.basin.spectrum;

import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import static java.util.Objects.requireNonNull;

/**
 * What scans read, added up by the workers: files opened, row groups in the scanned ranges versus
 * row groups actually decoded after pruning, bytes read from storage, rows decoded versus rows
 * returned (after the pushed predicate and partial aggregation), delete files read and rows they
 * removed. Thread-safe; a catalog keeps one for all its scans, and a query's own counters may add
 * to it as their parent.
 */
public final class ScanCounters
{
    private final Optional<ScanCounters> parent;
    private final LongAdder files = new LongAdder();
    private final LongAdder rowGroupsTotal = new LongAdder();
    private final LongAdder rowGroupsRead = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder rowsRead = new LongAdder();
    private final LongAdder rowsReturned = new LongAdder();
    private final LongAdder deleteFiles = new LongAdder();
    private final LongAdder rowsDeleted = new LongAdder();

    public ScanCounters()
    {
        this.parent = Optional.empty();
    }

    /** Counters whose every count is also added to {@code parent}. */
    public ScanCounters(ScanCounters parent)
    {
        this.parent = Optional.of(requireNonNull(parent, "parent is null"));
    }

    void addFile()
    {
        files.increment();
        parent.ifPresent(ScanCounters::addFile);
    }

    void addRowGroups(long total, long read)
    {
        rowGroupsTotal.add(total);
        rowGroupsRead.add(read);
        parent.ifPresent(counters -> counters.addRowGroups(total, read));
    }

    void addBytesRead(long bytes)
    {
        bytesRead.add(bytes);
        parent.ifPresent(counters -> counters.addBytesRead(bytes));
    }

    void addRowsRead(long rows)
    {
        rowsRead.add(rows);
        parent.ifPresent(counters -> counters.addRowsRead(rows));
    }

    void addRowsReturned(long rows)
    {
        rowsReturned.add(rows);
        parent.ifPresent(counters -> counters.addRowsReturned(rows));
    }

    void addDeleteFile()
    {
        deleteFiles.increment();
        parent.ifPresent(ScanCounters::addDeleteFile);
    }

    void addRowsDeleted(long rows)
    {
        rowsDeleted.add(rows);
        parent.ifPresent(counters -> counters.addRowsDeleted(rows));
    }

    /** Adds what a scan elsewhere read, e.g. on a remote worker that reports its counters. */
    public void add(Snapshot read)
    {
        files.add(read.files());
        rowGroupsTotal.add(read.rowGroupsTotal());
        rowGroupsRead.add(read.rowGroupsRead());
        bytesRead.add(read.bytesRead());
        rowsRead.add(read.rowsRead());
        rowsReturned.add(read.rowsReturned());
        deleteFiles.add(read.deleteFiles());
        rowsDeleted.add(read.rowsDeleted());
    }

    public Snapshot snapshot()
    {
        return new Snapshot(files.sum(), rowGroupsTotal.sum(), rowGroupsRead.sum(), bytesRead.sum(), rowsRead.sum(), rowsReturned.sum(), deleteFiles.sum(), rowsDeleted.sum());
    }

    /** The counters at one moment; {@link #minus} gives what one scan added. */
    public record Snapshot(long files, long rowGroupsTotal, long rowGroupsRead, long bytesRead, long rowsRead, long rowsReturned, long deleteFiles, long rowsDeleted)
    {
        public Snapshot minus(Snapshot earlier)
        {
            return new Snapshot(
                    files - earlier.files,
                    rowGroupsTotal - earlier.rowGroupsTotal,
                    rowGroupsRead - earlier.rowGroupsRead,
                    bytesRead - earlier.bytesRead,
                    rowsRead - earlier.rowsRead,
                    rowsReturned - earlier.rowsReturned,
                    deleteFiles - earlier.deleteFiles,
                    rowsDeleted - earlier.rowsDeleted);
        }
    }
}
