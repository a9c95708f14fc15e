package io.basin.connector.memory;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.Arrays;
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
    private final List<Type> columnTypes;
    private final DistinctValueSketch[] distinctValues;
    private final long[] nullCounts;

    private MemoryTableData(List<Page> pages, long rowCount, long retainedBytes, long[] columnBytes, List<Type> columnTypes, DistinctValueSketch[] distinctValues, long[] nullCounts)
    {
        this.pages = List.copyOf(requireNonNull(pages, "pages is null"));
        this.rowCount = rowCount;
        this.retainedBytes = retainedBytes;
        this.columnBytes = requireNonNull(columnBytes, "columnBytes is null");
        this.columnTypes = List.copyOf(requireNonNull(columnTypes, "columnTypes is null"));
        this.distinctValues = requireNonNull(distinctValues, "distinctValues is null");
        this.nullCounts = requireNonNull(nullCounts, "nullCounts is null");
    }

    static MemoryTableData empty(List<Type> columnTypes)
    {
        DistinctValueSketch[] sketches = new DistinctValueSketch[columnTypes.size()];
        Arrays.fill(sketches, DistinctValueSketch.empty());
        return new MemoryTableData(List.of(), 0, 0, new long[columnTypes.size()], columnTypes, sketches, new long[columnTypes.size()]);
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
        DistinctValueSketch[] sketches = distinctValues.clone();
        long[] nulls = nullCounts.clone();
        for (Page page : added) {
            rows += page.getPositionCount();
            bytes += page.getRetainedSizeInBytes();
            for (int channel = 0; channel < columns.length; channel++) {
                Block block = page.getBlock(channel);
                columns[channel] += block.getSizeInBytes();
                sketches[channel] = sketches[channel].add(columnTypes.get(channel), block);
                if (block.mayHaveNull()) {
                    for (int position = 0; position < block.getPositionCount(); position++) {
                        if (block.isNull(position)) {
                            nulls[channel]++;
                        }
                    }
                }
            }
        }
        return new MemoryTableData(combined, rows, bytes, columns, columnTypes, sketches, nulls);
    }

    /** Estimated number of distinct non-null values of column {@code ordinal}, at most its non-null row count. */
    double distinctValues(int ordinal)
    {
        return Math.min(distinctValues[ordinal].estimate(), rowCount - nullCounts[ordinal]);
    }

    long nullCount(int ordinal)
    {
        return nullCounts[ordinal];
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
