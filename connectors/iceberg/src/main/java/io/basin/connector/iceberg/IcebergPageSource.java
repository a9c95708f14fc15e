package io.basin.connector.iceberg;

import io.basin.spectrum.PageStream;
import io.basin.spectrum.ScanCounters;
import io.trino.plugin.base.metrics.LongCount;
import io.trino.spi.Page;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.metrics.Metrics;

import java.util.Map;

import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * The pages of one split as the scan fleet delivers them; its metrics are the slice's scan
 * counters, the numbers {@code lake_system.scan_summary} shows for it.
 */
final class IcebergPageSource
        implements ConnectorPageSource
{
    private final PageStream stream;
    private final ScanCounters counters;
    private final long filesPlanned;
    // the stream's channels in the order the engine asked for (null: as they come)
    private final int[] channels;
    private long completedBytes;
    private long completedPositions;
    private boolean finished;

    /**
     * @param counters the slice's scan counters, which the fleet updates as it reads
     * @param filesPlanned the data files in the slice
     */
    IcebergPageSource(PageStream stream, ScanCounters counters, long filesPlanned)
    {
        this(stream, counters, filesPlanned, null);
    }

    IcebergPageSource(PageStream stream, ScanCounters counters, long filesPlanned, int[] channels)
    {
        this.stream = requireNonNull(stream, "stream is null");
        this.counters = requireNonNull(counters, "counters is null");
        this.filesPlanned = filesPlanned;
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
    public Metrics getMetrics()
    {
        ScanCounters.Snapshot read = counters.snapshot();
        return new Metrics(Map.of(
                "files planned", new LongCount(filesPlanned),
                "files read", new LongCount(read.files()),
                "row groups total", new LongCount(read.rowGroupsTotal()),
                "row groups read", new LongCount(read.rowGroupsRead()),
                "bytes read", new LongCount(read.bytesRead()),
                "rows scanned", new LongCount(read.rowsRead()),
                "rows returned", new LongCount(read.rowsReturned()),
                "delete files read", new LongCount(read.deleteFiles())));
    }

    @Override
    public void close()
    {
        finished = true;
        stream.close();
    }
}
