package io.basin.connector.tpch;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.SourcePage;
import io.trino.tpch.TpchEntity;

import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Generates one split of a TPC-H table page by page, filling only the requested columns. Each
 * page holds up to {@link #ROWS_PER_PAGE} rows written straight into the arrays that back its
 * blocks. Not thread-safe: one split is read by one driver.
 *
 * @param <E> the generator's row type
 */
final class TpchPageSource<E extends TpchEntity>
        implements ConnectorPageSource
{
    static final int ROWS_PER_PAGE = 8192;

    private final List<TpchColumnDefinition<E>> columns;
    private final Iterator<E> rows;
    private long completedPositions;
    private long completedBytes;
    private long readTimeNanos;
    private boolean closed;

    TpchPageSource(Iterable<E> generator, List<TpchColumnDefinition<E>> columns)
    {
        this.rows = requireNonNull(generator, "generator is null").iterator();
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    @Override
    public SourcePage getNextSourcePage()
    {
        if (isFinished()) {
            return null;
        }
        long start = System.nanoTime();
        Page page = generatePage();
        readTimeNanos += System.nanoTime() - start;
        completedPositions += page.getPositionCount();
        completedBytes += page.getSizeInBytes();
        return SourcePage.create(page);
    }

    private Page generatePage()
    {
        int columnCount = columns.size();
        @SuppressWarnings("unchecked")
        ColumnBuffer<E>[] buffers = new ColumnBuffer[columnCount];
        for (int channel = 0; channel < columnCount; channel++) {
            buffers[channel] = columns.get(channel).createBuffer(ROWS_PER_PAGE);
        }
        int positions = 0;
        while (positions < ROWS_PER_PAGE && rows.hasNext()) {
            E row = rows.next();
            for (ColumnBuffer<E> buffer : buffers) {
                buffer.append(row);
            }
            positions++;
        }
        if (columnCount == 0) {
            // count(*) and friends: only the row count matters.
            return new Page(positions);
        }
        Block[] blocks = new Block[columnCount];
        for (int channel = 0; channel < columnCount; channel++) {
            blocks[channel] = buffers[channel].build();
        }
        return new Page(positions, blocks);
    }

    @Override
    public boolean isFinished()
    {
        return closed || !rows.hasNext();
    }

    @Override
    public long getCompletedBytes()
    {
        return completedBytes;
    }

    @Override
    public OptionalLong getCompletedPositions()
    {
        return OptionalLong.of(completedPositions);
    }

    @Override
    public long getReadTimeNanos()
    {
        return readTimeNanos;
    }

    @Override
    public long getMemoryUsage()
    {
        // Nothing is buffered between pages.
        return 0;
    }

    @Override
    public void close()
    {
        closed = true;
    }
}
