package io.basin.connector.memory;

import io.airlift.slice.Slice;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ConnectorPageSink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.trino.spi.StandardErrorCode.CONSTRAINT_VIOLATION;
import static io.trino.spi.StandardErrorCode.GENERIC_INTERNAL_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * Buffers the pages one writer produces and, on {@link #finish}, stages them as one fragment of
 * the write. Nothing becomes visible here; see {@link MemoryDataStore}. Not thread-safe: one sink
 * belongs to one writer driver.
 */
final class MemoryPageSink
        implements ConnectorPageSink
{
    private final MemoryDataStore dataStore;
    private final UUID transactionId;
    private final long tableId;
    private final List<MemoryColumnHandle> columns;
    private final List<Page> pages = new ArrayList<>();
    private long reservedBytes;
    private long completedBytes;
    private boolean done;

    MemoryPageSink(MemoryDataStore dataStore, UUID transactionId, long tableId, List<MemoryColumnHandle> columns)
    {
        this.dataStore = requireNonNull(dataStore, "dataStore is null");
        this.transactionId = requireNonNull(transactionId, "transactionId is null");
        this.tableId = tableId;
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    @Override
    public CompletableFuture<?> appendPage(Page page)
    {
        checkOpen();
        if (page.getChannelCount() != columns.size()) {
            throw new TrinoException(GENERIC_INTERNAL_ERROR, "Memory table %s has %s columns but the written page has %s channels".formatted(tableId, columns.size(), page.getChannelCount()));
        }
        if (page.getPositionCount() == 0) {
            return NOT_BLOCKED;
        }
        checkNotNullColumns(page);
        Page compacted = compact(page);
        long bytes = compacted.getRetainedSizeInBytes();
        dataStore.reserve(bytes);
        reservedBytes += bytes;
        completedBytes += compacted.getSizeInBytes();
        pages.add(compacted);
        return NOT_BLOCKED;
    }

    private void checkNotNullColumns(Page page)
    {
        for (MemoryColumnHandle column : columns) {
            Block block = page.getBlock(column.ordinal());
            if (column.nullable() || !block.mayHaveNull()) {
                continue;
            }
            for (int position = 0; position < block.getPositionCount(); position++) {
                if (block.isNull(position)) {
                    throw new TrinoException(CONSTRAINT_VIOLATION, "NULL value not allowed for NOT NULL column: " + column.name());
                }
            }
        }
    }

    /**
     * Copies the page's blocks so the table holds only its own rows: an engine page is often a
     * view (a region or a filtered dictionary) over much larger blocks, which the table would
     * otherwise keep alive for as long as it exists.
     */
    private static Page compact(Page page)
    {
        int positions = page.getPositionCount();
        Block[] blocks = new Block[page.getChannelCount()];
        for (int channel = 0; channel < blocks.length; channel++) {
            Block copy = page.getBlock(channel).copyRegion(0, positions);
            blocks[channel] = StringDictionaryEncoder.encode(copy);
        }
        return new Page(positions, blocks);
    }

    @Override
    public CompletableFuture<Collection<Slice>> finish()
    {
        checkOpen();
        done = true;
        if (pages.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Slice fragment = dataStore.stage(transactionId, tableId, pages, reservedBytes);
        // The fragment owns the pages and their reservation now.
        pages.clear();
        reservedBytes = 0;
        return CompletableFuture.completedFuture(List.of(fragment));
    }

    @Override
    public void abort()
    {
        done = true;
        pages.clear();
        dataStore.release(reservedBytes);
        reservedBytes = 0;
    }

    @Override
    public long getCompletedBytes()
    {
        return completedBytes;
    }

    @Override
    public long getMemoryUsage()
    {
        return reservedBytes;
    }

    private void checkOpen()
    {
        if (done) {
            throw new IllegalStateException("Page sink is already finished or aborted");
        }
    }
}
