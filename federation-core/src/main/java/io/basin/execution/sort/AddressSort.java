package io.basin.execution.sort;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Sorts a range of {@link RowAddress}es with a comparator: a top-down merge sort over the
 * primitive array (no boxing), insertion sort for short ranges, and no merge when the halves are
 * already in order. Merge sort does fewer comparisons than quicksort, which matters because each
 * comparison reads row values; it is stable and never worse than O(n log n).
 */
public final class AddressSort
{
    private static final int INSERTION_SORT_THRESHOLD = 16;

    private AddressSort() {}

    /** Sorts {@code addresses[from, to)}; {@code scratch} must be at least {@code to} long. */
    public static void sort(long[] addresses, int from, int to, long[] scratch, AddressComparator comparator)
    {
        checkArgument(from >= 0 && from <= to && to <= addresses.length, "invalid range");
        checkArgument(scratch.length >= to, "scratch array is too short");
        mergeSort(addresses, from, to, scratch, comparator);
    }

    private static void mergeSort(long[] addresses, int from, int to, long[] scratch, AddressComparator comparator)
    {
        if (to - from <= INSERTION_SORT_THRESHOLD) {
            insertionSort(addresses, from, to, comparator);
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(addresses, from, middle, scratch, comparator);
        mergeSort(addresses, middle, to, scratch, comparator);
        if (comparator.compare(addresses[middle - 1], addresses[middle]) <= 0) {
            return;
        }
        System.arraycopy(addresses, from, scratch, from, middle - from);
        int left = from;
        int right = middle;
        int target = from;
        while (left < middle && right < to) {
            // "<= 0" takes the left row first among equals: stable
            if (comparator.compare(scratch[left], addresses[right]) <= 0) {
                addresses[target++] = scratch[left++];
            }
            else {
                addresses[target++] = addresses[right++];
            }
        }
        // whatever remains on the right is already in place
        System.arraycopy(scratch, left, addresses, target, middle - left);
    }

    private static void insertionSort(long[] addresses, int from, int to, AddressComparator comparator)
    {
        for (int index = from + 1; index < to; index++) {
            long address = addresses[index];
            int target = index - 1;
            while (target >= from && comparator.compare(addresses[target], address) > 0) {
                addresses[target + 1] = addresses[target];
                target--;
            }
            addresses[target + 1] = address;
        }
    }
}
