package io.basin.connector.warehouse;

import io.airlift.slice.Slice;
import io.basin.connector.warehouse.storage.SortedRunWriter;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ConnectorMergeSink;
import io.trino.spi.connector.MergePage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.trino.spi.StandardErrorCode.MERGE_TARGET_ROW_MULTIPLE_MATCHES;
import static io.trino.spi.type.BigintType.BIGINT;
import static java.util.Objects.requireNonNull;

/**
 * One writer of an UPDATE: the new rows are written as sorted runs like an INSERT's (through a
 * {@link WarehousePageSink}), and the replaced rows are collected as delete bitmaps per row
 * group. {@link #finish} returns both as fragments; nothing changes before the transaction
 * commits. The engine hands over each row at most once (an UPDATE ... FROM keeps one match per
 * row, as PostgreSQL); a row replaced twice anyway fails the statement rather than leaving two
 * new versions of it. Not thread-safe.
 */
final class WarehouseMergeSink
        implements ConnectorMergeSink
{
    private final WarehouseTransaction transaction;
    private final WarehouseMergeTableHandle handle;
    private final WarehousePageSink inserts;
    private final Map<String, BitSet> deletions = new HashMap<>();

    WarehouseMergeSink(WarehouseTransaction transaction, SortedRunWriter writer, WarehouseMergeTableHandle handle, int sortBufferRows)
    {
        this.transaction = requireNonNull(transaction, "transaction is null");
        this.handle = requireNonNull(handle, "handle is null");
        this.inserts = new WarehousePageSink(transaction, writer, handle.table(), sortBufferRows);
    }

    @Override
    public void storeMergedRows(Page page)
    {
        MergePage merge = MergePage.createDeleteAndInsertPages(page, handle.table().columns().size());
        // deletions first: a row matched twice fails before its second new version is buffered
        merge.getDeletionsPage().ifPresent(this::delete);
        merge.getInsertionsPage().ifPresent(inserts::appendPage);
    }

    private void delete(Page page)
    {
        Block rowIds = page.getBlock(page.getChannelCount() - 1);
        for (int position = 0; position < page.getPositionCount(); position++) {
            long rowId = BIGINT.getLong(rowIds, position);
            String group = handle.groupIds().get(WarehouseRowIdHandle.groupIndex(rowId));
            BitSet deleted = deletions.computeIfAbsent(group, _ -> new BitSet());
            int row = WarehouseRowIdHandle.position(rowId);
            if (deleted.get(row)) {
                throw multipleMatches(handle);
            }
            deleted.set(row);
        }
    }

    static TrinoException multipleMatches(WarehouseMergeTableHandle handle)
    {
        return new TrinoException(MERGE_TARGET_ROW_MULTIPLE_MATCHES,
                "UPDATE would change a row of %s more than once: its FROM clause matched the row several times".formatted(handle.table().name()));
    }

    @Override
    public CompletableFuture<Collection<Slice>> finish()
    {
        List<Slice> fragments = new ArrayList<>(inserts.finish().join());
        if (!deletions.isEmpty()) {
            fragments.add(transaction.store().codec().encodeDeletions(handle.table().id(), deletions));
        }
        return CompletableFuture.completedFuture(fragments);
    }

    @Override
    public void abort()
    {
        inserts.abort();
    }
}
