package io.basin.spectrum;

import io.trino.spi.block.Block;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import static io.trino.spi.type.BigintType.BIGINT;
import static java.util.Objects.requireNonNull;

/**
 * The deletes that apply to one data file's rows, as both decoders apply them to decoded pages: a
 * row is deleted when its position in the file (counted from the file's start, whatever the task's
 * range) is in a position delete file or a deletion vector, or when its values equal a row of an equality delete file
 * (nulls equal).
 */
final class RowDeletes
{
    // sorted deleted row positions of the file
    private final long[] deletedPositions;
    private final List<EqualityDelete> equalityDeletes;

    private RowDeletes(long[] deletedPositions, List<EqualityDelete> equalityDeletes)
    {
        this.deletedPositions = requireNonNull(deletedPositions, "deletedPositions is null");
        this.equalityDeletes = List.copyOf(equalityDeletes);
    }

    /** The deletes of the task's file, each delete file read through the scan's shared loader. */
    static RowDeletes load(ScanTask task, DeleteLoader deleteLoader)
    {
        requireNonNull(task, "task is null");
        requireNonNull(deleteLoader, "deleteLoader is null");
        List<DeleteFileRef> positionFiles = task.deletes().stream().filter(delete -> delete.kind() != DeleteFileRef.Kind.EQUALITY).toList();
        long[] deletedPositions = positionFiles.isEmpty() ? new long[0] : deleteLoader.deletedPositions(task.path(), positionFiles);
        List<EqualityDelete> equalityDeletes = task.deletes().stream()
                .filter(delete -> delete.kind() == DeleteFileRef.Kind.EQUALITY)
                .map(delete -> new EqualityDelete(delete.equalityColumns(), deleteLoader.deletedRows(delete)))
                .toList();
        return new RowDeletes(deletedPositions, equalityDeletes);
    }

    boolean isEmpty()
    {
        return deletedPositions.length == 0 && equalityDeletes.isEmpty();
    }

    /** Whether rows' file positions are needed: only then do decoders produce them. */
    boolean needsRowPositions()
    {
        return deletedPositions.length > 0;
    }

    /** The columns equality deletes compare, which a decoder reads even when they are not returned. */
    List<ScanColumn> equalityColumns()
    {
        List<ScanColumn> columns = new ArrayList<>();
        for (EqualityDelete delete : equalityDeletes) {
            for (ScanColumn column : delete.columns()) {
                if (columns.stream().noneMatch(existing -> existing.fieldId() == column.fieldId())) {
                    columns.add(column);
                }
            }
        }
        return columns;
    }

    /**
     * The positions of a decoded page whose rows are not deleted, in order.
     *
     * @param rowPositions the rows' positions in the file (bigint); only read when {@link #needsRowPositions()}
     * @param blockOfField the page's block of a column by field id, or null when the file lacks the column (its values are null)
     */
    int[] survivingPositions(int positionCount, Block rowPositions, IntFunction<Block> blockOfField)
    {
        List<Block[]> equalityBlocks = new ArrayList<>();
        for (EqualityDelete delete : equalityDeletes) {
            Block[] deleteBlocks = new Block[delete.columns().size()];
            for (int i = 0; i < deleteBlocks.length; i++) {
                deleteBlocks[i] = blockOfField.apply(delete.columns().get(i).fieldId());
            }
            equalityBlocks.add(deleteBlocks);
        }
        boolean checkPositions = deletedPositions.length > 0;
        int[] kept = new int[positionCount];
        int count = 0;
        rows:
        for (int position = 0; position < positionCount; position++) {
            if (checkPositions && Arrays.binarySearch(deletedPositions, BIGINT.getLong(rowPositions, position)) >= 0) {
                continue;
            }
            for (int i = 0; i < equalityDeletes.size(); i++) {
                if (equalityDeletes.get(i).matches(equalityBlocks.get(i), position)) {
                    continue rows;
                }
            }
            kept[count++] = position;
        }
        return count == positionCount ? kept : Arrays.copyOf(kept, count);
    }

    /** The rows of one equality delete file: a row is deleted when its values equal one of them (nulls equal). */
    private record EqualityDelete(List<ScanColumn> columns, Set<List<Object>> deletedRows, IcebergValueReader[] readers)
    {
        EqualityDelete(List<ScanColumn> columns, Set<List<Object>> deletedRows)
        {
            this(columns, deletedRows, columns.stream().map(column -> IcebergValueReader.forType(column.type())).toArray(IcebergValueReader[]::new));
        }

        boolean matches(Block[] blocks, int position)
        {
            Object[] values = new Object[blocks.length];
            for (int i = 0; i < blocks.length; i++) {
                values[i] = blocks[i] == null || blocks[i].isNull(position) ? null : readers[i].read(blocks[i], position);
            }
            return deletedRows.contains(Arrays.asList(values));
        }
    }
}
