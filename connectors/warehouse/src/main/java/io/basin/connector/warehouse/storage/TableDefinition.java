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
 */
public record TableDefinition(
        long id,
        SchemaTableName name,
        List<WarehouseColumn> columns,
        List<Integer> sortKey,
        SortStyle sortStyle,
        DistStyle distStyle,
        OptionalInt distKey,
        Optional<String> comment)
{
    /** How rows are ordered within a sorted run. */
    public enum SortStyle
    {
        /** Lexicographically by the sort key columns, first column most significant. */
        COMPOUND,
        /** By a Z-order of the sort key columns' ranks, giving each column equal weight. */
        INTERLEAVED,
    }

    /** How rows are spread over slices (recorded; one slice today). */
    public enum DistStyle
    {
        AUTO,
        EVEN,
        KEY,
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
        for (WarehouseColumn column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("Duplicate column name: " + column.name());
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
    }

    public TableDefinition withName(SchemaTableName newName)
    {
        return new TableDefinition(id, newName, columns, sortKey, sortStyle, distStyle, distKey, comment);
    }
}
