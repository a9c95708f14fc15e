package io.basin.connector.warehouse.storage;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A table in one committed (or one transaction's working) state.
 *
 * @param definition the table's schema
 * @param dataVersion increases with every commit that changes the table's rows; a rewrite of the
 *         rows (DELETE, TRUNCATE) commits only if no other transaction changed them meanwhile
 * @param groups the row groups in write order
 * @param distinct per column, a sketch of its distinct values, for the planner
 */
public record TableState(TableDefinition definition, long dataVersion, List<RowGroup> groups, List<DistinctSketch> distinct)
{
    public TableState
    {
        requireNonNull(definition, "definition is null");
        // a change computed before a concurrent DROP COLUMN may still carry the dropped column's blocks
        java.util.Set<Integer> columnIds = new java.util.HashSet<>();
        definition.columns().forEach(column -> columnIds.add(column.id()));
        groups = requireNonNull(groups, "groups is null").stream().map(group -> group.withColumns(columnIds)).toList();
        distinct = List.copyOf(requireNonNull(distinct, "distinct is null"));
        if (distinct.size() != definition.columns().size()) {
            throw new IllegalArgumentException("%s distinct sketches for %s columns".formatted(distinct.size(), definition.columns().size()));
        }
    }

    /** Empty sketches for the columns of {@code definition}. */
    public static List<DistinctSketch> noDistinctValues(TableDefinition definition)
    {
        return java.util.Collections.nCopies(definition.columns().size(), DistinctSketch.empty());
    }

    /** Sketches merged column by column. */
    public static List<DistinctSketch> merge(List<DistinctSketch> left, List<DistinctSketch> right)
    {
        java.util.ArrayList<DistinctSketch> merged = new java.util.ArrayList<>(left.size());
        for (int i = 0; i < left.size(); i++) {
            merged.add(left.get(i).merge(right.get(i)));
        }
        return merged;
    }

    public long id()
    {
        return definition.id();
    }

    public long liveRows()
    {
        return groups.stream().mapToLong(RowGroup::liveRows).sum();
    }
}
