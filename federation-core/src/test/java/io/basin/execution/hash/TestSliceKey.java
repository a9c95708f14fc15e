package io.basin.execution.hash;

import io.airlift.slice.Slices;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.RunLengthEncodedBlock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

/** String keys hash and compare by their bytes alike however the block holds them. */
class TestSliceKey
{
    private static final List<String> VALUES = List.of("", "a", "ab", "R", "F", "abcdefgh", "abcdefghi", "a much longer string value", "é€", "abcdefgh\0");

    @Test
    void testPlainDictionaryAndRunLengthBlocksAgree()
    {
        KeyType key = KeyType.forType(VARCHAR);
        Block plain = block(VALUES);
        int[] ids = new int[VALUES.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ids.length - 1 - i;
        }
        Block dictionary = DictionaryBlock.create(ids.length, plain, ids);
        for (int i = 0; i < VALUES.size(); i++) {
            int dictionaryPosition = ids.length - 1 - i;
            Block runLength = RunLengthEncodedBlock.create(block(List.of(VALUES.get(i))), 3);
            assertThat(key.hash(dictionary, dictionaryPosition)).isEqualTo(key.hash(plain, i));
            assertThat(key.hash(runLength, 2)).isEqualTo(key.hash(plain, i));
            assertThat(key.equal(plain, i, dictionary, dictionaryPosition)).isTrue();
            assertThat(key.equal(runLength, 1, plain, i)).isTrue();
            assertThat(KeyType.SliceKey.equalsStored(Slices.utf8Slice(VALUES.get(i)), VARCHAR, dictionary, dictionaryPosition)).isTrue();
            for (int j = 0; j < VALUES.size(); j++) {
                assertThat(key.equal(plain, i, plain, j)).as("%s = %s", VALUES.get(i), VALUES.get(j)).isEqualTo(i == j);
                assertThat(KeyType.SliceKey.equalsStored(Slices.utf8Slice(VALUES.get(i)), VARCHAR, plain, j)).isEqualTo(i == j);
                if (i != j) {
                    assertThat(key.hash(plain, i)).as("hash of %s vs %s", VALUES.get(i), VALUES.get(j)).isNotEqualTo(key.hash(plain, j));
                }
            }
        }
    }

    private static Block block(List<String> values)
    {
        BlockBuilder builder = VARCHAR.createBlockBuilder(null, values.size());
        values.forEach(value -> VARCHAR.writeSlice(builder, Slices.utf8Slice(value)));
        return builder.build();
    }
}
