package io.basin.connector.warehouse.format;

/** Packs unsigned values of a fixed bit width into 64-bit words, lowest bits first. */
final class BitPacking
{
    private BitPacking() {}

    /** Bits needed for the unsigned values whose bitwise OR is {@code union}. */
    static int bitsFor(long union)
    {
        return 64 - Long.numberOfLeadingZeros(union);
    }

    static int words(int count, int bits)
    {
        return (int) ((count * (long) bits + 63) / 64);
    }

    static void pack(long[] values, int offset, int count, int bits, BlockOutput output)
    {
        if (bits == 0) {
            return;
        }
        long word = 0;
        int used = 0;
        for (int i = 0; i < count; i++) {
            long value = values[offset + i];
            word |= value << used;
            int free = 64 - used;
            if (bits >= free) {
                output.writeLong(word);
                // the value's bits that did not fit; a shift by 64 would be a no-op in Java
                word = free == 64 ? 0 : value >>> free;
                used = bits - free;
            }
            else {
                used += bits;
            }
        }
        if (used > 0) {
            output.writeLong(word);
        }
    }

    static void unpack(long[] words, int count, int bits, long[] target, int offset)
    {
        if (bits == 0) {
            java.util.Arrays.fill(target, offset, offset + count, 0);
            return;
        }
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        long bit = 0;
        for (int i = 0; i < count; i++) {
            int wordIndex = (int) (bit >>> 6);
            int shift = (int) (bit & 63);
            long value = words[wordIndex] >>> shift;
            if (shift + bits > 64) {
                value |= words[wordIndex + 1] << (64 - shift);
            }
            target[offset + i] = value & mask;
            bit += bits;
        }
    }
}
