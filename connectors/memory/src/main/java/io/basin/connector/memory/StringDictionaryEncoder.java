package io.basin.connector.memory;

import io.airlift.slice.Slice;
import io.trino.spi.block.Block;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.VariableWidthBlock;
import io.trino.spi.block.VariableWidthBlockBuilder;

import java.util.HashMap;
import java.util.Map;

/**
 * Stores a string column of a page as a dictionary block when it has few distinct values (flags,
 * codes, names: the columns filters and groupings touch most). The engine then evaluates an
 * expression over such a column once per distinct value, and the table takes less memory; the
 * rows read back are the same.
 */
final class StringDictionaryEncoder
{
    // fewer positions are not worth a dictionary; more distinct values than 1 in 8 rows neither
    private static final int MIN_POSITIONS = 64;
    private static final int MAX_DISTINCT_FRACTION = 8;

    private StringDictionaryEncoder() {}

    /** {@code block} as a dictionary block over its distinct values, or {@code block} itself. */
    static Block encode(Block block)
    {
        int positions = block.getPositionCount();
        if (positions < MIN_POSITIONS || !(block instanceof VariableWidthBlock values)) {
            return block;
        }
        int maxDistinct = positions / MAX_DISTINCT_FRACTION;
        Map<Slice, Integer> entries = new HashMap<>();
        int[] ids = new int[positions];
        int nullId = -1;
        for (int position = 0; position < positions; position++) {
            if (values.isNull(position)) {
                if (nullId < 0) {
                    if (entries.size() >= maxDistinct) {
                        return block;
                    }
                    nullId = entries.size();
                    entries.put(null, nullId);
                }
                ids[position] = nullId;
                continue;
            }
            Slice value = values.getSlice(position);
            Integer id = entries.get(value);
            if (id == null) {
                if (entries.size() >= maxDistinct) {
                    return block;
                }
                id = entries.size();
                entries.put(value, id);
            }
            ids[position] = id;
        }
        Slice[] dictionary = new Slice[entries.size()];
        long bytes = 0;
        for (Map.Entry<Slice, Integer> entry : entries.entrySet()) {
            dictionary[entry.getValue()] = entry.getKey();
            bytes += entry.getKey() == null ? 0 : entry.getKey().length();
        }
        VariableWidthBlockBuilder builder = new VariableWidthBlockBuilder(null, dictionary.length, (int) bytes);
        for (Slice value : dictionary) {
            if (value == null) {
                builder.appendNull();
            }
            else {
                builder.writeEntry(value);
            }
        }
        return DictionaryBlock.create(positions, builder.build(), ids);
    }
}
