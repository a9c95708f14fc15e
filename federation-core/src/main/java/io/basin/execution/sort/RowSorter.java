package io.basin.execution.sort;

import io.basin.execution.compare.NormalizedKeys;
import io.basin.execution.compare.RowComparator;
import io.basin.execution.compare.SortKey;
import io.basin.execution.compare.ValueKind;
import io.trino.spi.Page;
import io.trino.spi.block.Block;

import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The sort algorithm of {@link SortBuffer}: orders the {@link RowAddress}es of retained pages
 * of value blocks by a non-empty list of sort keys.
 *
 * <ol>
 * <li>Rows whose first key is NULL are set apart, at the front or the back as the key asks.</li>
 * <li>The other rows get the 64-bit normalized prefix of their first key ({@link NormalizedKeys})
 * and are ordered by it with an {@link UnsignedRadixSort}, which reads no row values.</li>
 * <li>Runs of equal prefixes are refined: by the remaining keys when the prefix holds the whole
 * first key, by further radix passes over the next bytes when the first key is a long string
 * (so strings sharing a long prefix, like {@code Customer#000000001}, are not sorted by
 * comparisons), and otherwise by a comparator-based {@link AddressSort} over all keys.</li>
 * <li>The NULL group is ordered by the remaining keys.</li>
 * </ol>
 *
 * A sort by one bigint, date, double, short string or similar key therefore never calls a
 * comparator. Works in place in arrays it allocates once; {@link #scratchBytes} tells how much
 * memory to reserve before constructing it.
 */
final class RowSorter
{
    // Below this many tied long strings, comparing is cheaper than another radix pass.
    private static final int STRING_RADIX_THRESHOLD = 64;
    // Past this many radix passes (448 bytes of common prefix), compare the rest.
    private static final int MAX_STRING_DEPTH = 64;

    private final Page[] pages;
    private final SortKey firstKey;
    private final ValueKind firstKind;
    private final long flip;
    private final AddressComparator remainingKeys;
    private final AddressComparator allKeys;

    private final long[] addresses;
    private final long[] prefixes;
    private final long[] prefixScratch;
    private final long[] addressScratch;
    private final long[] stringPrefixes;
    private final int nullStart;
    private final int nullEnd;

    /** The bytes of the arrays a sort of {@code rowCount} rows allocates besides the addresses it returns. */
    static long scratchBytes(List<SortKey> sortKeys, int rowCount)
    {
        // prefixes and two scratch arrays, and a second prefix array for the passes over strings
        int arrays = NormalizedKeys.isString(sortKeys.getFirst().kind()) ? 4 : 3;
        return (long) arrays * Long.BYTES * rowCount;
    }

    RowSorter(Page[] pages, int rowCount, List<SortKey> sortKeys)
    {
        checkArgument(!sortKeys.isEmpty(), "no sort keys");
        this.pages = pages;
        this.firstKey = sortKeys.getFirst();
        this.firstKind = firstKey.kind();
        // Descending order is the complement of the ascending prefix.
        this.flip = firstKey.ascending() ? 0 : -1L;
        List<SortKey> afterFirst = sortKeys.subList(1, sortKeys.size());
        this.remainingKeys = afterFirst.isEmpty() ? null : addressComparator(pages, RowComparator.of(afterFirst));
        this.allKeys = addressComparator(pages, RowComparator.of(sortKeys));

        this.addresses = new long[rowCount];
        this.prefixes = new long[rowCount];
        this.prefixScratch = new long[rowCount];
        this.addressScratch = new long[rowCount];
        this.stringPrefixes = NormalizedKeys.isString(firstKind) ? new long[rowCount] : null;

        int nullCount = countNulls();
        this.nullStart = firstKey.nullsFirst() ? 0 : rowCount - nullCount;
        this.nullEnd = nullStart + nullCount;
    }

    /** Sorts; afterwards {@link #addresses()} are in order. */
    void sort()
    {
        int nonNullStart = firstKey.nullsFirst() ? nullEnd : 0;
        int nonNullEnd = firstKey.nullsFirst() ? addresses.length : nullStart;
        fillAddressesAndPrefixes(nonNullStart);
        UnsignedRadixSort.sort(prefixes, addresses, nonNullStart, nonNullEnd, prefixScratch, addressScratch);
        refineRunsOfEqualPrefixes(prefixes, nonNullStart, nonNullEnd, 0);
        if (remainingKeys != null && nullEnd - nullStart > 1) {
            AddressSort.sort(addresses, nullStart, nullEnd, addressScratch, remainingKeys);
        }
    }

    long[] addresses()
    {
        return addresses;
    }

    private int countNulls()
    {
        int nulls = 0;
        for (Page page : pages) {
            Block block = page.getBlock(firstKey.channel());
            if (block.mayHaveNull()) {
                for (int position = 0; position < block.getPositionCount(); position++) {
                    if (block.isNull(position)) {
                        nulls++;
                    }
                }
            }
        }
        return nulls;
    }

    private void fillAddressesAndPrefixes(int nonNullStart)
    {
        int nextNonNull = nonNullStart;
        int nextNull = nullStart;
        for (int page = 0; page < pages.length; page++) {
            Block block = pages[page].getBlock(firstKey.channel());
            boolean mayHaveNull = block.mayHaveNull();
            for (int position = 0; position < block.getPositionCount(); position++) {
                long address = RowAddress.encode(page, position);
                if (mayHaveNull && block.isNull(position)) {
                    addresses[nextNull++] = address;
                }
                else {
                    prefixes[nextNonNull] = NormalizedKeys.prefix(firstKind, block, position) ^ flip;
                    addresses[nextNonNull++] = address;
                }
            }
        }
    }

    /**
     * Orders each run of rows in {@code [from, to)} whose {@code keys} (the prefixes of the first
     * key at string offset {@code depth * 7}) are equal.
     */
    private void refineRunsOfEqualPrefixes(long[] keys, int from, int to, int depth)
    {
        if (NormalizedKeys.isExact(firstKind) && remainingKeys == null) {
            return;
        }
        int runStart = from;
        while (runStart < to) {
            long key = keys[runStart];
            int runEnd = runStart + 1;
            while (runEnd < to && keys[runEnd] == key) {
                runEnd++;
            }
            if (runEnd - runStart > 1) {
                refineRun(key, runStart, runEnd, depth);
            }
            runStart = runEnd;
        }
    }

    private void refineRun(long key, int from, int to, int depth)
    {
        if (NormalizedKeys.isExact(firstKind, key ^ flip)) {
            // the first key is equal throughout the run
            if (remainingKeys != null) {
                AddressSort.sort(addresses, from, to, addressScratch, remainingKeys);
            }
            return;
        }
        if (stringPrefixes != null && to - from >= STRING_RADIX_THRESHOLD && depth < MAX_STRING_DEPTH) {
            // Every string here continues past the bytes the prefixes compared: radix sort the run
            // by its next bytes. The recursion only rewrites stringPrefixes inside this run, which
            // the caller's scan has already passed.
            int offset = (depth + 1) * NormalizedKeys.STRING_BYTES;
            for (int index = from; index < to; index++) {
                long address = addresses[index];
                Block block = pages[RowAddress.pageIndex(address)].getBlock(firstKey.channel());
                stringPrefixes[index] = NormalizedKeys.stringPrefix(firstKind, block, RowAddress.position(address), offset) ^ flip;
            }
            UnsignedRadixSort.sort(stringPrefixes, addresses, from, to, prefixScratch, addressScratch);
            refineRunsOfEqualPrefixes(stringPrefixes, from, to, depth + 1);
            return;
        }
        AddressSort.sort(addresses, from, to, addressScratch, allKeys);
    }

    private static AddressComparator addressComparator(Page[] pages, RowComparator comparator)
    {
        return (left, right) -> comparator.compare(
                pages[RowAddress.pageIndex(left)], RowAddress.position(left),
                pages[RowAddress.pageIndex(right)], RowAddress.position(right));
    }
}
