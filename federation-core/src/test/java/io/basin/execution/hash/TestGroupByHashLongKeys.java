package io.basin.execution.hash;

import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One long-stored key has its own table (keys beside group ids): its groups must be exactly the
 * distinct values, NULL one group of its own, across growth from a few groups to many, over plain
 * blocks with and without NULLs and over dictionary blocks; the keys written back are the values.
 */
class TestGroupByHashLongKeys
{
    @Test
    void bigintGroupsAreTheDistinctValues()
    {
        assertGroups(BIGINT, random -> random.nextInt(5) == 0 ? random.nextLong() : random.nextInt(200_000) - 100_000L);
    }

    @Test
    void integerAndDateGroupsAreTheDistinctValues()
    {
        assertGroups(INTEGER, random -> (long) random.nextInt(300_000) - 150_000);
        assertGroups(DATE, random -> (long) random.nextInt(20_000));
    }

    @Test
    void keysInRunsAsInSortedRows()
    {
        // lineitem's order keys: each key on a few consecutive rows; runs of 0 and across pages too
        long[] next = {0, 0};
        assertGroups(BIGINT, random -> {
            if (next[1] == 0) {
                next[0] += random.nextInt(3) == 0 ? 0 : random.nextInt(40) - 8;
                next[1] = 1 + random.nextInt(7);
            }
            next[1]--;
            return next[0];
        });
        assertGroups(INTEGER, random -> random.nextInt(50) == 0 ? 0 : (long) random.nextInt(4) - 2);
    }

    private static void assertGroups(Type type, java.util.function.ToLongFunction<Random> values)
    {
        GroupByHash hash = new GroupByHash(List.of(type));
        Map<Long, Integer> expected = new HashMap<>(); // null key: Long null
        Random random = new Random(11);
        for (int page = 0; page < 40; page++) {
            int positions = 4096;
            Long[] keys = new Long[positions];
            boolean withNulls = page % 3 == 1;
            for (int i = 0; i < positions; i++) {
                keys[i] = withNulls && random.nextInt(10) == 0 ? null : values.applyAsLong(random);
            }
            Block block = block(type, keys);
            if (page % 5 == 4) {
                // the same rows as a dictionary block (the generic path of the long table)
                int[] ids = new int[positions];
                for (int i = 0; i < positions; i++) {
                    ids[i] = i;
                }
                block = DictionaryBlock.create(positions, block, ids);
            }
            int[] groups = hash.groupIds(new Block[] {block}, positions, null);
            for (int i = 0; i < positions; i++) {
                Integer known = expected.putIfAbsent(keys[i], groups[i]);
                assertThat(groups[i]).as("group of %s", keys[i]).isEqualTo(known == null ? groups[i] : known);
            }
        }
        assertThat(hash.groupCount()).isEqualTo(expected.size());
        assertThat(new java.util.HashSet<>(expected.values())).hasSize(expected.size());
        Block written = hash.keyBlock(0, 0, hash.groupCount());
        expected.forEach((key, group) -> {
            if (key == null) {
                assertThat(written.isNull(group)).isTrue();
            }
            else {
                assertThat(type.getLong(written, group)).isEqualTo(key);
            }
        });
    }

    private static Block block(Type type, Long[] values)
    {
        BlockBuilder builder = type.createBlockBuilder(null, values.length);
        for (Long value : values) {
            if (value == null) {
                builder.appendNull();
            }
            else {
                type.writeLong(builder, value);
            }
        }
        return builder.build();
    }
}
