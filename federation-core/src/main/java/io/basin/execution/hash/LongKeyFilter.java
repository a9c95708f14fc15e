package io.basin.execution.hash;

/**
 * Which long keys may be among a set of keys, with no false "absent": a dynamic filter's test of
 * a probe row's key against a join's build keys. {@link #of} picks the representation.
 */
public sealed interface LongKeyFilter
        permits LongBitmapFilter, LongBloomFilter
{
    /** Bits per key up to which the keys' range is held as an exact bitmap rather than a Bloom filter. */
    int BITMAP_BITS_PER_KEY = 64;
    /** A bitmap of up to 256 kB, which stays in the CPU's cache, is taken whatever the number of keys. */
    long CACHED_BITMAP_BITS = 1L << 21;
    /** The largest bitmap: 8 MB, as large as the Bloom filter of a few million keys. */
    long MAX_BITMAP_BITS = 1L << 26;

    boolean mightContain(long key);

    long retainedBytes();

    /**
     * A filter of {@code keys[0..count)}: an exact bitmap over their range when that range is dense
     * enough (join keys are mostly dense integers: a few words per thousand keys, one load and no
     * hashing per probe, and no false positives), else a Bloom filter.
     */
    static LongKeyFilter of(long[] keys, int count)
    {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, keys[i]);
            max = Math.max(max, keys[i]);
        }
        long range = max - min + 1;
        // a range past Long.MAX_VALUE wraps to zero or below
        if (count > 0 && range > 0 && range <= Math.min(MAX_BITMAP_BITS, Math.max(CACHED_BITMAP_BITS, (long) count * BITMAP_BITS_PER_KEY))) {
            LongBitmapFilter bitmap = new LongBitmapFilter(min, max);
            for (int i = 0; i < count; i++) {
                bitmap.add(keys[i]);
            }
            return bitmap;
        }
        LongBloomFilter bloom = new LongBloomFilter(count);
        for (int i = 0; i < count; i++) {
            bloom.add(keys[i]);
        }
        return bloom;
    }
}
