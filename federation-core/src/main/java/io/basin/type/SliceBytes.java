package io.basin.type;

import io.airlift.slice.Slice;

import java.util.Arrays;

/**
 * Equality of byte ranges of slices, tuned for the short values most keys and compared strings are
 * (codes, flags, names): up to 16 bytes a loop over the arrays, which costs less than the call
 * into {@code Arrays.mismatch} behind {@link Slice#equals}.
 */
public final class SliceBytes
{
    private static final int SHORT_BYTES = 16;

    private SliceBytes() {}

    public static boolean equal(Slice left, int leftOffset, Slice right, int rightOffset, int length)
    {
        return equal(left.byteArray(), left.byteArrayOffset() + leftOffset, right, rightOffset, length);
    }

    /** Whether {@code left[leftOffset, leftOffset + length)} holds the bytes of {@code right} at {@code rightOffset}. */
    public static boolean equal(byte[] left, int leftOffset, Slice right, int rightOffset, int length)
    {
        byte[] rightBytes = right.byteArray();
        int rightBase = right.byteArrayOffset() + rightOffset;
        if (length > SHORT_BYTES) {
            return Arrays.equals(left, leftOffset, leftOffset + length, rightBytes, rightBase, rightBase + length);
        }
        for (int i = 0; i < length; i++) {
            if (left[leftOffset + i] != rightBytes[rightBase + i]) {
                return false;
            }
        }
        return true;
    }
}
