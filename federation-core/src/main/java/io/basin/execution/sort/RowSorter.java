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
 * of value blocks by a non-empty list of sort keys, one key at a time, most significant first:
 *
 * <ol>
 * <li>Rows whose key is NULL are moved to the front or the back of the range, as the key asks.</li>
 * <li>The other rows get the 64-bit normalized prefix of the key ({@link NormalizedKeys}) and
 * are ordered by it with an {@link UnsignedRadixSort}, which reads no row values while sorting.</li>
 * <li>Each run of equal prefixes is refined: by the next key, the same way, when the prefix holds
 * the whole value (fixed-width types, short strings); by further radix passes over the next bytes
 * when the key is a long string (so strings sharing a long prefix, like
 * {@code Customer#000000001}, are not sorted by comparisons); otherwise by a comparator-based
 * {@link AddressSort} over this key and the ones after it. The NULL group is refined by the next
 * key.</li>
 * </ol>
 *
 * Short ranges go straight to the comparator sort, where it is cheaper than a radix pass. A sort
 * by fixed-width keys and short strings ({@code PARTITION BY a ORDER BY b}, {@code ORDER BY
 * date, id}) therefore calls no comparator except on short ranges.
 *
 * <p>One array of keys serves every level: refining a run rewrites the keys only inside that
 * run, which the scan over the enclosing level has already passed.
 */
final class RowSorter
{
    // Below this many rows, comparing is cheaper than a radix pass.
    private static final int RADIX_THRESHOLD = 64;
    // Past this many radix passes over one string (448 bytes of common prefix), compare the rest.
    private static final int MAX_STRING_DEPTH = 64;

    private final Page[] pages;
    private final List<SortKey> sortKeys;
    // comparatorsFrom[i] orders by sortKeys[i..]
    private final AddressComparator[] comparatorsFrom;

    private final long[] addresses;
    private final long[] keys;
    private final long[] keyScratch;
    private final long[] addressScratch;

    /** The bytes of the arrays a sort of {@code rowCount} rows allocates besides the addresses it returns. */
    static long scratchBytes(int rowCount)
    {
        // keys and the radix sort's scratch copies of keys and addresses
        return 3L * Long.BYTES * rowCount;
    }

    RowSorter(Page[] pages, int rowCount, List<SortKey> sortKeys)
    {
        checkArgument(!sortKeys.isEmpty(), "no sort keys");
        this.pages = pages;
        this.sortKeys = List.copyOf(sortKeys);
        this.comparatorsFrom = new AddressComparator[sortKeys.size()];
        for (int key = 0; key < sortKeys.size(); key++) {
            comparatorsFrom[key] = addressComparator(pages, RowComparator.of(sortKeys.subList(key, sortKeys.size())));
        }
        this.addresses = new long[rowCount];
        this.keys = new long[rowCount];
        this.keyScratch = new long[rowCount];
        this.addressScratch = new long[rowCount];
    }

    /** Sorts; afterwards {@link #addresses()} are in order. */
    void sort()
    {
        int index = 0;
        for (int page = 0; page < pages.length; page++) {
            for (int position = 0; position < pages[page].getPositionCount(); position++) {
                addresses[index++] = RowAddress.encode(page, position);
            }
        }
        sortByKey(0, addresses.length, 0);
    }

    long[] addresses()
    {
        return addresses;
    }

    /** Orders {@code [from, to)}, whose rows are equal on the keys before {@code keyIndex}, by the rest. */
    private void sortByKey(int from, int to, int keyIndex)
    {
        if (to - from < 2) {
            return;
        }
        if (to - from < RADIX_THRESHOLD) {
            AddressSort.sort(addresses, from, to, addressScratch, comparatorsFrom[keyIndex]);
            return;
        }
        SortKey key = sortKeys.get(keyIndex);
        int channel = key.channel();
        int nonNullFrom = from;
        int nonNullTo = to;
        if (key.nullsFirst()) {
            for (int index = from; index < to; index++) {
                if (isNull(channel, addresses[index])) {
                    swap(index, nonNullFrom++);
                }
            }
        }
        else {
            for (int index = to - 1; index >= from; index--) {
                if (isNull(channel, addresses[index])) {
                    swap(index, --nonNullTo);
                }
            }
        }

        ValueKind kind = key.kind();
        // Descending order is the complement of the ascending prefix.
        long flip = key.ascending() ? 0 : -1L;
        for (int index = nonNullFrom; index < nonNullTo; index++) {
            long address = addresses[index];
            keys[index] = NormalizedKeys.prefix(kind, block(channel, address), RowAddress.position(address)) ^ flip;
        }
        UnsignedRadixSort.sort(keys, addresses, nonNullFrom, nonNullTo, keyScratch, addressScratch);
        refineRunsOfEqualKeys(nonNullFrom, nonNullTo, keyIndex, 0);

        if (keyIndex + 1 < sortKeys.size()) {
            if (key.nullsFirst()) {
                sortByKey(from, nonNullFrom, keyIndex + 1);
            }
            else {
                sortByKey(nonNullTo, to, keyIndex + 1);
            }
        }
    }

    /**
     * Refines each run of equal {@code keys} in {@code [from, to)}: the prefixes of key
     * {@code keyIndex} taken at string offset {@code depth * 7} (0 for other kinds).
     */
    private void refineRunsOfEqualKeys(int from, int to, int keyIndex, int depth)
    {
        boolean lastKey = keyIndex + 1 == sortKeys.size();
        if (lastKey && NormalizedKeys.isExact(sortKeys.get(keyIndex).kind())) {
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
                refineRun(key, runStart, runEnd, keyIndex, depth);
            }
            runStart = runEnd;
        }
    }

    private void refineRun(long key, int from, int to, int keyIndex, int depth)
    {
        SortKey sortKey = sortKeys.get(keyIndex);
        ValueKind kind = sortKey.kind();
        long flip = sortKey.ascending() ? 0 : -1L;
        if (NormalizedKeys.isExact(kind, key ^ flip)) {
            // the key is equal throughout the run: on to the next one
            if (keyIndex + 1 < sortKeys.size()) {
                sortByKey(from, to, keyIndex + 1);
            }
            return;
        }
        if (NormalizedKeys.isString(kind) && to - from >= RADIX_THRESHOLD && depth < MAX_STRING_DEPTH) {
            // Every string here continues past the bytes compared so far: sort by the next ones.
            int offset = (depth + 1) * NormalizedKeys.STRING_BYTES;
            int channel = sortKey.channel();
            for (int index = from; index < to; index++) {
                long address = addresses[index];
                keys[index] = NormalizedKeys.stringPrefix(kind, block(channel, address), RowAddress.position(address), offset) ^ flip;
            }
            UnsignedRadixSort.sort(keys, addresses, from, to, keyScratch, addressScratch);
            refineRunsOfEqualKeys(from, to, keyIndex, depth + 1);
            return;
        }
        AddressSort.sort(addresses, from, to, addressScratch, comparatorsFrom[keyIndex]);
    }

    private Block block(int channel, long address)
    {
        return pages[RowAddress.pageIndex(address)].getBlock(channel);
    }

    private boolean isNull(int channel, long address)
    {
        return block(channel, address).isNull(RowAddress.position(address));
    }

    private void swap(int left, int right)
    {
        long address = addresses[left];
        addresses[left] = addresses[right];
        addresses[right] = address;
    }

    private static AddressComparator addressComparator(Page[] pages, RowComparator comparator)
    {
        return (left, right) -> comparator.compare(
                pages[RowAddress.pageIndex(left)], RowAddress.position(left),
                pages[RowAddress.pageIndex(right)], RowAddress.position(right));
    }
}
