package io.basin.execution.hash;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A dense set of keys is held exactly as a bitmap over its range, a sparse or extreme one as a Bloom filter; neither ever says a key is absent that was added. */
class TestLongKeyFilter
{
    @Test
    void denseKeysAreExact()
    {
        Random random = new Random(5);
        // supplier-like keys (2,000 of 1..10,000), order-like keys (a fifth of 6 M), negatives, one key
        assertExactBitmap(random, 2_000, 1, 10_000);
        assertExactBitmap(random, 300_000, 1, 6_000_000);
        assertExactBitmap(random, 2_000, -40_000, 40_000);
        assertExactBitmap(random, 1, 7, 7);
        // few keys over a range whose bitmap stays in the cache: TPC-H's 204 parts of 200,000
        assertExactBitmap(random, 204, 1, 200_000);
    }

    @Test
    void sparseOrExtremeKeysUseABloomFilter()
    {
        Random random = new Random(6);
        // 1,000 keys over a range of a billion: a bitmap would take 125 MB
        assertBloom(random, 1_000, 0, 1_000_000_000L);
        // 200 keys over 3 million: 15,000 bits per key and beyond the cached size
        assertBloom(random, 200, 1, 3_000_000);
        // a range wider than a long
        long[] keys = {Long.MIN_VALUE, 0, Long.MAX_VALUE};
        LongKeyFilter filter = LongKeyFilter.of(keys, keys.length);
        assertThat(filter).isInstanceOf(LongBloomFilter.class);
        for (long key : keys) {
            assertThat(filter.mightContain(key)).isTrue();
        }
        assertThat(filter.mightContain(Long.MIN_VALUE + 1) && filter.mightContain(1) && filter.mightContain(Long.MAX_VALUE - 1)).isFalse();
    }

    @Test
    void noKeys()
    {
        LongKeyFilter filter = LongKeyFilter.of(new long[0], 0);
        assertThat(filter.mightContain(0)).isFalse();
        assertThat(filter.mightContain(Long.MIN_VALUE)).isFalse();
    }

    private static void assertExactBitmap(Random random, int count, long min, long max)
    {
        Set<Long> added = new HashSet<>();
        LongKeyFilter filter = filter(random, count, min, max, added, LongBitmapFilter.class);
        // every value of the range and just outside it: present exactly when added
        for (long key = min - 70; key <= max + 70; key++) {
            assertThat(filter.mightContain(key)).as("key %s", key).isEqualTo(added.contains(key));
        }
        assertThat(filter.mightContain(Long.MIN_VALUE)).isFalse();
        assertThat(filter.mightContain(Long.MAX_VALUE)).isFalse();
    }

    private static void assertBloom(Random random, int count, long min, long max)
    {
        Set<Long> added = new HashSet<>();
        LongKeyFilter filter = filter(random, count, min, max, added, LongBloomFilter.class);
        for (long key : added) {
            assertThat(filter.mightContain(key)).as("added key %s", key).isTrue();
        }
    }

    /**
     * The filter of {@code count} keys drawn from [min, max] (both ends included, with repeats), which
     * must be of class {@code expected}; the keys go to {@code added}.
     */
    private static LongKeyFilter filter(Random random, int count, long min, long max, Set<Long> added, Class<? extends LongKeyFilter> expected)
    {
        long[] keys = new long[count];
        keys[0] = min;
        if (count > 1) {
            keys[1] = max;
        }
        for (int i = 2; i < count; i++) {
            keys[i] = min + random.nextLong(max - min + 1);
        }
        for (long key : keys) {
            added.add(key);
        }
        LongKeyFilter filter = LongKeyFilter.of(keys, keys.length);
        assertThat(filter).isInstanceOf(expected);
        return filter;
    }
}
