package io.basin.connector.warehouse.storage;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Where a table's rows go among its slices: DISTSTYLE KEY by the {@link SliceHash} of the
 * DISTKEY value; EVEN round-robin; ALL a copy on every slice; AUTO as ALL while the table is small
 * (at most {@link #AUTO_ALL_MAX_ROWS} rows including the rows being written), else as EVEN.
 */
public final class SliceDistribution
{
    /** Slices a table may have: more than any machine's cores, few enough for a per-slice hash table each. */
    public static final int MAX_SLICES = 1024;
    /**
     * An AUTO table is stored as ALL while it holds at most this many rows (the size of a small
     * dimension table, which every slice then joins locally); larger writes go EVEN, and VACUUM
     * decides again by the table's size.
     */
    public static final long AUTO_ALL_MAX_ROWS = 10_000;

    private SliceDistribution() {}

    /** Whether rows written now are copied to every slice, given the table's rows once they are written. */
    public static boolean replicated(TableDefinition table, long rowsAfterWrite)
    {
        if (table.sliceCount() == 1) {
            return false;
        }
        return switch (table.distStyle()) {
            case ALL -> true;
            case AUTO -> rowsAfterWrite <= AUTO_ALL_MAX_ROWS;
            case KEY, EVEN -> false;
        };
    }

    /**
     * The rows of {@code pages} by slice (for a table that is not replicated): KEY by hash, EVEN
     * (and AUTO) round-robin starting at slice {@code roundRobinStart}.
     */
    public static List<List<Page>> route(TableDefinition table, List<Page> pages, long roundRobinStart)
    {
        requireNonNull(pages, "pages is null");
        int slices = table.sliceCount();
        List<List<Page>> routed = new ArrayList<>(slices);
        for (int slice = 0; slice < slices; slice++) {
            routed.add(new ArrayList<>());
        }
        if (slices == 1) {
            routed.getFirst().addAll(pages);
            return routed;
        }
        long next = roundRobinStart;
        for (Page page : pages) {
            int positions = page.getPositionCount();
            int[] sliceOf = new int[positions];
            if (table.distStyle() == TableDefinition.DistStyle.KEY) {
                int key = table.distKey().orElseThrow();
                Type type = table.columns().get(key).type();
                Block block = page.getBlock(key);
                for (int position = 0; position < positions; position++) {
                    sliceOf[position] = SliceHash.slice(type, block, position, slices);
                }
            }
            else {
                for (int position = 0; position < positions; position++) {
                    sliceOf[position] = (int) Long.remainderUnsigned(next++, slices);
                }
            }
            int[] counts = new int[slices];
            for (int slice : sliceOf) {
                counts[slice]++;
            }
            int[][] positionsBySlice = new int[slices][];
            for (int slice = 0; slice < slices; slice++) {
                positionsBySlice[slice] = new int[counts[slice]];
                counts[slice] = 0;
            }
            for (int position = 0; position < positions; position++) {
                int slice = sliceOf[position];
                positionsBySlice[slice][counts[slice]++] = position;
            }
            for (int slice = 0; slice < slices; slice++) {
                int count = positionsBySlice[slice].length;
                if (count == positions) {
                    routed.get(slice).add(page);
                }
                else if (count > 0) {
                    routed.get(slice).add(page.copyPositions(positionsBySlice[slice], 0, count));
                }
            }
        }
        return routed;
    }
}
