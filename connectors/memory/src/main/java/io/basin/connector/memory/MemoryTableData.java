package io.basin.connector.memory;

import io.trino.spi.Page;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The committed pages of one table at one moment. Immutable: a commit replaces the whole
 * snapshot, and pages are only ever appended, so a page index taken from one snapshot stays
 * valid in every later snapshot of the same table.
 */
final class MemoryTableData
{
    private final List<Page> pages;
    private final long rowCount;
    private final long retainedBytes;
    private final long[] columnBytes;

    private MemoryTableData(List<Page> pages, long rowCount, long retainedBytes, long[] columnBytes)
    {
        this.pages = List.copyOf(requireNonNull(pages, "pages is null"));
        this.rowCount = rowCount;
        this.retainedBytes = retainedBytes;
        this.columnBytes = requireNonNull(columnBytes, "columnBytes is null");
    }

    static MemoryTableData empty(int columnCount)
    {
        return new MemoryTableData(List.of(), 0, 0, new long[columnCount]);
    }

    /** A snapshot with {@code added} appended after the current pages. */
    MemoryTableData append(List<Page> added)
    {
        if (added.isEmpty()) {
            return this;
        }
        List<Page> combined = new ArrayList<>(pages.size() + added.size());
        combined.addAll(pages);
        combined.addAll(added);
        long rows = rowCount;
        long bytes = retainedBytes;
        long[] columns = columnBytes.clone();
        for (Page page : added) {
            rows += page.getPositionCount();
            bytes += page.getRetainedSizeInBytes();
            for (int channel = 0; channel < columns.length; channel++) {
                columns[channel] += page.getBlock(channel).getSizeInBytes();
            }
        }
        return new MemoryTableData(combined, rows, bytes, columns);
    }

    /** The pages, every one holding all columns in table order. */
    List<Page> pages()
    {
        return pages;
    }

    long rowCount()
    {
        return rowCount;
    }

    /** The memory the pages retain; what the table counts against the catalog's limit. */
    long retainedBytes()
    {
        return retainedBytes;
    }

    /** The logical size of column {@code ordinal}'s values, for statistics. */
    long columnBytes(int ordinal)
    {
        return columnBytes[ordinal];
    }
}
