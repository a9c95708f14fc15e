package io.basin.execution.sort;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Sorts a range of unsigned 64-bit keys, carrying a parallel array of values along: a
 * least-significant-digit radix sort, a byte per pass. One counting pass finds the bytes in which
 * all keys agree and those passes are skipped, so keys with a narrow range (dates, small
 * integers, booleans) take two or three passes instead of eight. Stable, O(n) per pass, needs
 * scratch arrays as long as the range.
 */
public final class UnsignedRadixSort
{
    private static final int INSERTION_SORT_THRESHOLD = 64;
    private static final int DIGITS = Long.BYTES;
    private static final int RADIX = 256;

    private UnsignedRadixSort() {}

    public static void sort(long[] keys, long[] values, int from, int to, long[] keyScratch, long[] valueScratch)
    {
        checkArgument(from >= 0 && from <= to && to <= keys.length && to <= values.length, "invalid range");
        checkArgument(keyScratch.length >= to && valueScratch.length >= to, "scratch arrays are too short");
        int length = to - from;
        if (length < INSERTION_SORT_THRESHOLD) {
            insertionSort(keys, values, from, to);
            return;
        }

        int[][] counts = new int[DIGITS][RADIX];
        for (int index = from; index < to; index++) {
            long key = keys[index];
            for (int digit = 0; digit < DIGITS; digit++) {
                counts[digit][(int) (key >>> (digit * 8)) & 0xFF]++;
            }
        }

        long[] sourceKeys = keys;
        long[] sourceValues = values;
        long[] targetKeys = keyScratch;
        long[] targetValues = valueScratch;
        for (int digit = 0; digit < DIGITS; digit++) {
            int shift = digit * 8;
            int[] count = counts[digit];
            if (count[(int) (sourceKeys[from] >>> shift) & 0xFF] == length) {
                // every key has the same byte here
                continue;
            }
            int offset = from;
            for (int bucket = 0; bucket < RADIX; bucket++) {
                int bucketCount = count[bucket];
                count[bucket] = offset;
                offset += bucketCount;
            }
            for (int index = from; index < to; index++) {
                long key = sourceKeys[index];
                int target = count[(int) (key >>> shift) & 0xFF]++;
                targetKeys[target] = key;
                targetValues[target] = sourceValues[index];
            }
            long[] swap = sourceKeys;
            sourceKeys = targetKeys;
            targetKeys = swap;
            swap = sourceValues;
            sourceValues = targetValues;
            targetValues = swap;
        }
        if (sourceKeys != keys) {
            System.arraycopy(sourceKeys, from, keys, from, length);
            System.arraycopy(sourceValues, from, values, from, length);
        }
    }

    private static void insertionSort(long[] keys, long[] values, int from, int to)
    {
        for (int index = from + 1; index < to; index++) {
            long key = keys[index];
            long value = values[index];
            int target = index - 1;
            while (target >= from && Long.compareUnsigned(keys[target], key) > 0) {
                keys[target + 1] = keys[target];
                values[target + 1] = values[target];
                target--;
            }
            keys[target + 1] = key;
            values[target + 1] = value;
        }
    }
}
