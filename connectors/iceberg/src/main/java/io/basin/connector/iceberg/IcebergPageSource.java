package io.basin.connector.iceberg;

import io.basin.spectrum.PageStream;
import io.trino.spi.Page;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.SourcePage;

import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/** The pages of one split as the scan fleet delivers them. */
final class IcebergPageSource
        implements ConnectorPageSource
{
    private final PageStream stream;
    // the stream's channels in the order the engine asked for (null: as they come)
    private final int[] channels;
    private long completedBytes;
    private long completedPositions;
    private boolean finished;

    IcebergPageSource(PageStream stream)
    {
        this(stream, null);
    }

    IcebergPageSource(PageStream stream, int[] channels)
    {
        this.stream = requireNonNull(stream, "stream is null");
        this.channels = channels == null ? null : channels.clone();
    }

    @Override
    public SourcePage getNextSourcePage()
    {
        if (finished) {
            return null;
        }
        Page page = stream.next();
        if (page == null) {
            finished = true;
            return null;
        }
        if (channels != null) {
            page = page.getColumns(channels);
        }
        completedBytes += page.getSizeInBytes();
        completedPositions += page.getPositionCount();
        return SourcePage.create(page);
    }

    @Override
    public boolean isFinished()
    {
        return finished;
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
        return 0;
    }

    @Override
    public void close()
    {
        finished = true;
        stream.close();
    }
}
