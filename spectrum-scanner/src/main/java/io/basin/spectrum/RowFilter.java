package io.basin.spectrum;

import io.airlift.slice.Slice;
import io.trino.spi.block.Block;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.IntArrayBlock;
import io.trino.spi.block.LongArrayBlock;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.connector.SourcePage;
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
import io.trino.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

import static io.trino.spi.type.TypeUtils.readNativeValue;
import static java.util.Objects.requireNonNull;

/**
 * The rows of a page that a scan's predicate accepts: each column's domain is checked exactly
 * (null only where the domain allows null). Columns whose values order like their stored longs
 * (integers, dates, short decimals, short timestamps) are compared as longs, varchar values as
 * byte strings (a set for IN lists, ranges otherwise); other types go through the domain itself.
 * Varchar and other non-long columns are decided once per dictionary entry when the decoder
 * hands over a dictionary-encoded block. Each scan task has its own filter (not thread-safe).
 */
final class RowFilter
{
    private final ColumnFilter[] filters;
    // after the domains: they read only the rows every domain kept
    private final ComparisonFilter[] comparisons;
    private final boolean rejectsAll;
    private int[] identity = new int[0];

    private RowFilter(List<ColumnFilter> filters, List<ComparisonFilter> comparisons, boolean rejectsAll)
    {
        this.filters = filters.toArray(ColumnFilter[]::new);
        this.comparisons = comparisons.toArray(ComparisonFilter[]::new);
        this.rejectsAll = rejectsAll;
    }

    /**
     * A filter for pages whose channels are {@code columns}; every column the predicate names
     * must be among them.
     */
    static RowFilter create(TupleDomain<ScanColumn> predicate, List<ScanColumn> columns)
    {
        return create(predicate, List.of(), columns);
    }

    /**
     * A filter for pages whose channels are {@code columns}, by the predicate and then the
     * comparisons; every column they name must be among the columns.
     */
    static RowFilter create(TupleDomain<ScanColumn> predicate, List<ColumnComparison> comparisons, List<ScanColumn> columns)
    {
        requireNonNull(predicate, "predicate is null");
        requireNonNull(comparisons, "comparisons is null");
        if (predicate.isNone()) {
            return new RowFilter(List.of(), List.of(), true);
        }
        List<ComparisonFilter> comparisonFilters = comparisons.stream()
                .map(comparison -> new ComparisonFilter(channelOf(columns, comparison.left()), comparison.operator(), channelOf(columns, comparison.right()), comparison.left().type()))
                .toList();
        List<ColumnFilter> filters = new ArrayList<>();
        for (Map.Entry<ScanColumn, Domain> entry : predicate.getDomains().orElseThrow().entrySet()) {
            Domain domain = entry.getValue();
            if (domain.isAll()) {
                continue;
            }
            int channel = channelOf(columns, entry.getKey());
            ColumnFilter filter;
            if (domain.isNone()) {
                filter = new DomainFilter(channel, domain);
            }
            else if (orderedAsLong(domain.getType()) && domain.getValues().isDiscreteSet() && domain.getValues().getRanges().getRangeCount() > LongSetFilter.MIN_VALUES) {
                filter = new LongSetFilter(channel, domain);
            }
            else if (orderedAsLong(domain.getType())) {
                filter = new LongRangesFilter(channel, domain);
            }
            else if (domain.getType() instanceof VarcharType) {
                filter = new VarcharFilter(channel, domain);
            }
            else {
                filter = new DomainFilter(channel, domain);
            }
            filters.add(filter);
        }
        return new RowFilter(filters, comparisonFilters, false);
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
        return !rejectsAll && filters.length == 0 && comparisons.length == 0;
    }

