package io.basin.connector.memory;

import io.trino.spi.Page;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.SourcePage;

import java.util.List;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Returns the requested columns of a run of stored pages. The stored blocks are immutable and
 * handed out as they are, without copying. Not thread-safe.
 */
final class MemoryPageSource
        implements ConnectorPageSource
{
    private final List<Page> pages;
    private final int[] channels;
    private int next;
    private long completedBytes;
    private long completedPositions;

    MemoryPageSource(List<Page> pages, int[] channels)
    {
        this.pages = List.copyOf(requireNonNull(pages, "pages is null"));
        this.channels = requireNonNull(channels, "channels is null").clone();
    }

    @Override
    public SourcePage getNextSourcePage()
    {
        if (isFinished()) {
            return null;
        }
        Page page = pages.get(next++);
        Page projected = channels.length == 0 ? new Page(page.getPositionCount()) : page.getColumns(channels);
        completedBytes += projected.getSizeInBytes();
        completedPositions += projected.getPositionCount();
        return SourcePage.create(projected);
    }

    @Override
    public boolean isFinished()
    {
        return next >= pages.size();
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
        return 0;
    }

    @Override
    public long getMemoryUsage()
    {
        // The pages belong to the table, which accounts for them.
        return 0;
    }

    @Override
    public void close()
    {
        next = pages.size();
    }
}
