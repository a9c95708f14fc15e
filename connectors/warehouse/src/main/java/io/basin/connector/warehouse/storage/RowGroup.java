package io.basin.connector.warehouse.storage;

import io.basin.connector.warehouse.format.Encoding;
import io.basin.connector.warehouse.format.ZoneMap;

import java.util.BitSet;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A run of a table's rows stored as one immutable block file per column, with a zone map per
 * block, and the rows deleted since it was written. Deleting rows produces a new row group
 * value with a larger delete bitmap over the same files.
 *
 * @param id names the group's files ({@code g<id>.c<ordinal>})
 * @param rowCount rows in the block files, deleted ones included
 * @param blocks one per column, in table order
 * @param deleted positions deleted (never modified after construction)
 */
public record RowGroup(String id, int rowCount, List<ColumnBlock> blocks, BitSet deleted)
{
    /**
     * One column block of a group.
     *
     * @param encoding the encoding the block uses
     * @param fileBytes the block file's size
     * @param zoneMap rows, nulls, least and greatest value
     */
    public record ColumnBlock(Encoding encoding, long fileBytes, ZoneMap zoneMap)
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
        return new RowGroup(id, rowCount, blocks, union);
    }

    public long fileBytes()
    {
        return blocks.stream().mapToLong(ColumnBlock::fileBytes).sum();
    }
}
