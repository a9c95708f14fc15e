package io.basin.connector.warehouse.storage;

import io.trino.spi.connector.SchemaTableName;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The schema of a warehouse table: columns, sort key and distribution. Immutable; a rename
 * produces a new definition with the same id.
 *
 * @param id unique for the life of the data directory
 * @param name the table's current name
 * @param columns the columns in table order
 * @param sortKey ordinals of the sort key columns, most significant first (empty: unsorted)
 * @param sortStyle COMPOUND or INTERLEAVED
 * @param distStyle AUTO, EVEN, KEY or ALL
 * @param distKey ordinal of the DISTKEY column when {@code distStyle} is KEY
 * @param comment the table comment
 * @param nextColumnId the id the next added column gets (greater than every id ever used)
 * @param sliceCount the slices the rows are spread over, fixed when the table is created (tables
 *         written before slices existed have one)
 */
public record TableDefinition(
        long id,
        SchemaTableName name,
        List<WarehouseColumn> columns,
        List<Integer> sortKey,
        SortStyle sortStyle,
        DistStyle distStyle,
        OptionalInt distKey,
        Optional<String> comment,
        int nextColumnId,
        int sliceCount)
{
    /** How rows are ordered within a sorted run. */
    public enum SortStyle
    {
        /** Lexicographically by the sort key columns, first column most significant. */
        COMPOUND,
        /** By a Z-order of the sort key columns' ranks, giving each column equal weight. */
        INTERLEAVED,
    }

    /** How rows are spread over slices. */
    public enum DistStyle
    {
        /** ALL while the table is small (see {@link SliceDistribution#AUTO_ALL_MAX_ROWS}), else EVEN. */
        AUTO,
        /** Round-robin. */
        EVEN,
        /** By the {@link SliceHash} of the DISTKEY column's value. */
        KEY,
        /** A full copy of the rows on every slice. */
        ALL,
    }

    public TableDefinition
    {
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        sortKey = List.copyOf(requireNonNull(sortKey, "sortKey is null"));
        requireNonNull(sortStyle, "sortStyle is null");
        requireNonNull(distStyle, "distStyle is null");
        requireNonNull(distKey, "distKey is null");
        requireNonNull(comment, "comment is null");
        Set<String> names = new HashSet<>();
        Set<Integer> ids = new HashSet<>();
        for (WarehouseColumn column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("Duplicate column name: " + column.name());
            }
            if (column.id() == WarehouseColumn.UNASSIGNED || column.id() >= nextColumnId || !ids.add(column.id())) {
                throw new IllegalArgumentException("Column %s has id %s: ids must be unique and below %s".formatted(column.name(), column.id(), nextColumnId));
            }
        }
        for (int ordinal : sortKey) {
            if (ordinal < 0 || ordinal >= columns.size()) {
                throw new IllegalArgumentException("Sort key ordinal out of range: " + ordinal);
            }
        }
        if (distKey.isPresent() != (distStyle == DistStyle.KEY)) {
            throw new IllegalArgumentException("DISTKEY is given exactly when DISTSTYLE is KEY");
        }
        if (sliceCount < 1 || sliceCount > SliceDistribution.MAX_SLICES) {
            throw new IllegalArgumentException("Slice count must be between 1 and %s, was %s".formatted(SliceDistribution.MAX_SLICES, sliceCount));
        }
    }

    /** A definition of one slice, as tables had before slices existed. */
    public TableDefinition(long id, SchemaTableName name, List<WarehouseColumn> columns, List<Integer> sortKey, SortStyle sortStyle, DistStyle distStyle, OptionalInt distKey, Optional<String> comment, int nextColumnId)
    {
        this(id, name, columns, sortKey, sortStyle, distStyle, distKey, comment, nextColumnId, 1);
    }

    /** A new table's definition: its columns get ids 0, 1, ... in table order. */
    public TableDefinition(long id, SchemaTableName name, List<WarehouseColumn> columns, List<Integer> sortKey, SortStyle sortStyle, DistStyle distStyle, OptionalInt distKey, Optional<String> comment)
    {
        this(id, name, numbered(columns), sortKey, sortStyle, distStyle, distKey, comment, columns.size(), 1);
    }

    /** With its rows spread over {@code slices} slices (for a new table only: existing rows stay where they are). */
    public TableDefinition withSliceCount(int slices)
    {
        return new TableDefinition(id, name, columns, sortKey, sortStyle, distStyle, distKey, comment, nextColumnId, slices);
    }

    private static List<WarehouseColumn> numbered(List<WarehouseColumn> columns)
    {
        List<WarehouseColumn> numbered = new java.util.ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            numbered.add(columns.get(i).withId(i));
        }
        return numbered;
    }

    public TableDefinition withName(SchemaTableName newName)
    {
        return new TableDefinition(id, newName, columns, sortKey, sortStyle, distStyle, distKey, comment, nextColumnId, sliceCount);
    }

    /** The ordinal of the column named {@code name}, if there is one. */
    public OptionalInt ordinal(String name)
    {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** With {@code column} added last, under the next column id. */
    public TableDefinition withColumnAdded(WarehouseColumn column)
    {
        List<WarehouseColumn> newColumns = new java.util.ArrayList<>(columns);
        newColumns.add(column.withId(nextColumnId));
        return new TableDefinition(id, name, newColumns, sortKey, sortStyle, distStyle, distKey, comment, nextColumnId + 1, sliceCount);
    }

    /** Without the column at {@code ordinal}, which is neither a sort key nor the distribution key column. */
    public TableDefinition withColumnDropped(int ordinal)
    {
        if (sortKey.contains(ordinal) || (distKey.isPresent() && distKey.getAsInt() == ordinal)) {
            throw new IllegalArgumentException("Cannot drop key column " + columns.get(ordinal).name());
        }
        List<WarehouseColumn> newColumns = new java.util.ArrayList<>(columns);
        newColumns.remove(ordinal);
        List<Integer> newSortKey = sortKey.stream().map(key -> key > ordinal ? key - 1 : key).toList();
        OptionalInt newDistKey = distKey.isPresent() && distKey.getAsInt() > ordinal ? OptionalInt.of(distKey.getAsInt() - 1) : distKey;
        return new TableDefinition(id, name, newColumns, newSortKey, sortStyle, distStyle, newDistKey, comment, nextColumnId, sliceCount);
    }

    /** With the column at {@code ordinal} renamed. */
    public TableDefinition withColumnRenamed(int ordinal, String newName)
    {
        List<WarehouseColumn> newColumns = new java.util.ArrayList<>(columns);
        newColumns.set(ordinal, columns.get(ordinal).withName(newName));
        return new TableDefinition(id, name, newColumns, sortKey, sortStyle, distStyle, distKey, comment, nextColumnId, sliceCount);
    }
}
