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
 * @param analysis what the last ANALYZE found, if it ran (stale once {@code dataVersion} moved on)
 */
public record TableState(TableDefinition definition, long dataVersion, List<RowGroup> groups, List<DistinctSketch> distinct, java.util.Optional<TableAnalysis> analysis)
{
    /** A state without ANALYZE results: a change of the rows makes earlier results stale anyway. */
    public TableState(TableDefinition definition, long dataVersion, List<RowGroup> groups, List<DistinctSketch> distinct)
    {
        this(definition, dataVersion, groups, distinct, java.util.Optional.empty());
    }

    public TableState
    {
        requireNonNull(definition, "definition is null");
        // a change computed before a concurrent DROP COLUMN may still carry the dropped column's blocks
        java.util.Set<Integer> columnIds = new java.util.HashSet<>();
        definition.columns().forEach(column -> columnIds.add(column.id()));
        groups = requireNonNull(groups, "groups is null").stream().map(group -> group.withColumns(columnIds)).toList();
        distinct = List.copyOf(requireNonNull(distinct, "distinct is null"));
        requireNonNull(analysis, "analysis is null");
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

    /** ANALYZE's results if they describe the current rows. */
    public java.util.Optional<TableAnalysis> currentAnalysis()
    {
        return analysis.filter(result -> result.dataVersion() == dataVersion);
    }

    public long id()
    {
        return definition.id();
    }

    /** Visible rows (a DISTSTYLE ALL table's rows counted once). */
    public long liveRows()
    {
        return groups.stream().filter(group -> !group.isCopy()).mapToLong(RowGroup::liveRows).sum();
    }

    /** The groups scans read: all but the copies of DISTSTYLE ALL groups on slices other than 0. */
    public List<RowGroup> primaryGroups()
    {
        return groups.stream().filter(group -> !group.isCopy()).toList();
    }
}
