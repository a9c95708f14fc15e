package io.basin.execution.sort;

import io.basin.execution.memory.LocalMemoryContext;
import io.trino.spi.Page;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Rows in sorted order: retained pages of value blocks and an array of {@link RowAddress}es
 * into them. Owns the memory reservation of the pages and addresses; {@link #close} releases
 * it. Read-only after construction, so several threads may read one run.
 */
public final class SortedRun
        implements AutoCloseable
{
    private final Page[] pages;
    private final long[] addresses;
    private final int rowCount;
    private final LocalMemoryContext memoryContext;

    public SortedRun(Page[] pages, long[] addresses, int rowCount, LocalMemoryContext memoryContext)
    {
        this.pages = requireNonNull(pages, "pages is null");
        this.addresses = requireNonNull(addresses, "addresses is null");
        checkArgument(rowCount >= 0 && rowCount <= addresses.length, "rowCount out of range");
        this.rowCount = rowCount;
        this.memoryContext = requireNonNull(memoryContext, "memoryContext is null");
    }

    public int rowCount()
    {
        return rowCount;
    }

    /** The page holding the row at this index of the sorted order. */
    public Page page(int index)
    {
        return pages[RowAddress.pageIndex(addresses[index])];
    }

    /** The position, in {@link #page}, of the row at this index of the sorted order. */
    public int position(int index)
    {
        return RowAddress.position(addresses[index]);
    }

    @Override
    public void close()
    {
        memoryContext.close();
    }
}
