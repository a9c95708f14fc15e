package io.basin.execution.hash;

import io.airlift.slice.Slices;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.DictionaryBlock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group ids over dictionary-encoded keys (looked up once per combination of entries) must form
 * exactly the groups of the decoded key tuples, also when pages mix dictionary and plain keys,
 * share dictionaries or not, and hold NULL entries and duplicate entries.
 */
class TestGroupByHashDictionaries
{
    private static final String[] FLAGS = {"A", "N", null, "R", "A"}; // "A" twice: two entries, one group
    private static final Long[] STATUS = {1L, 2L, null};

    @Test
    void groupsAreThoseOfTheDecodedKeys()
    {
        GroupByHash hash = new GroupByHash(List.of(VARCHAR, BIGINT));
        Block flags = varchars(FLAGS);
        Block status = bigints(STATUS);
        Map<List<Object>, Integer> expectedGroups = new HashMap<>();
        Random random = new Random(7);
        for (int page = 0; page < 6; page++) {
            int positions = 300;
            int[] flagIds = new int[positions];
            int[] statusIds = new int[positions];
            List<List<Object>> tuples = new ArrayList<>();
            for (int i = 0; i < positions; i++) {
                flagIds[i] = random.nextInt(FLAGS.length);
                statusIds[i] = random.nextInt(STATUS.length);
                tuples.add(Arrays.asList(FLAGS[flagIds[i]], STATUS[statusIds[i]]));
            }
            Block[] keys;
            if (page == 3) {
                // plain blocks between dictionary pages
                keys = new Block[] {varchars(tuples.stream().map(tuple -> (String) tuple.get(0)).toArray(String[]::new)),
                        bigints(tuples.stream().map(tuple -> (Long) tuple.get(1)).toArray(Long[]::new))};
            }
            else {
                // pages 4 and 5 get fresh dictionary instances
                Block pageFlags = page < 4 ? flags : varchars(FLAGS);
                Block pageStatus = page < 4 ? status : bigints(STATUS);
                keys = new Block[] {DictionaryBlock.create(positions, pageFlags, flagIds), DictionaryBlock.create(positions, pageStatus, statusIds)};
            }
            int[] groups = hash.groupIds(keys, positions, null);
            for (int i = 0; i < positions; i++) {
                Integer known = expectedGroups.putIfAbsent(tuples.get(i), groups[i]);
                assertThat(groups[i]).as("row %s of page %s: %s", i, page, tuples.get(i)).isEqualTo(known == null ? groups[i] : known);
            }
        }
        // distinct tuples have distinct groups, and there are as many groups as distinct tuples
        assertThat(expectedGroups.values().stream().distinct().count()).isEqualTo(expectedGroups.size());
        assertThat(hash.groupCount()).isEqualTo(expectedGroups.size());
    }

    private static Block varchars(String[] values)
    {
        BlockBuilder builder = VARCHAR.createBlockBuilder(null, values.length);
        for (String value : values) {
            if (value == null) {
                builder.appendNull();
            }
            else {
                VARCHAR.writeSlice(builder, Slices.utf8Slice(value));
            }
        }
        return builder.build();
    }

    private static Block bigints(Long[] values)
    {
        BlockBuilder builder = BIGINT.createBlockBuilder(null, values.length);
        for (Long value : values) {
            if (value == null) {
                builder.appendNull();
            }
            else {
                BIGINT.writeLong(builder, value);
            }
        }
        return builder.build();
    }
}
