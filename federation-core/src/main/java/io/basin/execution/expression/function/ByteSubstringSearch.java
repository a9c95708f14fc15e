package io.basin.execution.expression.function;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Finds a fixed byte string in a byte range, eight candidate positions per step: two 64-bit loads
 * test, for eight starting positions at once, whether the needle's first and last bytes are in
 * place (a zero byte of {@code (word ^ first) | (word' ^ last)}), and only those positions are
 * compared in full. A LIKE '%special%requests%' over a column of 50-byte comments mostly finds
 * nothing, so the cost is the scan itself: a byte-at-a-time search paid for every byte.
 * Immutable; one instance per needle.
 */
public final class ByteSubstringSearch
{
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;

    private final byte[] needle;
    private final long firstBytes;
    private final long lastBytes;

    public ByteSubstringSearch(byte[] needle)
    {
        this.needle = requireNonNull(needle, "needle is null").clone();
        this.firstBytes = needle.length == 0 ? 0 : (needle[0] & 0xFFL) * ONES;
        this.lastBytes = needle.length == 0 ? 0 : (needle[needle.length - 1] & 0xFFL) * ONES;
    }

    public int length()
    {
        return needle.length;
    }

    /** The first index in {@code [from, to)} where the needle starts and ends before {@code to}, or -1. */
    public int indexOf(byte[] haystack, int from, int to)
    {
        int length = needle.length;
        if (length == 0) {
            return from <= to ? from : -1;
        }
        int lastStart = to - length;
        int position = from;
        // both loads stay inside [from, to): the second ends at position + length + 6
        int wordEnd = to - length - 7;
        while (position <= wordEnd) {
            long candidates = (((long) LONGS.get(haystack, position)) ^ firstBytes) | (((long) LONGS.get(haystack, position + length - 1)) ^ lastBytes);
            // a high bit for each zero byte (and possibly for a byte above one: those are verified too)
            long zeros = (candidates - ONES) & ~candidates & HIGHS;
            while (zeros != 0) {
                int start = position + (Long.numberOfTrailingZeros(zeros) >>> 3);
                if (matchesAt(haystack, start)) {
                    return start;
                }
                zeros &= zeros - 1;
            }
            position += 8;
        }
        for (; position <= lastStart; position++) {
            if (matchesAt(haystack, position)) {
                return position;
            }
        }
        return -1;
    }

    private boolean matchesAt(byte[] haystack, int start)
    {
        int length = needle.length;
        return haystack[start] == needle[0]
                && haystack[start + length - 1] == needle[length - 1]
                && (length <= 2 || Arrays.equals(haystack, start + 1, start + length - 1, needle, 1, length - 1));
    }
}
