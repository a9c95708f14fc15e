package io.basin.connector.warehouse.storage;

import io.basin.connector.warehouse.format.ColumnValues;
import io.trino.spi.Page;
import io.trino.spi.block.Block;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * Turns buffered rows into one sorted run: the rows ordered by the table's sort key (compound:
 * lexicographically; interleaved: by a Z-order of the key columns' ranks), then cut into row
 * groups of at most {@code rowsPerGroup} rows and about {@code targetBlockBytes} per column
 * block, each written as block files with zone maps.
 */
public final class SortedRunWriter
{
    private final WarehouseStore store;
    private final int rowsPerGroup;
    private final long targetBlockBytes;
    private final AtomicLong roundRobin = new AtomicLong();

    public SortedRunWriter(WarehouseStore store, int rowsPerGroup, long targetBlockBytes)
    {
        this.store = requireNonNull(store, "store is null");
        if (rowsPerGroup < 1 || targetBlockBytes < 1) {
            throw new IllegalArgumentException("rowsPerGroup and targetBlockBytes must be positive");
        }
        this.rowsPerGroup = rowsPerGroup;
        this.targetBlockBytes = targetBlockBytes;
    }

    /** The row groups of one sorted run and sketches of each column's distinct values. */
    public record Run(List<RowGroup> groups, List<DistinctSketch> distinct)
    {
        public Run
        {
            groups = List.copyOf(groups);
            distinct = List.copyOf(distinct);
        }
    }

    /**
     * Writes {@code pages} spread over the table's slices ({@link SliceDistribution}): one sorted
     * run per slice that receives rows, or for a replicated table one run on slice 0 and a copy
     * of each of its groups on every other slice. {@code rowsAfterWrite} is the table's row count
     * once these rows are added, which decides where an AUTO table's rows go.
     */
    public Run writeDistributed(TableDefinition table, List<Page> pages, long rowsAfterWrite)
    {
        if (SliceDistribution.replicated(table, rowsAfterWrite)) {
            return write(table, pages, 0, true);
        }
        long rows = pages.stream().mapToLong(Page::getPositionCount).sum();
        // each write continues the round-robin where the last one stopped, so small writes spread too
        List<List<Page>> routed = SliceDistribution.route(table, pages, roundRobin.getAndAdd(rows));
        List<RowGroup> groups = new ArrayList<>();
        List<DistinctSketch> distinct = TableState.noDistinctValues(table);
        for (int slice = 0; slice < routed.size(); slice++) {
            if (routed.get(slice).isEmpty()) {
                continue;
            }
            Run run = write(table, routed.get(slice), slice, false);
            groups.addAll(run.groups());
            distinct = TableState.merge(distinct, run.distinct());
        }
        return new Run(groups, distinct);
    }

    /** Writes {@code pages} as one sorted run on slice 0. */
    public Run write(TableDefinition table, List<Page> pages)
    {
        return write(table, pages, 0, false);
    }

    private Run write(TableDefinition table, List<Page> pages, int slice, boolean replicate)
    {
        int columnCount = table.columns().size();
        List<ColumnValues> columns = new ArrayList<>(columnCount);
        for (int ordinal = 0; ordinal < columnCount; ordinal++) {
            List<Block> blocks = new ArrayList<>(pages.size());
            for (Page page : pages) {
                blocks.add(page.getBlock(ordinal));
            }
            columns.add(ColumnValues.fromBlocks(table.columns().get(ordinal).storage(), blocks));
        }
        int rows = pages.stream().mapToInt(Page::getPositionCount).sum();
        if (rows == 0) {
            return new Run(List.of(), TableState.noDistinctValues(table));
        }
        List<DistinctSketch> distinct = columns.stream().map(DistinctSketch::of).toList();
        int[] order = order(table, columns, rows);
        List<RowGroup> groups = new ArrayList<>();
        int start = 0;
        while (start < rows) {
            int end = groupEnd(columns, order, start, rows);
            List<ColumnValues> groupColumns = new ArrayList<>(columnCount);
            for (ColumnValues column : columns) {
                groupColumns.add(column.select(order, start, end));
            }
            RowGroup group = store.writeGroup(table, groupColumns, slice, Optional.empty());
            groups.add(group);
            if (replicate) {
                for (int copy = 1; copy < table.sliceCount(); copy++) {
                    groups.add(store.writeGroup(table, groupColumns, copy, Optional.of(group.id())));
                }
            }
            start = end;
        }
        return new Run(groups, distinct);
    }

