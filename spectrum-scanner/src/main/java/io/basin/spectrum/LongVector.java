package io.basin.spectrum;

import io.trino.spi.block.Block;
import io.trino.spi.block.ByteArrayBlock;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.Int128ArrayBlock;
import io.trino.spi.block.IntArrayBlock;
import io.trino.spi.block.LongArrayBlock;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.block.ShortArrayBlock;
import io.trino.spi.block.ValueBlock;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Type;

import java.util.Arrays;

/**
 * The values of one column (or computed expression) at the rows a page keeps, packed by row: row
 * {@code i} is the {@code i}-th kept position. Values are the longs their type is held in (a date's
 * days, a short decimal's unscaled value, a double's bits); a long decimal is its low word, with
 * its high word in {@link #highs} when it does not fit a long. The partial aggregation reads a
 * page's columns once into vectors and then runs tight loops over plain arrays, instead of a
 * virtual block call per row and aggregate; the arrays are reused from page to page.
 */
final class LongVector
{
    long[] values = new long[0];
    // a long decimal's high words, meaningful only when wide
    long[] highs = new long[0];
    boolean[] nulls = new boolean[0];
    // whether some row is null (else nulls is all false)
    boolean mayHaveNull;
    // whether some row is a long decimal beyond a long: its high word is not the sign of its low word
    boolean wide;
    int count;

    // the dictionary ids of the kept rows of a dictionary-encoded block
    private int[] ids = new int[0];

    /** Room for {@code count} rows, which start as neither null nor wide. */
    void reset(int count)
    {
        if (values.length < count) {
            int size = Math.max(count, values.length * 2);
            values = new long[size];
            highs = new long[size];
            nulls = new boolean[size];
        }
        else if (mayHaveNull) {
            Arrays.fill(nulls, 0, this.count, false);
        }
        this.count = count;
        mayHaveNull = false;
        wide = false;
    }

    boolean isWide(int row)
    {
        return wide && highs[row] != values[row] >> 63;
    }

    /** Reads the values of {@code block} (of {@code type}) at the first {@code count} {@code positions}. */
    void load(Block block, Type type, int[] positions, int count)
    {
        reset(count);
        switch (block) {
            case RunLengthEncodedBlock runLength -> {
                ValueBlock value = runLength.getValue();
                if (value.isNull(0)) {
                    Arrays.fill(values, 0, count, 0);
                    Arrays.fill(nulls, 0, count, true);
                    mayHaveNull = true;
                    return;
                }
                LongVector single = new LongVector();
                single.reset(1);
                single.loadValues(value, type, new int[] {0}, 1);
                Arrays.fill(values, 0, count, single.values[0]);
                if (single.wide) {
                    Arrays.fill(highs, 0, count, single.highs[0]);
                    wide = true;
                }
            }
            case DictionaryBlock dictionaryBlock -> loadDictionary(dictionaryBlock, type, positions, count);
            case ValueBlock valueBlock -> loadValues(valueBlock, type, positions, count);
        }
    }

    /**
     * Through the dictionary ids: the entries of the kept rows only, so that a large dictionary
     * (a column whose first pages are dictionary-encoded) costs no more than its rows.
     */
    private void loadDictionary(DictionaryBlock block, Type type, int[] positions, int count)
    {
        if (ids.length < count) {
            ids = new int[Math.max(count, ids.length * 2)];
        }
        int[] ids = this.ids;
        for (int i = 0; i < count; i++) {
            ids[i] = block.getId(positions[i]);
        }
        loadValues(block.getDictionary(), type, ids, count);
    }

    // one loop per block class, so each call in a loop goes to one final method
    private void loadValues(ValueBlock block, Type type, int[] positions, int count)
    {
        long[] values = this.values;
        switch (block) {
            case LongArrayBlock longs -> {
                for (int i = 0; i < count; i++) {
                    values[i] = longs.getLong(positions[i]);
                }
            }
            case IntArrayBlock ints -> {
                for (int i = 0; i < count; i++) {
                    values[i] = ints.getInt(positions[i]);
                }
            }
            case ShortArrayBlock shorts -> {
                for (int i = 0; i < count; i++) {
                    values[i] = shorts.getShort(positions[i]);
                }
            }
            case ByteArrayBlock bytes -> {
                for (int i = 0; i < count; i++) {
                    values[i] = bytes.getByte(positions[i]);
                }
            }
            case Int128ArrayBlock wides -> {
                long[] highs = this.highs;
                boolean anyWide = false;
                for (int i = 0; i < count; i++) {
                    int position = positions[i];
                    long low = wides.getInt128Low(position);
                    long high = wides.getInt128High(position);
                    values[i] = low;
                    highs[i] = high;
                    anyWide |= high != low >> 63;
                }
                wide = anyWide;
            }
            default -> {
                // any other representation through the type: long decimals as Int128, the rest as longs
                boolean object = type.getJavaType() != long.class;
                for (int i = 0; i < count; i++) {
                    int position = positions[i];
                    if (block.isNull(position)) {
                        continue;
                    }
                    if (object) {
                        Int128 value = (Int128) type.getObject(block, position);
                        values[i] = value.getLow();
                        highs[i] = value.getHigh();
                        wide |= value.getHigh() != value.getLow() >> 63;
                    }
                    else {
                        values[i] = type.getLong(block, position);
                    }
                }
            }
        }
        if (block.mayHaveNull()) {
            boolean[] nulls = this.nulls;
            boolean anyNull = false;
            for (int i = 0; i < count; i++) {
                boolean isNull = block.isNull(positions[i]);
                nulls[i] = isNull;
                anyNull |= isNull;
            }
            mayHaveNull = anyNull;
            if (anyNull) {
                // a null row's value is 0, so that sums and checks over every row stay harmless
                for (int i = 0; i < count; i++) {
                    if (nulls[i]) {
                        values[i] = 0;
                        highs[i] = 0;
                    }
                }
            }
        }
    }
}
