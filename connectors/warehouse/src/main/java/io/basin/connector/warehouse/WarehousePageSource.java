package io.basin.connector.warehouse;

import io.basin.connector.warehouse.storage.RowGroup;
import io.basin.connector.warehouse.storage.TableDefinition;
import io.basin.connector.warehouse.storage.WarehouseStore;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.metrics.Metrics;
import io.trino.plugin.base.metrics.LongCount;

import java.util.Map;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Reads the requested columns of one row group: each column block is memory-mapped and decoded
 * straight into a Trino block when the first page is asked for; deleted rows are left out; the
 * rows come out in pages of at most {@value #PAGE_ROWS}. Not thread-safe.
 */
final class WarehousePageSource
        implements ConnectorPageSource
{
    static final int PAGE_ROWS = 8192;
    /** The ordinal that stands for the row id column ({@link WarehouseRowIdHandle}). */
    static final int ROW_ID = -1;

    private final WarehouseStore store;
    private final TableDefinition table;
    private final RowGroup group;
    private final int groupIndex;
    private final int[] ordinals;
    private Block[] blocks;
    private int rows;
    private int next;
    private boolean finished;
    private long completedBytes;
    private long completedPositions;
    private long readTimeNanos;
    private long blocksRead;
    private boolean loaded;

    /**
     * @param groupIndex the group's index in the table's group list, for row ids
     * @param ordinals the columns to read; {@link #ROW_ID} for the row id column
     */
    WarehousePageSource(WarehouseStore store, TableDefinition table, RowGroup group, int groupIndex, int[] ordinals)
    {
        this.store = requireNonNull(store, "store is null");
        this.table = requireNonNull(table, "table is null");
        this.group = requireNonNull(group, "group is null");
        this.groupIndex = groupIndex;
        this.ordinals = requireNonNull(ordinals, "ordinals is null").clone();
    }

    @Override
    public SourcePage getNextSourcePage()
    {
        if (finished) {
            return null;
        }
        if (blocks == null) {
            load();
        }
        if (next >= rows) {
            finished = true;
            return null;
        }
        int count = Math.min(PAGE_ROWS, rows - next);
        Block[] region = new Block[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            region[i] = blocks[i].getRegion(next, count);
        }
        next += count;
        Page page = new Page(count, region);
        completedPositions += count;
        if (next >= rows) {
            finished = true;
        }
        return SourcePage.create(page);
    }

    private void load()
    {
        long start = System.nanoTime();
        loaded = true;
        int[] live = null;
        rows = group.rowCount();
        if (!group.deletedPositions().isEmpty()) {
            live = new int[group.liveRows()];
            int index = 0;
            for (int position = 0; position < group.rowCount(); position++) {
                if (!group.isDeleted(position)) {
                    live[index++] = position;
                }
            }
            rows = live.length;
        }
        blocks = new Block[ordinals.length];
        for (int i = 0; i < ordinals.length; i++) {
            if (ordinals[i] == ROW_ID) {
                long[] rowIds = new long[rows];
                for (int row = 0; row < rows; row++) {
                    rowIds[row] = WarehouseRowIdHandle.rowId(groupIndex, live == null ? row : live[row]);
                }
                blocks[i] = new io.trino.spi.block.LongArrayBlock(rows, java.util.Optional.empty(), rowIds);
                continue;
            }
            Block block = store.readBlock(table, group, ordinals[i]);
            blocksRead++;
            completedBytes += group.fileBytes(table.columns().get(ordinals[i]));
            blocks[i] = live == null ? block : block.copyPositions(live, 0, live.length);
        }
        readTimeNanos += System.nanoTime() - start;
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
        return readTimeNanos;
    }

    @Override
    public long getMemoryUsage()
    {
        if (blocks == null) {
            return 0;
        }
        long bytes = 0;
        for (Block block : blocks) {
            bytes += block.getRetainedSizeInBytes();
        }
        return bytes;
    }

    /** What this row group's scan read: with the split source's totals, a scan's blocks total versus read. */
    @Override
    public Metrics getMetrics()
    {
        return new Metrics(Map.of(
                "row groups read", new LongCount(loaded ? 1 : 0),
                "column blocks read", new LongCount(blocksRead),
                "rows scanned", new LongCount(loaded ? rows : 0),
                "bytes read", new LongCount(completedBytes)));
    }

    @Override
    public void close()
    {
        finished = true;
        blocks = null;
    }
}
