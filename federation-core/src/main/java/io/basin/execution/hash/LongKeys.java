package io.basin.execution.hash;

import io.trino.spi.block.Block;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.IntArrayBlock;
import io.trino.spi.block.LongArrayBlock;
import io.trino.spi.type.Type;

import java.util.Arrays;

/**
 * Reads a column of keys held as longs (integers, dates, short decimals): a join's probe keys, and
 * its build keys for their membership filter. Plain long and int blocks, and row views of long
 * blocks, are read directly:
 * through the key type, each read is a call that the JIT cannot inline once a call site has seen
 * several kinds of block, several nanoseconds a row.
 */
public final class LongKeys
{
    private LongKeys() {}

    /**
     * Rows {@code 0..positions} of {@code keys} into {@code values}, and 0 (a key) or -1 (NULL) into
     * {@code marks}; {@code type} reads the blocks without a direct path.
     */
    public static void read(Block keys, Type type, int positions, long[] values, int[] marks)
    {
        if (!keys.mayHaveNull()) {
            Arrays.fill(marks, 0, positions, 0);
            switch (keys) {
                case LongArrayBlock longs -> {
                    for (int position = 0; position < positions; position++) {
                        values[position] = longs.getLong(position);
                    }
                    return;
                }
                case IntArrayBlock ints -> {
                    for (int position = 0; position < positions; position++) {
                        values[position] = ints.getInt(position);
                    }
                    return;
                }
                case DictionaryBlock view when view.getDictionary() instanceof LongArrayBlock longs -> {
                    // a row view of bigint keys: read them through the selected positions
                    int[] ids = view.getRawIds();
                    int offset = view.getRawIdsOffset();
                    for (int position = 0; position < positions; position++) {
                        values[position] = longs.getLong(ids[offset + position]);
                    }
                    return;
                }
                default -> {
                }
            }
        }
        boolean mayHaveNull = keys.mayHaveNull();
        for (int position = 0; position < positions; position++) {
            boolean hasKey = !mayHaveNull || !keys.isNull(position);
            values[position] = hasKey ? type.getLong(keys, position) : 0;
            marks[position] = hasKey ? 0 : -1;
        }
    }
}