    /**
     * The accepted positions of {@code page}, in order, in {@code positions}; returns their count.
     * A column is read only while some row is still accepted, so of a lazy page whose rows all
     * fail an earlier column's test the later columns are never decoded.
     */
    int filter(SourcePage page, int[] positions)
    {
        if (rejectsAll) {
            return 0;
        }
        int count = page.getPositionCount();
        // copied, not counted out: a loop here made C2 compile this method on stack replacement
        // with the whole decoder inlined, 0.8 s of compiling for one query
        if (identity.length < count) {
            identity = new int[count];
            Arrays.setAll(identity, i -> i);
        }
        System.arraycopy(identity, 0, positions, 0, count);
        for (ColumnFilter filter : filters) {
            count = filter.filter(page.getBlock(filter.channel()), positions, count);
            if (count == 0) {
                return 0;
            }
        }
        for (ComparisonFilter comparison : comparisons) {
            count = comparison.filter(page, positions, count);
            if (count == 0) {
                return 0;
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

    /**
     * {@code left operator right} on two columns of one type held as ordered longs: both read at
     * the kept positions, then one loop with no branch per row; NULL on either side rejects.
     */
    private static final class ComparisonFilter
    {
        private final int leftChannel;
        private final int rightChannel;
        private final Type type;
        private final int acceptedOrderings;
        private final LongVector left = new LongVector();
        private final LongVector right = new LongVector();

        ComparisonFilter(int leftChannel, ColumnComparison.Operator operator, int rightChannel, Type type)
        {
            this.leftChannel = leftChannel;
            this.rightChannel = rightChannel;
            this.type = requireNonNull(type, "type is null");
            this.acceptedOrderings = operator.acceptedOrderings();
        }

        int filter(SourcePage page, int[] positions, int count)
        {
            left.load(page.getBlock(leftChannel), type, positions, count);
            right.load(page.getBlock(rightChannel), type, positions, count);
            long[] lefts = left.values;
            long[] rights = right.values;
            int accepted = acceptedOrderings;
            int kept = 0;
            if (!left.mayHaveNull && !right.mayHaveNull) {
                for (int i = 0; i < count; i++) {
                    positions[kept] = positions[i];
                    kept += accepted >>> (Long.compare(lefts[i], rights[i]) + 1) & 1;
                }
                return kept;
            }
            boolean[] leftNulls = left.nulls;
            boolean[] rightNulls = right.nulls;
            for (int i = 0; i < count; i++) {
                positions[kept] = positions[i];
                int pass = accepted >>> (Long.compare(lefts[i], rights[i]) + 1) & 1;
                kept += leftNulls[i] | rightNulls[i] ? 0 : pass;
            }
            return kept;
        }
    }

    private interface ColumnFilter
    {
        int channel();

        /** Keeps those of the first {@code count} {@code positions} whose value passes; returns how many. */
        int filter(Block block, int[] positions, int count);
    }

    /**
     * A filter that decides value by value; for a dictionary-encoded block each dictionary entry
     * is decided once (the decoder reuses a column chunk's dictionary across its pages), and a
     * run-length encoded block once.
     */
    private abstract static class ValueFilter
            implements ColumnFilter
    {
        private final int channel;
        private Block dictionary;
        // per entry of the dictionary: 0 not decided yet, 1 accepted, 2 rejected
        private byte[] dictionaryDecisions;

        ValueFilter(int channel)
        {
            this.channel = channel;
        }

        @Override
        public final int channel()
        {
            return channel;
        }

        /** Whether the value at {@code position} passes, null included. */
        abstract boolean accepts(Block block, int position);

        @Override
        public final int filter(Block block, int[] positions, int count)
        {
            if (block instanceof RunLengthEncodedBlock runLength) {
                return accepts(runLength.getValue(), 0) ? count : 0;
            }
            if (block instanceof DictionaryBlock dictionaryBlock) {
                return filterDictionary(dictionaryBlock, positions, count);
            }
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int position = positions[i];
                if (accepts(block, position)) {
                    positions[kept++] = position;
                }
            }
            return kept;
        }

        private int filterDictionary(DictionaryBlock block, int[] positions, int count)
        {
            Block values = block.getDictionary();
            if (values != dictionary) {
                dictionary = values;
                dictionaryDecisions = new byte[values.getPositionCount()];
            }
            byte[] decisions = dictionaryDecisions;
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int position = positions[i];
                int id = block.getId(position);
                byte decision = decisions[id];
                if (decision == 0) {
                    decision = accepts(values, id) ? (byte) 1 : (byte) 2;
                    decisions[id] = decision;
                }
                if (decision == 1) {
                    positions[kept++] = position;
                }
            }
            return kept;
        }
    }

    /** Any type, through the domain itself (boxes each value it decides). */
    private static final class DomainFilter
            extends ValueFilter
    {
        private final Domain domain;
        private final Type type;

        DomainFilter(int channel, Domain domain)
        {
            super(channel);
            this.domain = domain;
            this.type = domain.getType();
        }

        @Override
        boolean accepts(Block block, int position)
        {
            return domain.includesNullableValue(readNativeValue(type, block, position));
        }
    }

    /**
     * Varchar values compared as byte strings, the order of {@link VarcharType}: a hash set when
     * every range is a single value (IN lists, equality), else sorted disjoint ranges.
     */
    private static final class VarcharFilter
            extends ValueFilter
    {
        private final VarcharType type;
        private final boolean nullAllowed;
        private final Set<Slice> values;
        // the ranges, when not all single values: null bounds are unbounded
        private final Slice[] lows;
        private final Slice[] highs;
        private final boolean[] lowInclusive;
        private final boolean[] highInclusive;

        VarcharFilter(int channel, Domain domain)
        {
            super(channel);
            this.type = (VarcharType) domain.getType();
            this.nullAllowed = domain.isNullAllowed();
            List<Range> ranges = domain.getValues().getRanges().getOrderedRanges();
            if (ranges.stream().allMatch(Range::isSingleValue)) {
                values = new HashSet<>();
                ranges.forEach(range -> values.add((Slice) range.getSingleValue()));
                lows = null;
                highs = null;
                lowInclusive = null;
                highInclusive = null;
                return;
            }
            values = null;
            int size = ranges.size();
            lows = new Slice[size];
            highs = new Slice[size];
            lowInclusive = new boolean[size];
            highInclusive = new boolean[size];
            for (int i = 0; i < size; i++) {
                Range range = ranges.get(i);
                lows[i] = range.isLowUnbounded() ? null : (Slice) range.getLowBoundedValue();
                lowInclusive[i] = range.isLowUnbounded() || range.isLowInclusive();
                highs[i] = range.isHighUnbounded() ? null : (Slice) range.getHighBoundedValue();
                highInclusive[i] = range.isHighUnbounded() || range.isHighInclusive();
            }
        }

        @Override
        boolean accepts(Block block, int position)
        {
            if (block.isNull(position)) {
                return nullAllowed;
            }
            Slice value = type.getSlice(block, position);
            if (values != null) {
                return values.contains(value);
            }
            // the last range starting at or below the value is the only one that can hold it
            int low = 0;
            int high = lows.length - 1;
            int candidate = -1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (lows[middle] == null || lows[middle].compareTo(value) <= 0) {
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
            int fromLow = lows[candidate] == null ? 1 : value.compareTo(lows[candidate]);
            int toHigh = highs[candidate] == null ? -1 : value.compareTo(highs[candidate]);
            return (fromLow > 0 || fromLow == 0 && lowInclusive[candidate]) && (toHigh < 0 || toHigh == 0 && highInclusive[candidate]);
        }
    }

    /**
     * A long filter's decision for each entry of a dictionary-encoded block's dictionary, made for
     * the whole dictionary at once when it is not larger than the pages it serves (a decoder hands
     * over one dictionary for all pages of a column chunk: a date column's few thousand days, a
     * discount's eleven values). Rows then take their entry's decision by id, with no branch: before,
     * each row's value was gathered from the dictionary and compared again.
     */
    private static final class EntryDecisions
    {
        private Block dictionary;
        // per entry: 1 accepted, 0 rejected
        private byte[] decisions;

        /**
         * The decisions for {@code block}'s dictionary, or null when it is too large to decide
         * whole: measured against the page, not against the rows earlier filters left, since the
         * decisions serve every page of the chunk.
         */
        byte[] of(DictionaryBlock block, Type type, boolean nullAllowed, LongVector scratch, LongPredicate accepts)
        {
            Block values = block.getDictionary();
            if (values == dictionary) {
                return decisions;
            }
            int entries = values.getPositionCount();
            if (entries > Math.max(2 * block.getPositionCount(), 1024)) {
                return null;
            }
            int[] all = new int[entries];
            Arrays.setAll(all, i -> i);
            scratch.load(values, type, all, entries);
            byte[] decided = new byte[entries];
            for (int entry = 0; entry < entries; entry++) {
                boolean accepted = scratch.mayHaveNull && scratch.nulls[entry] ? nullAllowed : accepts.test(scratch.values[entry]);
                decided[entry] = accepted ? (byte) 1 : 0;
            }
            dictionary = values;
            decisions = decided;
            return decided;
        }

        static int filter(DictionaryBlock block, byte[] decisions, int[] positions, int count)
        {
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int position = positions[i];
                positions[kept] = position;
                kept += decisions[block.getId(position)];
            }
            return kept;
        }
    }

    /**
     * A set of many values (the keys of a join the engine offers as a dynamic filter: thousands of
     * part keys), tested for every row, so the test must cost about a nanosecond: a bitmap over the
     * values' range when that range is small enough (join keys mostly are dense integers), else an
     * open-addressing hash set. A binary search through the values mispredicts a branch per step.
     */
    private static final class LongSetFilter
            implements ColumnFilter
    {
        /** Up to this many values a binary search is as fast, and {@link LongRangesFilter} does it. */
        static final int MIN_VALUES = 16;
        /** The largest bitmap: 1 MB, which stays in the cache while a page is filtered. */
        private static final long MAX_BITMAP_BITS = 1L << 23;
        /** Marks an empty slot of the hash set; whether the set holds this value itself is kept apart. */
        private static final long EMPTY = Long.MIN_VALUE;

        private final int channel;
        private final Type type;
        private final boolean nullAllowed;
        private final LongVector vector = new LongVector();
        // the bitmap: bit (value - min) of words, for values up to min + span
        private final long min;
        private final long span;
        private final long[] words;
        // or the hash set
        private final long[] slots;
        private final int mask;
        private final boolean containsEmptyMarker;
        private final EntryDecisions entryDecisions = new EntryDecisions();

        LongSetFilter(int channel, Domain domain)
        {
            this.channel = channel;
            this.type = domain.getType();
            this.nullAllowed = domain.isNullAllowed();
            List<Object> values = domain.getValues().getDiscreteSet();
            long least = Long.MAX_VALUE;
            long greatest = Long.MIN_VALUE;
            for (Object value : values) {
                least = Math.min(least, (Long) value);
                greatest = Math.max(greatest, (Long) value);
            }
            min = least;
            // unsigned: a range over half the longs overflows, and takes the hash set
            span = greatest - least;
            if (span >= 0 && span < MAX_BITMAP_BITS) {
                words = new long[(int) (span >>> 6) + 1];
                for (Object value : values) {
                    long offset = (Long) value - least;
                    words[(int) (offset >>> 6)] |= 1L << offset;
                }
                slots = null;
                mask = 0;
                containsEmptyMarker = false;
                return;
            }
            words = null;
            // at most half full: short probe sequences
            int capacity = Integer.highestOneBit(Math.max(values.size(), 8) * 4 - 1);
            slots = new long[capacity];
            Arrays.fill(slots, EMPTY);
            mask = capacity - 1;
            boolean emptyMarker = false;
            for (Object value : values) {
                long key = (Long) value;
                if (key == EMPTY) {
                    emptyMarker = true;
                    continue;
                }
                int slot = slot(key);
                while (slots[slot] != EMPTY && slots[slot] != key) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = key;
            }
            containsEmptyMarker = emptyMarker;
        }

        private int slot(long key)
        {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
        }

        @Override
        public int channel()
        {
            return channel;
        }

        @Override
        public int filter(Block block, int[] positions, int count)
        {
            if (block instanceof DictionaryBlock dictionaryBlock) {
                byte[] decisions = entryDecisions.of(dictionaryBlock, type, nullAllowed, vector, this::contains);
                if (decisions != null) {
                    return EntryDecisions.filter(dictionaryBlock, decisions, positions, count);
                }
            }
            LongVector vector = this.vector;
            vector.load(block, type, positions, count);
            long[] values = vector.values;
            boolean[] nulls = vector.nulls;
            boolean mayHaveNull = vector.mayHaveNull;
            int kept = 0;
            if (words != null && !mayHaveNull) {
                long[] words = this.words;
                long min = this.min;
                long span = this.span;
                for (int i = 0; i < count; i++) {
                    long offset = values[i] - min;
                    // no branch per row: whether a key can join is as good as random
                    boolean member = Long.compareUnsigned(offset, span) <= 0 && (words[(int) (offset >>> 6)] & (1L << offset)) != 0;
                    positions[kept] = positions[i];
                    kept += member ? 1 : 0;
                }
                return kept;
            }
            for (int i = 0; i < count; i++) {
                boolean accepted = mayHaveNull && nulls[i] ? nullAllowed : contains(values[i]);
                if (accepted) {
                    positions[kept++] = positions[i];
                }
            }
            return kept;
        }

        private boolean contains(long value)
        {
            if (words != null) {
                long offset = value - min;
                return Long.compareUnsigned(offset, span) <= 0 && (words[(int) (offset >>> 6)] & (1L << offset)) != 0;
            }
            if (value == EMPTY) {
                return containsEmptyMarker;
            }
            long[] slots = this.slots;
            int slot = slot(value);
            while (true) {
                long stored = slots[slot];
                if (stored == value) {
                    return true;
                }
                if (stored == EMPTY) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    /** Sorted, disjoint ranges of long values, searched by binary search; a single range tested in place. */
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
        // a single range as its least accepted value and its width (both ends included), compared
        // unsigned in one test: a value v is in it when v - least <= width, unsigned
        private final boolean singleRange;
        private final long least;
        private final long width;
        // the filtered column's values, reused page after page (a filter belongs to one task)
        private final LongVector vector = new LongVector();
        private final EntryDecisions entryDecisions = new EntryDecisions();

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
            // an excluded end moves in by one; a range left without values (only possible at the
            // extremes, e.g. below Long.MIN_VALUE) is searched like several ranges
            boolean one = size == 1 && (lowInclusive[0] || lows[0] != Long.MAX_VALUE) && (highInclusive[0] || highs[0] != Long.MIN_VALUE);
            long first = one ? (lowInclusive[0] ? lows[0] : lows[0] + 1) : 0;
            long last = one ? (highInclusive[0] ? highs[0] : highs[0] - 1) : 0;
            singleRange = one && first <= last;
            least = first;
            width = last - first;
        }

        @Override
        public int channel()
        {
            return channel;
        }

        @Override
        public int filter(Block block, int[] positions, int count)
        {
            if (singleRange) {
                // the flat blocks a decoder makes, read in place: no copy of the values
                switch (block) {
                    case LongArrayBlock longs when !longs.mayHaveNull() -> {
                        return filter(longs, positions, count);
                    }
                    case IntArrayBlock ints when !ints.mayHaveNull() -> {
                        return filter(ints, positions, count);
                    }
                    default -> {
                        // dictionary, run-length, nullable and other blocks: below
                    }
                }
            }
            if (block instanceof DictionaryBlock dictionaryBlock) {
                byte[] decisions = entryDecisions.of(dictionaryBlock, type, nullAllowed, vector, this::contains);
                if (decisions != null) {
                    return EntryDecisions.filter(dictionaryBlock, decisions, positions, count);
                }
            }
            // the values read once into longs (one loop per block class), then compared in a tight loop
            LongVector vector = this.vector;
            vector.load(block, type, positions, count);
            long[] values = vector.values;
            boolean[] nulls = vector.nulls;
            boolean mayHaveNull = vector.mayHaveNull;
            int kept = 0;
            if (singleRange) {
                for (int i = 0; i < count; i++) {
                    boolean accepted = mayHaveNull && nulls[i] ? nullAllowed : Long.compareUnsigned(values[i] - least, width) <= 0;
                    positions[kept] = positions[i];
                    kept += accepted ? 1 : 0;
                }
                return kept;
            }
            for (int i = 0; i < count; i++) {
                boolean accepted = mayHaveNull && nulls[i] ? nullAllowed : contains(values[i]);
                if (accepted) {
                    positions[kept++] = positions[i];
                }
            }
            return kept;
        }

        // no branch per row in the next two: a comparison that keeps rows by chance would
        // mispredict on every other row
        private int filter(LongArrayBlock block, int[] positions, int count)
        {
            long least = this.least;
            long width = this.width;
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int position = positions[i];
                positions[kept] = position;
                kept += Long.compareUnsigned(block.getLong(position) - least, width) <= 0 ? 1 : 0;
            }
            return kept;
        }

        private int filter(IntArrayBlock block, int[] positions, int count)
        {
            long least = this.least;
            long width = this.width;
            int kept = 0;
            for (int i = 0; i < count; i++) {
                int position = positions[i];
                positions[kept] = position;
                kept += Long.compareUnsigned(block.getInt(position) - least, width) <= 0 ? 1 : 0;
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
