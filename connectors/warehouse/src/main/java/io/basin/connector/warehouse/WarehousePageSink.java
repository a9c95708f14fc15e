package io.basin.connector.warehouse;

import io.airlift.slice.Slice;
import io.basin.connector.warehouse.storage.DistinctSketch;
import io.basin.connector.warehouse.storage.ManifestCodec;
import io.basin.connector.warehouse.storage.RowGroup;
import io.basin.connector.warehouse.storage.TableState;
import io.basin.connector.warehouse.storage.SortedRunWriter;
import io.basin.connector.warehouse.storage.TableDefinition;
import io.basin.connector.warehouse.storage.WarehouseColumn;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ConnectorPageSink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.trino.spi.StandardErrorCode.CONSTRAINT_VIOLATION;
import static io.trino.spi.StandardErrorCode.GENERIC_INTERNAL_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * Buffers written rows and, every {@code sortBufferRows} rows (or 64 MB) and at the end, spreads
 * them over the table's slices, sorts each slice's rows by the table's sort key and writes them as
 * row groups (one sorted run per slice; see {@link SortedRunWriter#writeDistributed}). {@link #finish} hands the
 * groups to the commit as one fragment; nothing is visible before the transaction commits, and
 * {@link #abort} deletes what was written. Not thread-safe: one sink belongs to one writer driver.
 */
final class WarehousePageSink
        implements ConnectorPageSink
{
    /** Wide rows end a sorted run early: each writer driver buffers this much at most. */
    private static final long MAX_BUFFERED_BYTES = 64L << 20;

    private final WarehouseTransaction transaction;
    private final SortedRunWriter writer;
    private final TableDefinition table;
    private final int sortBufferRows;
    private final List<Page> buffered = new ArrayList<>();
    private final List<RowGroup> written = new ArrayList<>();
    private List<DistinctSketch> distinct;
    private int bufferedRows;
    private long bufferedBytes;
    private long completedBytes;
    /** The table's rows when this writer began plus the rows it wrote since: where an AUTO table's next rows go. */
    private long tableRows;
    private boolean done;

    WarehousePageSink(WarehouseTransaction transaction, SortedRunWriter writer, TableDefinition table, int sortBufferRows)
    {
        this.transaction = requireNonNull(transaction, "transaction is null");
        this.writer = requireNonNull(writer, "writer is null");
        this.table = requireNonNull(table, "table is null");
        this.sortBufferRows = sortBufferRows;
        this.tableRows = transaction.table(table.id()).map(TableState::liveRows).orElse(0L);
    }

    @Override
    public CompletableFuture<?> appendPage(Page page)
    {
        checkOpen();
        if (page.getChannelCount() != table.columns().size()) {
            throw new TrinoException(GENERIC_INTERNAL_ERROR, "Warehouse table %s has %s columns but the written page has %s channels".formatted(table.name(), table.columns().size(), page.getChannelCount()));
        }
        if (page.getPositionCount() == 0) {
            return NOT_BLOCKED;
        }
        checkNotNullColumns(page);
        Page compacted = compact(page);
        buffered.add(compacted);
        bufferedRows += compacted.getPositionCount();
        bufferedBytes += compacted.getRetainedSizeInBytes();
        completedBytes += compacted.getSizeInBytes();
        if (bufferedRows >= sortBufferRows || bufferedBytes >= MAX_BUFFERED_BYTES) {
            flush();
        }
        return NOT_BLOCKED;
    }

    private void checkNotNullColumns(Page page)
    {
        for (int ordinal = 0; ordinal < table.columns().size(); ordinal++) {
            WarehouseColumn column = table.columns().get(ordinal);
            Block block = page.getBlock(ordinal);
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

    /** Copies the page, which is often a view over far larger blocks the buffer should not keep alive. */
    private static Page compact(Page page)
    {
        Block[] blocks = new Block[page.getChannelCount()];
        for (int channel = 0; channel < blocks.length; channel++) {
            blocks[channel] = page.getBlock(channel).copyRegion(0, page.getPositionCount());
        }
        return new Page(page.getPositionCount(), blocks);
    }

    private void flush()
    {
        if (buffered.isEmpty()) {
            return;
        }
        tableRows += bufferedRows;
        SortedRunWriter.Run run = writer.writeDistributed(table, buffered, tableRows);
        written.addAll(run.groups());
        transaction.wrote(table.id(), run.groups());
        distinct = distinct == null ? run.distinct() : TableState.merge(distinct, run.distinct());
        buffered.clear();
        bufferedRows = 0;
        bufferedBytes = 0;
    }

    @Override
    public CompletableFuture<Collection<Slice>> finish()
    {
        checkOpen();
        flush();
        done = true;
        if (written.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.completedFuture(List.of(transaction.store().codec().encodeFragment(table.id(), table.columns(), new ManifestCodec.Fragment(written, distinct))));
    }

    @Override
    public void abort()
    {
        done = true;
        buffered.clear();
        // the transaction's rollback deletes the files of written groups
    }

    @Override
    public long getCompletedBytes()
    {
        return completedBytes;
    }

    @Override
    public long getMemoryUsage()
    {
        return bufferedBytes;
    }

    private void checkOpen()
    {
        if (done) {
            throw new IllegalStateException("Page sink is already finished or aborted");
        }
    }
}
