package io.basin.execution.hash;

/**
 * Approximate membership of long keys: never a false "absent", rarely (about 1%) a false
 * "present". A blocked Bloom filter: each key sets three bits of one 64-bit word, so a probe reads
 * one word, and at 16 bits per key the words of even a few hundred thousand keys stay in the CPU
 * cache, where a probe of a join's hash table chases its buckets, chains and keys through memory.
 * Also keeps the keys' range, which rejects keys outside it before hashing. Not thread-safe while
 * keys are added; safe to share once built.
 */
public final class LongBloomFilter
        implements LongKeyFilter
{
    private static final int BITS_PER_KEY = 16;

    private final long[] words;
    private final int mask;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    public LongBloomFilter(int expectedKeys)
    {
        // a power of two of words, at least BITS_PER_KEY bits per key
        long wordsNeeded = Math.min(1 << 30, Math.max(1, ((long) expectedKeys * BITS_PER_KEY + 63) / 64));
        int wordCount = 1 << (64 - Long.numberOfLeadingZeros(wordsNeeded - 1));
        this.words = new long[wordCount];
        this.mask = wordCount - 1;
    }

    public void add(long key)
    {
        long hash = KeyType.mix(key);
        words[(int) (hash >>> 40) & mask] |= bits(hash);
        min = Math.min(min, key);
        max = Math.max(max, key);
    }

    @Override
    public boolean mightContain(long key)
    {
        if (key < min || key > max) {
            return false;
        }
        long hash = KeyType.mix(key);
        long bits = bits(hash);
        return (words[(int) (hash >>> 40) & mask] & bits) == bits;
    }

    private static long bits(long hash)
    {
        return (1L << hash) | (1L << (hash >>> 6)) | (1L << (hash >>> 12));
    }

    @Override
    public long retainedBytes()
    {
        return words.length * 8L;
    }
}
