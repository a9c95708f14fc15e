package io.basin.execution.hash;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every added key is reported present; keys never added are rarely reported present. */
class TestLongBloomFilter
{
    @Test
    void noFalseNegativesAndFewFalsePositives()
    {
        Random random = new Random(11);
        for (int size : new int[] {0, 1, 10, 1_000, 228_000}) {
            LongBloomFilter filter = new LongBloomFilter(size);
            Set<Long> keys = new HashSet<>();
            while (keys.size() < size) {
                // sequential-ish keys with gaps, like order keys, plus extremes
                long key = keys.size() == 0 ? Long.MIN_VALUE : keys.size() == 1 ? Long.MAX_VALUE : random.nextLong(4 * (long) size);
                keys.add(key);
            }
            keys.forEach(filter::add);
            keys.forEach(key -> assertThat(filter.mightContain(key)).as("added key %s", key).isTrue());

            int probes = 100_000;
            int falsePositives = 0;
            for (int i = 0; i < probes; i++) {
                long key = random.nextLong(4 * (long) Math.max(size, 1));
                if (!keys.contains(key) && filter.mightContain(key)) {
                    falsePositives++;
                }
            }
            assertThat(falsePositives).as("false positives among %s probes for %s keys", probes, size).isLessThan(probes / 50);
        }
    }
}