    /** One past the last position (in sorted order) of the group starting at {@code start}. */
    private int groupEnd(List<ColumnValues> columns, int[] order, int start, int rows)
    {
        int limit = Math.min(rows, start + rowsPerGroup);
        long[] bytes = new long[columns.size()];
        for (int i = start; i < limit; i++) {
            for (int column = 0; column < columns.size(); column++) {
                ColumnValues values = columns.get(column);
                bytes[column] += switch (values.type().kind()) {
                    case LONG -> values.type().width();
                    case INT128 -> 16;
                    case BYTES -> values.byteLength(order[i]) + 4;
                };
                if (bytes[column] >= targetBlockBytes) {
                    return i + 1;
                }
            }
        }
        return limit;
    }

    private static int[] order(TableDefinition table, List<ColumnValues> columns, int rows)
    {
        if (table.sortKey().isEmpty()) {
            return IntStream.range(0, rows).toArray();
        }
        if (table.sortStyle() == TableDefinition.SortStyle.INTERLEAVED && table.sortKey().size() > 1) {
            return interleavedOrder(table, columns, rows);
        }
        Comparator<Integer> comparator = null;
        for (int ordinal : table.sortKey()) {
            Comparator<Integer> column = columnOrder(columns.get(ordinal));
            comparator = comparator == null ? column : comparator.thenComparing(column);
        }
        return IntStream.range(0, rows).boxed().sorted(comparator).mapToInt(Integer::intValue).toArray();
    }

    /** Nulls last, as in PostgreSQL's ascending order. */
    private static Comparator<Integer> columnOrder(ColumnValues values)
    {
        return (left, right) -> {
            boolean leftNull = values.isNull(left);
            boolean rightNull = values.isNull(right);
            if (leftNull || rightNull) {
                return Boolean.compare(leftNull, rightNull);
            }
            return values.compare(left, right);
        };
    }

    /**
     * Z-order: each key column's rank scaled to the same number of bits, the bits interleaved,
     * so that no column dominates and a filter on any one of them finds its rows in few groups.
     */
    private static int[] interleavedOrder(TableDefinition table, List<ColumnValues> columns, int rows)
    {
        int keys = table.sortKey().size();
        int bitsPerKey = 63 / keys;
        long[][] ranks = new long[keys][];
        for (int key = 0; key < keys; key++) {
            ColumnValues values = columns.get(table.sortKey().get(key));
            int[] sorted = IntStream.range(0, rows).boxed().sorted(columnOrder(values)).mapToInt(Integer::intValue).toArray();
            long[] rank = new long[rows];
            int distinct = 0;
            for (int i = 0; i < rows; i++) {
                if (i > 0 && !values.sameValue(sorted[i - 1], sorted[i])) {
                    distinct++;
                }
                rank[sorted[i]] = distinct;
            }
            // spread the ranks over the key's bits
            double scale = distinct == 0 ? 0 : ((1L << bitsPerKey) - 1) / (double) distinct;
            for (int i = 0; i < rows; i++) {
                rank[i] = (long) (rank[i] * scale);
            }
            ranks[key] = rank;
        }
        long[] z = new long[rows];
        for (int row = 0; row < rows; row++) {
            long value = 0;
            for (int bit = bitsPerKey - 1; bit >= 0; bit--) {
                for (int key = 0; key < keys; key++) {
                    value = (value << 1) | ((ranks[key][row] >>> bit) & 1);
                }
            }
            z[row] = value;
        }
        Integer[] positions = IntStream.range(0, rows).boxed().toArray(Integer[]::new);
        Arrays.sort(positions, Comparator.comparingLong(position -> z[position]));
        return Arrays.stream(positions).mapToInt(Integer::intValue).toArray();
    }
}
