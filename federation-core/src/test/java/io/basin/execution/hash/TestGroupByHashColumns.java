package io.basin.execution.hash;

import io.airlift.slice.Slices;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static io.trino.spi.type.VarcharType.createVarcharType;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The column-wise lookup of several keys (and of one varchar key): rows with equal key tuples get
 * one group, different tuples different groups, and the groups' key blocks hold the tuples. Keys
 * arrive as plain blocks, as dictionaries smaller than the page (hashed once per entry) and as row
 * views over larger blocks, with NULLs. The oracle is a Java map over the generated tuples.
 */
class TestGroupByHashColumns
{
    private static final List<Type> TYPES = List.of(BIGINT, VARCHAR, INTEGER, createVarcharType(40), DATE);

    @Test
    void plainBlocks()
    {
        assertGroups(TYPES, Encoding.PLAIN);
    }

    @Test
    void smallDictionaries()
    {
        assertGroups(TYPES, Encoding.SMALL_DICTIONARY);
    }

    @Test
    void rowViewsOverLargerBlocks()
    {
        assertGroups(TYPES, Encoding.ROW_VIEW);
    }

    @Test
    void oneVarcharKey()
    {
        assertGroups(List.of(VARCHAR), Encoding.PLAIN);
        assertGroups(List.of(VARCHAR), Encoding.ROW_VIEW);
    }

    /**
     * Two key tuples with the same 64-bit hash, made by inverting the hash's mixing: the second
     * row finds the first's group by its hash, must see that the keys differ, and get a group of
     * its own. With real data such a pair is all but impossible, so only this reaches that path.
     */
    @Test
    void keysWithTheSameHashGetTheirOwnGroups()
    {
        long first = 1;
        long second = 2;
        long otherFirst = 3;
        // (1, 2) and (3, x) hash alike when mix(3) * 31 + mix(x) = mix(1) * 31 + mix(2)
        long otherSecond = unmix(KeyType.mix(first) * 31 + KeyType.mix(second) - KeyType.mix(otherFirst) * 31);
        List<List<Object>> tuples = List.of(
                List.of(first, second),
                List.of(otherFirst, otherSecond),
                List.of(first, second),
                List.of(otherFirst, otherSecond));
        List<Type> types = List.of(BIGINT, BIGINT);
        GroupByHash hash = new GroupByHash(types);
        int[] ids = hash.groupIds(blocks(types, tuples, Encoding.PLAIN, new Random(1)), tuples.size(), null);

        assertThat(hash.groupCount()).isEqualTo(2);
        assertThat(ids[0]).isNotEqualTo(ids[1]);
        assertThat(ids[2]).isEqualTo(ids[0]);
        assertThat(ids[3]).isEqualTo(ids[1]);
        assertThat(BIGINT.getLong(hash.keyBlock(1, 0, 2), ids[1])).isEqualTo(otherSecond);
    }

    /** The inverse of {@link KeyType#mix} (murmur3's fmix64: xor-shifts by 33 and two odd multipliers, each invertible). */
    private static long unmix(long value)
    {
        value ^= value >>> 33;
        value *= inverse(0xc4ceb9fe1a85ec53L);
        value ^= value >>> 33;
        value *= inverse(0xff51afd7ed558ccdL);
        value ^= value >>> 33;
        return value;
    }

    /** The multiplicative inverse of an odd number modulo 2^64, by Newton's iteration. */
    private static long inverse(long odd)
    {
        long inverse = odd;
        for (int i = 0; i < 6; i++) {
            inverse *= 2 - odd * inverse;
        }
        return inverse;
    }

    private enum Encoding { PLAIN, SMALL_DICTIONARY, ROW_VIEW }

