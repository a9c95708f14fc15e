package io.basin.execution.sort;

import io.basin.execution.memory.LocalMemoryContext;
import io.trino.spi.Page;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Rows in sorted order: retained pages of value blocks and an array of {@link RowAddress}es
 * into them. Owns the memory reservation of the pages and addresses; {@link #close} releases
 * it. Read-only after construction, so several threads may read one run.
 *
 * <p>A run may also keep the normalized prefixes of its first sort key, in sorted order, and
 * the range of rows whose first key is NULL (which have no prefix). A merge of runs then
 * compares most rows by reading two longs from sequential arrays instead of row values
 * scattered over the pages.
 */
public final class SortedRun
        implements AutoCloseable
{
    private final Page[] pages;
    private final long[] addresses;
    private final int rowCount;
    private final long[] prefixes;
    private final int nullStart;
    private final int nullEnd;
    private final LocalMemoryContext memoryContext;

    /** A run without prefixes. */
    public SortedRun(Page[] pages, long[] addresses, int rowCount, LocalMemoryContext memoryContext)
    {
        this(pages, addresses, rowCount, null, 0, 0, memoryContext);
    }

    /**
     * A run with the normalized prefixes of its first sort key ({@code null} for none); rows
     * {@code [nullStart, nullEnd)} have a NULL first key and no prefix.
     */
    public SortedRun(Page[] pages, long[] addresses, int rowCount, long[] prefixes, int nullStart, int nullEnd, LocalMemoryContext memoryContext)
    {
        this.pages = requireNonNull(pages, "pages is null");
        this.addresses = requireNonNull(addresses, "addresses is null");
        checkArgument(rowCount >= 0 && rowCount <= addresses.length, "rowCount out of range");
        checkArgument(prefixes == null || prefixes.length >= rowCount, "prefixes shorter than the run");
        checkArgument(0 <= nullStart && nullStart <= nullEnd && nullEnd <= rowCount, "invalid NULL range");
        this.rowCount = rowCount;
        this.prefixes = prefixes;
        this.nullStart = nullStart;
        this.nullEnd = nullEnd;
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

    public boolean hasPrefixes()
    {
        return prefixes != null;
    }

    /** The normalized prefix of the first sort key of the row at this index; only for runs with prefixes, and rows whose first key is not NULL. */
    public long prefix(int index)
    {
        return prefixes[index];
    }

    /** Whether the first sort key of the row at this index is NULL; only for runs with prefixes. */
    public boolean isFirstKeyNull(int index)
    {
        return index >= nullStart && index < nullEnd;
    }

    @Override
    public void close()
    {
        memoryContext.close();
    }
}
