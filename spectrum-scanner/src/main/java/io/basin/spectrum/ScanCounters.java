package io.basin.spectrum;

import java.util.concurrent.atomic.LongAdder;

/**
 * What scans read, added up by the workers: files opened, row groups in the scanned ranges versus
 * row groups actually decoded after pruning, bytes read from storage, rows decoded, delete files
 * read and rows they removed. Thread-safe;
 * a catalog keeps one for all its scans and a query may keep its own.
 */
public final class ScanCounters
{
    private final LongAdder files = new LongAdder();
    private final LongAdder rowGroupsTotal = new LongAdder();
    private final LongAdder rowGroupsRead = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder rowsRead = new LongAdder();
    private final LongAdder deleteFiles = new LongAdder();
    private final LongAdder rowsDeleted = new LongAdder();

    void addFile()
    {
        files.increment();
    }

    void addRowGroups(long total, long read)
    {
        rowGroupsTotal.add(total);
        rowGroupsRead.add(read);
    }

    void addBytesRead(long bytes)
    {
        bytesRead.add(bytes);
    }

    void addRowsRead(long rows)
    {
        rowsRead.add(rows);
    }

    void addDeleteFile()
    {
        deleteFiles.increment();
    }

    void addRowsDeleted(long rows)
    {
        rowsDeleted.add(rows);
    }

    /** Adds what a scan elsewhere read, e.g. on a remote worker that reports its counters. */
    public void add(Snapshot read)
    {
        files.add(read.files());
        rowGroupsTotal.add(read.rowGroupsTotal());
        rowGroupsRead.add(read.rowGroupsRead());
        bytesRead.add(read.bytesRead());
        rowsRead.add(read.rowsRead());
        deleteFiles.add(read.deleteFiles());
        rowsDeleted.add(read.rowsDeleted());
    }

    public Snapshot snapshot()
    {
        return new Snapshot(files.sum(), rowGroupsTotal.sum(), rowGroupsRead.sum(), bytesRead.sum(), rowsRead.sum(), deleteFiles.sum(), rowsDeleted.sum());
    }

    /** The counters at one moment; {@link #minus} gives what one scan added. */
    public record Snapshot(long files, long rowGroupsTotal, long rowGroupsRead, long bytesRead, long rowsRead, long deleteFiles, long rowsDeleted)
    {
        public Snapshot minus(Snapshot earlier)
        {
            return new Snapshot(
                    files - earlier.files,
                    rowGroupsTotal - earlier.rowGroupsTotal,
                    rowGroupsRead - earlier.rowGroupsRead,
                    bytesRead - earlier.bytesRead,
                    rowsRead - earlier.rowsRead,
                    deleteFiles - earlier.deleteFiles,
                    rowsDeleted - earlier.rowsDeleted);
        }
    }
}