    private static void assertGroups(List<Type> types, Encoding encoding)
    {
        Random random = new Random(11);
        GroupByHash hash = new GroupByHash(types);
        Map<List<Object>, Integer> groups = new HashMap<>();
        for (int page = 0; page < 10; page++) {
            int rows = 1000 + random.nextInt(3000);
            List<List<Object>> tuples = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                tuples.add(tuple(types, random));
            }
            int[] ids = hash.groupIds(blocks(types, tuples, encoding, random), rows, null);
            for (int i = 0; i < rows; i++) {
                Integer known = groups.putIfAbsent(tuples.get(i), ids[i]);
                assertThat(ids[i]).as("group of %s", tuples.get(i)).isEqualTo(known == null ? ids[i] : known);
            }
            assertThat(hash.groupCount()).isEqualTo(groups.size());
        }
        assertThat(groups.values().stream().distinct().count()).isEqualTo(groups.size());

        // the keys leave as blocks, of all groups and of a range in the middle
        int from = 7;
        int to = hash.groupCount() - 5;
        for (int column = 0; column < types.size(); column++) {
            Block all = hash.keyBlock(column, 0, hash.groupCount());
            Block range = hash.keyBlock(column, from, to);
            assertThat(range.getPositionCount()).isEqualTo(to - from);
            for (Map.Entry<List<Object>, Integer> entry : groups.entrySet()) {
                int group = entry.getValue();
                Object expected = entry.getKey().get(column);
                assertThat(value(types.get(column), all, group)).as("key %s of group %s", column, group).isEqualTo(expected);
                if (group >= from && group < to) {
                    assertThat(value(types.get(column), range, group - from)).isEqualTo(expected);
                }
            }
        }
    }

    private static List<Object> tuple(List<Type> types, Random random)
    {
        List<Object> tuple = new ArrayList<>();
        for (Type type : types) {
            boolean isNull = random.nextInt(12) == 0;
            if (type == BIGINT) {
                tuple.add(isNull ? null : (long) random.nextInt(60));
            }
            else if (type == INTEGER || type == DATE) {
                tuple.add(isNull ? null : (long) random.nextInt(3));
            }
            else {
                // short and long strings, and strings that share a prefix
                tuple.add(isNull ? null : random.nextBoolean() ? "s" + random.nextInt(40) : "a much longer value shared by many rows " + random.nextInt(7));
            }
        }
        return Arrays.asList(tuple.toArray());
    }

    private static Block[] blocks(List<Type> types, List<List<Object>> tuples, Encoding encoding, Random random)
    {
        Block[] blocks = new Block[types.size()];
        for (int column = 0; column < blocks.length; column++) {
            Type type = types.get(column);
            List<Object> values = new ArrayList<>();
            for (List<Object> tuple : tuples) {
                values.add(tuple.get(column));
            }
            blocks[column] = switch (encoding) {
                case PLAIN -> block(type, values);
                case SMALL_DICTIONARY -> {
                    List<Object> entries = new ArrayList<>(values.stream().distinct().toList());
                    int[] ids = values.stream().mapToInt(entries::indexOf).toArray();
                    yield DictionaryBlock.create(ids.length, block(type, entries), ids);
                }
                case ROW_VIEW -> {
                    // the rows' values scattered over a block twice the page's size, as a join's build side
                    List<Object> spread = new ArrayList<>();
                    int[] ids = new int[values.size()];
                    for (int i = 0; i < values.size(); i++) {
                        spread.add(type instanceof VarcharType ? "filler" + random.nextInt(5) : (Object) (long) random.nextInt(5));
                        ids[i] = spread.size();
                        spread.add(values.get(i));
                    }
                    yield DictionaryBlock.create(ids.length, block(type, spread), ids);
                }
            };
        }
        return blocks;
    }

    private static Block block(Type type, List<Object> values)
    {
        BlockBuilder builder = type.createBlockBuilder(null, values.size());
        for (Object value : values) {
            switch (value) {
                case null -> builder.appendNull();
                case Long l -> type.writeLong(builder, l);
                case String s -> type.writeSlice(builder, Slices.utf8Slice(s));
                default -> throw new IllegalArgumentException(String.valueOf(value));
            }
        }
        return builder.build();
    }

    private static Object value(Type type, Block block, int position)
    {
        if (block.isNull(position)) {
            return null;
        }
        return type.getJavaType() == long.class ? (Object) type.getLong(block, position) : type.getSlice(block, position).toStringUtf8();
    }
}
