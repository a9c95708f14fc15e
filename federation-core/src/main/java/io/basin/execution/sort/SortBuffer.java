package io.basin.execution.sort;

import io.basin.error.BasinException;
import io.basin.execution.compare.SortKey;
import io.basin.execution.compare.ValueBlocks;
import io.basin.execution.memory.LocalMemoryContext;
import io.trino.spi.Page;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static io.basin.error.BasinErrorCode.EXCEEDED_MEMORY_LIMIT;
import static java.util.Objects.requireNonNull;

/**
 * Accumulates pages and sorts their rows by a list of keys, producing a {@link SortedRun}.
 * Rows stay in the retained pages (flattened to value blocks); the sort orders an array of
 * {@link RowAddress}es, by normalized key prefixes and radix sorts first ({@link RowSorter}).
 *
 * <p>Every byte retained is reported to the memory context: the pages as they arrive, and the
 * prefix and scratch arrays before they are allocated, so a sort that would not fit fails with
 * EXCEEDED_MEMORY_LIMIT instead of exhausting the heap. Not thread-safe.
 */
public final class SortBuffer
{
    // Arrays are indexed by int; leave headroom below Integer.MAX_VALUE for JVM array limits.
    static final int MAX_ROWS = Integer.MAX_VALUE - 16;

    private final List<Type> types;
    private final List<SortKey> sortKeys;
    private final LocalMemoryContext memoryContext;
    private final List<Page> pages = new ArrayList<>();
    private long rowCount;
    private long pagesRetainedBytes;
    private boolean sorted;

    public SortBuffer(List<Type> types, List<SortKey> sortKeys, LocalMemoryContext memoryContext)
    {
        this.types = List.copyOf(requireNonNull(types, "types is null"));
        this.sortKeys = List.copyOf(requireNonNull(sortKeys, "sortKeys is null"));
        this.memoryContext = requireNonNull(memoryContext, "memoryContext is null");
        for (SortKey key : this.sortKeys) {
            checkArgument(key.channel() < this.types.size(), "sort key channel %s out of range", key.channel());
            checkArgument(key.type().equals(this.types.get(key.channel())), "sort key type %s does not match channel type %s", key.type(), this.types.get(key.channel()));
        }
    }

    public void addPage(Page page)
    {
        checkState(!sorted, "buffer is already sorted");
        checkArgument(page.getChannelCount() == types.size(), "page has %s channels, expected %s", page.getChannelCount(), types.size());
        if (page.getPositionCount() == 0) {
            return;
        }
        if (rowCount + page.getPositionCount() > MAX_ROWS) {
            throw new BasinException(EXCEEDED_MEMORY_LIMIT, "Cannot sort more than %s rows in one buffer".formatted(MAX_ROWS));
        }
        Page flat = ValueBlocks.flatten(page);
        // Account before retaining: if the limit is exceeded the page is not kept.
        memoryContext.setBytes(pagesRetainedBytes + flat.getRetainedSizeInBytes());
        pages.add(flat);
        pagesRetainedBytes += flat.getRetainedSizeInBytes();
        rowCount += flat.getPositionCount();
    }

    /** Moves every page of {@code other} into this buffer; {@code other} is empty afterwards. */
    public void addAll(SortBuffer other)
    {
        checkState(!sorted && !other.sorted, "buffer is already sorted");
        checkArgument(other.types.equals(types), "buffers have different types");
        if (rowCount + other.rowCount > MAX_ROWS) {
            throw new BasinException(EXCEEDED_MEMORY_LIMIT, "Cannot sort more than %s rows in one buffer".formatted(MAX_ROWS));
        }
        // Release the other reservation first so the move never counts the pages twice.
        long movedBytes = other.pagesRetainedBytes;
        other.memoryContext.setBytes(0);
        memoryContext.setBytes(pagesRetainedBytes + movedBytes);
        pages.addAll(other.pages);
        pagesRetainedBytes += movedBytes;
        rowCount += other.rowCount;
        other.pages.clear();
        other.pagesRetainedBytes = 0;
        other.rowCount = 0;
    }

    public long rowCount()
    {
        return rowCount;
    }

    /**
     * Sorts the rows and hands them over, with the memory reservation, to the returned run.
     * The buffer accepts no more pages afterwards.
     */
    public SortedRun sort()
    {
        checkState(!sorted, "buffer is already sorted");
        sorted = true;
        int count = (int) rowCount;
        Page[] pageArray = pages.toArray(Page[]::new);
        pages.clear();
        long runBytes = pagesRetainedBytes + (long) Long.BYTES * count;

        if (sortKeys.isEmpty()) {
            memoryContext.setBytes(runBytes);
            return new SortedRun(pageArray, addressesInPageOrder(pageArray, count), count, memoryContext);
        }

        // the sorter's prefix and scratch arrays, on top of the addresses
        memoryContext.setBytes(runBytes + RowSorter.scratchBytes(count));
        RowSorter sorter = new RowSorter(pageArray, count, sortKeys);
        sorter.sort();
        memoryContext.setBytes(runBytes);
        return new SortedRun(pageArray, sorter.addresses(), count, memoryContext);
    }

    /** Drops the pages of a buffer that will not be sorted (a failed or abandoned query). */
    public void close()
    {
        pages.clear();
        pagesRetainedBytes = 0;
        rowCount = 0;
        memoryContext.close();
    }

    private static long[] addressesInPageOrder(Page[] pages, int count)
    {
        long[] addresses = new long[count];
        int index = 0;
        for (int page = 0; page < pages.length; page++) {
            for (int position = 0; position < pages[page].getPositionCount(); position++) {
                addresses[index++] = RowAddress.encode(page, position);
            }
        }
        return addresses;
    }
}
