package io.basin.connector.warehouse.storage;

import io.basin.connector.warehouse.format.Encoding;
import io.basin.connector.warehouse.format.ZoneMap;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A run of a table's rows stored as one immutable block file per column, with a zone map per
 * block, and the rows deleted since it was written. Deleting rows produces a new row group
 * value with a larger delete bitmap over the same files.
 *
 * @param id names the group's files ({@code g<id>.c<ordinal>})
 * @param rowCount rows in the block files, deleted ones included
 * @param blocks one per column the table had when the group was written (and still has):
 *         a column added later has no block here, and its values in this group are NULL
 * @param deleted positions deleted (never modified after construction)
 * @param slice the slice the rows belong to
 * @param copyOf for a copy of a DISTSTYLE ALL group on another slice, the id of the group (on
 *         slice 0) it repeats row by row; scans read the original only, deletes apply to both
 */
public record RowGroup(String id, int rowCount, List<ColumnBlock> blocks, BitSet deleted, int slice, Optional<String> copyOf)
{
    /**
     * One column block of a group.
     *
     * @param columnId the column ({@link WarehouseColumn#id()}) the block holds values of
     * @param encoding the encoding the block uses
     * @param fileBytes the block file's size
     * @param zoneMap rows, nulls, least and greatest value
     */
    public record ColumnBlock(int columnId, Encoding encoding, long fileBytes, ZoneMap zoneMap)
    {
        public ColumnBlock
        {
            requireNonNull(encoding, "encoding is null");
            requireNonNull(zoneMap, "zoneMap is null");
        }
    }

    public RowGroup
    {
        requireNonNull(id, "id is null");
        blocks = List.copyOf(requireNonNull(blocks, "blocks is null"));
        deleted = (BitSet) requireNonNull(deleted, "deleted is null").clone();
        if (deleted.length() > rowCount) {
            throw new IllegalArgumentException("Deleted position beyond the group's %s rows".formatted(rowCount));
        }
        requireNonNull(copyOf, "copyOf is null");
        if (slice < 0 || (copyOf.isPresent() && slice == 0)) {
            throw new IllegalArgumentException("Invalid slice %s of row group %s".formatted(slice, id));
        }
    }

    /** A group of slice 0, as groups were before slices existed. */
    public RowGroup(String id, int rowCount, List<ColumnBlock> blocks, BitSet deleted)
    {
        this(id, rowCount, blocks, deleted, 0, Optional.empty());
    }

    /** Whether this group is a copy of another (DISTSTYLE ALL), which scans skip. */
    public boolean isCopy()
    {
        return copyOf.isPresent();
    }

    /** The block of column {@code columnId}: empty when the column was added after the group was written. */
    public Optional<ColumnBlock> block(int columnId)
    {
        for (ColumnBlock block : blocks) {
            if (block.columnId() == columnId) {
                return Optional.of(block);
            }
        }
        return Optional.empty();
    }

    /** The zone map of {@code column}'s values in this group (all NULL when the group has no block of it). */
    public ZoneMap zoneMap(WarehouseColumn column)
    {
        return block(column.id())
                .map(ColumnBlock::zoneMap)
                .orElseGet(() -> new ZoneMap(rowCount, rowCount, Optional.empty(), Optional.empty()));
    }

    /** Bytes of {@code column}'s block file (0 when the group has none). */
    public long fileBytes(WarehouseColumn column)
    {
        return block(column.id()).map(ColumnBlock::fileBytes).orElse(0L);
    }

    /** Without the blocks of columns other than {@code ids} (columns the table dropped). */
    public RowGroup withColumns(java.util.Set<Integer> ids)
    {
        if (blocks.stream().allMatch(block -> ids.contains(block.columnId()))) {
            return this;
        }
        return new RowGroup(id, rowCount, blocks.stream().filter(block -> ids.contains(block.columnId())).toList(), deleted, slice, copyOf);
    }

    /** Rows still visible. */
    public int liveRows()
    {
        return rowCount - deleted.cardinality();
    }

    public boolean isDeleted(int position)
    {
        return deleted.get(position);
    }

    /** A copy of the delete bitmap. */
    public BitSet deletedPositions()
    {
        return (BitSet) deleted.clone();
    }

    public RowGroup withDeleted(BitSet moreDeleted)
    {
        BitSet union = deletedPositions();
        union.or(moreDeleted);
        return new RowGroup(id, rowCount, blocks, union, slice, copyOf);
    }

    public long fileBytes()
    {
        return blocks.stream().mapToLong(ColumnBlock::fileBytes).sum();
    }
}
