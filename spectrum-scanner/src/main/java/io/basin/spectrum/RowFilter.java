package io.basin.spectrum;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.trino.spi.type.TypeUtils.readNativeValue;
import static java.util.Objects.requireNonNull;

/**
 * The rows of a page that a scan's predicate accepts: each column's domain is checked exactly
 * (null only where the domain allows null). Columns whose values order like their stored longs
 * (integers, dates, short decimals, short timestamps) are compared as longs; other types go
 * through the domain itself.
 */
final class RowFilter
{
    private final ColumnFilter[] filters;
    private final boolean rejectsAll;

    private RowFilter(List<ColumnFilter> filters, boolean rejectsAll)
    {
        this.filters = filters.toArray(ColumnFilter[]::new);
        this.rejectsAll = rejectsAll;
    }

    /**
     * A filter for pages whose channels are {@code columns}; every column the predicate names
     * must be among them.
     */
    static RowFilter create(TupleDomain<ScanColumn> predicate, List<ScanColumn> columns)
    {
        requireNonNull(predicate, "predicate is null");
        if (predicate.isNone()) {
            return new RowFilter(List.of(), true);
        }
        List<ColumnFilter> filters = new ArrayList<>();
        for (Map.Entry<ScanColumn, Domain> entry : predicate.getDomains().orElseThrow().entrySet()) {
            Domain domain = entry.getValue();
            if (domain.isAll()) {
                continue;
            }
            int channel = channelOf(columns, entry.getKey());
            filters.add(orderedAsLong(domain.getType()) && !domain.isNone()
                    ? new LongRangesFilter(channel, domain)
                    : new DomainFilter(channel, domain));
        }
        return new RowFilter(filters, false);
    }

    static int channelOf(List<ScanColumn> columns, ScanColumn column)
    {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).fieldId() == column.fieldId()) {
                return i;
            }
        }
        throw new IllegalArgumentException("The predicate's column %s is not read".formatted(column.name()));
    }

    boolean acceptsAll()
    {
        return !rejectsAll && filters.length == 0;
    }

    /** The accepted positions of {@code page}, in order, in {@code positions}; returns their count. */
    int filter(Page page, int[] positions)
    {
        if (rejectsAll) {
            return 0;
        }
        int count = page.getPositionCount();
        for (int i = 0; i < count; i++) {
            positions[i] = i;
        }
        for (ColumnFilter filter : filters) {
            count = filter.filter(page.getBlock(filter.channel()), positions, count);
            if (count == 0) {
                break;
            }
        }
        return count;
    }

    /** Whether the type's values order like the longs that hold them. */
    static boolean orderedAsLong(Type type)
    {
        return type instanceof BigintType || type instanceof IntegerType || type instanceof SmallintType || type instanceof TinyintType
                || type instanceof DateType
                || type instanceof DecimalType decimal && decimal.isShort()
                || type instanceof TimestampType timestamp && timestamp.isShort();
    }

    private interface ColumnFilter
    {
        int channel();

        /** Keeps those of the first {@code count} {@code positions} whose value passes; returns how many. */
        int filter(Block block, int[] positions, int count);
    }

    private record DomainFilter(int channel, Domain domain)
            implements ColumnFilter
    {
        @Override
        public int filter(Block block, int[] positions, int count)
        {
            Type type = domain.getType();
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int position = positions[i];
                if (domain.includesNullableValue(readNativeValue(type, block, position))) {
                    positions[kept++] = position;
                }
            }
            return kept;
        }
    }

    /** Sorted, disjoint ranges of long values, searched by binary search. */
    private static final class LongRangesFilter
            implements ColumnFilter
    {
        private final int channel;
        private final Type type;
        private final boolean nullAllowed;
        private final long[] lows;
        private final long[] highs;
        private final boolean[] lowInclusive;
        private final boolean[] highInclusive;

        LongRangesFilter(int channel, Domain domain)
        {
            this.channel = channel;
            this.type = domain.getType();
            this.nullAllowed = domain.isNullAllowed();
            List<Range> ranges = domain.getValues().getRanges().getOrderedRanges();
            int size = ranges.size();
            lows = new long[size];
            highs = new long[size];
            lowInclusive = new boolean[size];
            highInclusive = new boolean[size];
            for (int i = 0; i < size; i++) {
                Range range = ranges.get(i);
                // an unbounded end becomes the extreme long, included: no stored value lies beyond it
                lows[i] = range.isLowUnbounded() ? Long.MIN_VALUE : (long) range.getLowBoundedValue();
                lowInclusive[i] = range.isLowUnbounded() || range.isLowInclusive();
                highs[i] = range.isHighUnbounded() ? Long.MAX_VALUE : (long) range.getHighBoundedValue();
                highInclusive[i] = range.isHighUnbounded() || range.isHighInclusive();
            }
        }

        @Override
        public int channel()
        {
            return channel;
        }

        @Override
        public int filter(Block block, int[] positions, int count)
        {
            boolean mayHaveNull = block.mayHaveNull();
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int position = positions[i];
                boolean accepted = mayHaveNull && block.isNull(position) ? nullAllowed : contains(type.getLong(block, position));
                if (accepted) {
                    positions[kept++] = position;
                }
            }
            return kept;
        }

        private boolean contains(long value)
        {
            // the last range starting at or below the value is the only one that can hold it
            int low = 0;
            int high = lows.length - 1;
            int candidate = -1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (lows[middle] <= value) {
                    candidate = middle;
                    low = middle + 1;
                }
                else {
                    high = middle - 1;
                }
            }
            if (candidate < 0) {
                return false;
            }
            boolean aboveLow = value > lows[candidate] || lowInclusive[candidate];
            boolean belowHigh = value < highs[candidate] || value == highs[candidate] && highInclusive[candidate];
            return aboveLow && belowHigh;
        }
    }
}
