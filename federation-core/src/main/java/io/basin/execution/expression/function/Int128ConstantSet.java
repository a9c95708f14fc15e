package io.basin.execution.expression.function;

/** An immutable open-addressing hash set of 128-bit values, for IN over long decimal constants. */
public final class Int128ConstantSet
{
    private final long[] slots;
    private final boolean[] used;
    private final int mask;

    /** {@code values} holds [high, low] pairs. */
    public Int128ConstantSet(long[] values)
    {
        int count = values.length / 2;
        int capacity = Integer.highestOneBit(Math.max(4, count * 2 - 1)) << 1;
        slots = new long[capacity * 2];
        used = new boolean[capacity];
        mask = capacity - 1;
        for (int i = 0; i < count; i++) {
            long high = values[2 * i];
            long low = values[2 * i + 1];
            int slot = slotOf(high, low);
            while (used[slot] && !(slots[2 * slot] == high && slots[2 * slot + 1] == low)) {
                slot = (slot + 1) & mask;
            }
            slots[2 * slot] = high;
            slots[2 * slot + 1] = low;
            used[slot] = true;
        }
    }

    public boolean contains(long high, long low)
    {
        int slot = slotOf(high, low);
        while (used[slot]) {
            if (slots[2 * slot] == high && slots[2 * slot + 1] == low) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    private int slotOf(long high, long low)
    {
        long hash = (high * 31 + low) * 0x9E3779B97F4A7C15L;
        return (int) (hash ^ (hash >>> 32)) & mask;
    }
}
