package io.basin.execution.hash;

import io.airlift.slice.Slices;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.CharType.createCharType;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Folding one table's groups into another (as drivers' aggregation tables are merged): the merged
 * table's groups must be exactly the distinct key tuples of both inputs, each of the other
 * table's groups must map to the group holding its tuple, and the keys written back must be the
 * values. The oracle is a Java map over the generated tuples (NULL a value of its own, -0.0
 * equal to 0.0), independent of the tables.
 */
class TestGroupByHashMerge
{
    @Test
    void singleLongKey()
    {
        assertMerge(List.of(BIGINT), random -> Arrays.asList(random.nextInt(8) == 0 ? null : (long) random.nextInt(50_000)));
    }

    @Test
    void severalKeysOfEveryKind()
    {
        List<Type> types = List.of(INTEGER, VARCHAR, createCharType(3), DOUBLE, BOOLEAN);
        assertMerge(types, random -> Arrays.asList(
                random.nextInt(10) == 0 ? null : (long) random.nextInt(40),
                random.nextInt(10) == 0 ? null : "v" + random.nextInt(30),
                random.nextInt(10) == 0 ? null : "c" + random.nextInt(5),
                random.nextInt(10) == 0 ? null : random.nextInt(6) == 0 ? (random.nextBoolean() ? -0.0 : 0.0) : (double) random.nextInt(4),
                random.nextInt(10) == 0 ? null : random.nextBoolean()));
    }

    @Test
    void differentKeyTypesAreRefused()
    {
        assertThatThrownBy(() -> new GroupByHash(List.of(BIGINT)).mergeGroups(new GroupByHash(List.of(VARCHAR))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertMerge(List<Type> types, java.util.function.Function<Random, List<Object>> rows)
    {
        Random random = new Random(5);
        GroupByHash target = new GroupByHash(types);
        GroupByHash other = new GroupByHash(types);
        Map<List<Object>, Integer> targetGroups = new HashMap<>();
        Map<Integer, List<Object>> otherTuples = new HashMap<>();
        // the target sees part of the tuples, the other table part of them, overlapping
        for (int page = 0; page < 12; page++) {
            boolean intoTarget = page % 2 == 0;
            List<List<Object>> tuples = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                tuples.add(rows.apply(random));
            }
            GroupByHash hash = intoTarget ? target : other;
            int[] groups = hash.groupIds(blocks(types, tuples), tuples.size(), null);
            for (int i = 0; i < tuples.size(); i++) {
                if (intoTarget) {
                    targetGroups.putIfAbsent(canonical(tuples.get(i)), groups[i]);
                }
                else {
                    otherTuples.putIfAbsent(groups[i], canonical(tuples.get(i)));
                }
            }
        }
        int targetBefore = target.groupCount();
        int[] mapping = target.mergeGroups(other);

        assertThat(mapping).hasSize(other.groupCount());
        Map<List<Object>, Integer> expected = new HashMap<>(targetGroups);
        for (int group = 0; group < mapping.length; group++) {
            List<Object> tuple = otherTuples.get(group);
            Integer known = expected.putIfAbsent(tuple, mapping[group]);
            assertThat(mapping[group]).as("group of %s", tuple).isEqualTo(known == null ? mapping[group] : known);
        }
        assertThat(target.groupCount()).isEqualTo(expected.size()).isGreaterThan(targetBefore);
        assertThat(new HashSet<>(expected.values())).hasSize(expected.size());

        List<Block> written = new ArrayList<>();
        for (int column = 0; column < types.size(); column++) {
            written.add(target.keyBlock(column, 0, target.groupCount()));
        }
        expected.forEach((tuple, group) -> {
            List<Object> actual = new ArrayList<>();
            for (int column = 0; column < types.size(); column++) {
                actual.add(value(types.get(column), written.get(column), group));
            }
            assertThat(canonical(actual)).as("keys of group %s", group).isEqualTo(tuple);
        });
    }

    private static Block[] blocks(List<Type> types, List<List<Object>> tuples)
    {
        Block[] blocks = new Block[types.size()];
        for (int column = 0; column < blocks.length; column++) {
            Type type = types.get(column);
            BlockBuilder builder = type.createBlockBuilder(null, tuples.size());
            for (List<Object> tuple : tuples) {
                Object value = tuple.get(column);
                switch (value) {
                    case null -> builder.appendNull();
                    case Long l -> type.writeLong(builder, l);
                    case Double d -> type.writeDouble(builder, d);
                    case Boolean b -> type.writeBoolean(builder, b);
                    case String s -> type.writeSlice(builder, Slices.utf8Slice(s));
                    default -> throw new IllegalArgumentException(String.valueOf(value));
                }
            }
            blocks[column] = builder.build();
        }
        return blocks;
    }

    private static Object value(Type type, Block block, int position)
    {
        if (block.isNull(position)) {
            return null;
        }
        Class<?> javaType = type.getJavaType();
        if (javaType == long.class) {
            return type.getLong(block, position);
        }
        if (javaType == double.class) {
            return type.getDouble(block, position);
        }
        if (javaType == boolean.class) {
            return type.getBoolean(block, position);
        }
        return type.getSlice(block, position).toStringUtf8();
    }

    /** The tuple as GROUP BY compares it: -0.0 as 0.0, char values read back without their padding. */
    private static List<Object> canonical(List<Object> tuple)
    {
        List<Object> result = new ArrayList<>();
        for (Object value : tuple) {
            result.add(switch (value) {
                case String s -> s.stripTrailing();
                case Double d when d == 0.0 -> 0.0;
                case null -> null;
                default -> value;
            });
        }
        return result;
    }
}
