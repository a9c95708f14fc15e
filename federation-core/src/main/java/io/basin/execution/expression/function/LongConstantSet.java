package io.basin.execution.expression.function;

import java.util.Arrays;

/**
 * An immutable open-addressing hash set of longs, for {@code x IN (c1, c2, ...)} over many
 * constants of a long-represented type. Doubles are stored by their canonical bits, with -0 folded
 * into 0 so that lookups follow SQL equality.
 */
public final class LongConstantSet
{
    private final long[] slots;
    private final boolean[] used;
    private final int mask;

    public LongConstantSet(long[] values)
    {
        int capacity = Integer.highestOneBit(Math.max(4, values.length * 2 - 1)) << 1;
        slots = new long[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
        for (long value : values) {
            int slot = slotOf(value);
            while (used[slot] && slots[slot] != value) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = value;
            used[slot] = true;
        }
    }

    public static LongConstantSet ofDoubles(double[] values)
    {
        return new LongConstantSet(Arrays.stream(values).mapToLong(LongConstantSet::doubleKey).toArray());
    }

    public boolean contains(long value)
    {
        int slot = slotOf(value);
        while (used[slot]) {
            if (slots[slot] == value) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    public boolean containsDouble(double value)
    {
        return contains(doubleKey(value));
    }

    private static long doubleKey(double value)
    {
        return value == 0.0 ? 0L : Double.doubleToLongBits(value);
    }

    private int slotOf(long value)
    {
        long hash = value * 0x9E3779B97F4A7C15L;
        return (int) (hash ^ (hash >>> 32)) & mask;
    }
}
