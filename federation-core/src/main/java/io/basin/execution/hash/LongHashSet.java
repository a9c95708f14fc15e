package io.basin.execution.hash;

import java.util.Arrays;

/** A set of longs with open addressing, for membership tests on hot paths (no boxing). */
public final class LongHashSet
{
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] slots;
    private int mask;
    private int size;
    private boolean containsEmptyMarker;

    public LongHashSet(int expectedSize)
    {
        int capacity = Integer.highestOneBit(Math.max(16, expectedSize) * 2 - 1) << 1;
        slots = new long[capacity];
        Arrays.fill(slots, EMPTY);
        mask = capacity - 1;
    }

    public void add(long value)
    {
        if (value == EMPTY) {
            containsEmptyMarker = true;
            return;
        }
        int slot = (int) KeyType.mix(value) & mask;
        while (slots[slot] != EMPTY) {
            if (slots[slot] == value) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = value;
        size++;
        if (size * 2 > slots.length) {
            grow();
        }
    }

    public boolean contains(long value)
    {
        if (value == EMPTY) {
            return containsEmptyMarker;
        }
        int slot = (int) KeyType.mix(value) & mask;
        long current;
        while ((current = slots[slot]) != EMPTY) {
            if (current == value) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    public long retainedBytes()
    {
        return slots.length * 8L;
    }

    private void grow()
    {
        long[] old = slots;
        slots = new long[old.length * 2];
        Arrays.fill(slots, EMPTY);
        mask = slots.length - 1;
        size = 0;
        for (long value : old) {
            if (value != EMPTY) {
                add(value);
            }
        }
    }
}
