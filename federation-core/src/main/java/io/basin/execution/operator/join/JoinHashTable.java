package io.basin.execution.operator.join;

import io.basin.execution.hash.KeyType;
import io.trino.spi.block.Block;

import java.util.Arrays;
import java.util.List;

/**
 * The build side of a hash join: all build rows as one block per column, and a chained hash
 * table over the key columns. Rows whose key has a NULL (in a key that is not null-equal) are
 * kept for outer-join output but never inserted, so they never match.
 */
public final class JoinHashTable
{
    private final Block[] columns;
    private final int rowCount;
    private final int[] keyChannels;
    private final KeyType[] keyTypes;
    private final boolean[] nullEqual;
    private final int[] buckets;
    private final int mask;
    private final int[] next;
    // single long key fast path
    private final long[] longKeys;

    public JoinHashTable(Block[] columns, int rowCount, int[] keyChannels, List<KeyType> keyTypes, boolean[] nullEqual)
    {
        this.columns = columns;
        this.rowCount = rowCount;
        this.keyChannels = keyChannels;
        this.keyTypes = keyTypes.toArray(KeyType[]::new);
        this.nullEqual = nullEqual;
        int size = Integer.highestOneBit(Math.max(16, rowCount) * 2 - 1) << 1;
        this.buckets = new int[size];
        this.mask = size - 1;
        this.next = new int[rowCount];
        boolean fastPath = keyChannels.length == 1 && this.keyTypes[0].isLong() && !nullEqual[0];
        this.longKeys = fastPath ? new long[rowCount] : null;
        Block[] keys = keyBlocks(columns);
        for (int row = rowCount - 1; row >= 0; row--) {
            if (hasUnmatchableNull(keys, row)) {
                continue;
            }
            long hash;
            if (longKeys != null) {
                long value = this.keyTypes[0].type().getLong(keys[0], row);
                longKeys[row] = value;
                hash = KeyType.mix(value);
            }
            else {
                hash = hash(keys, row);
            }
            int bucket = (int) hash & mask;
            next[row] = buckets[bucket];
            buckets[bucket] = row + 1;
        }
    }

    private Block[] keyBlocks(Block[] source)
    {
        Block[] keys = new Block[keyChannels.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = source[keyChannels[i]];
        }
        return keys;
    }

    public Block[] columns()
    {
        return columns;
    }

    public int rowCount()
    {
        return rowCount;
    }

    public boolean isEmpty()
    {
        return rowCount == 0;
    }

    public boolean hasKeys()
    {
        return keyChannels.length > 0;
    }

    boolean hasUnmatchableNull(Block[] keys, int position)
    {
        for (int i = 0; i < keys.length; i++) {
            if (!nullEqual[i] && keys[i].isNull(position)) {
                return true;
            }
        }
        return false;
    }

    long hash(Block[] keys, int position)
    {
        if (keys.length == 1 && longKeys != null) {
            return KeyType.mix(keyTypes[0].type().getLong(keys[0], position));
        }
        long hash = 0;
        for (int i = 0; i < keys.length; i++) {
            hash = hash * 31 + (keys[i].isNull(position) ? 0x5bd1e995L : keyTypes[i].hash(keys[i], position));
        }
        return KeyType.mix(hash);
    }

    /** First candidate build row for a probe hash, or -1; iterate with {@link #nextRow}. */
    int firstRow(long hash)
    {
        return buckets[(int) hash & mask] - 1;
    }

    int nextRow(int row)
    {
        return next[row] - 1;
    }

    /** Whether the table has one key of a type held as a long, compared by value (probed by value, without the key types). */
    public boolean isLongFastPath()
    {
        return longKeys != null;
    }

    long keyTypeLong(Block block, int position)
    {
        return keyTypes[0].type().getLong(block, position);
    }

    long longKey(int row)
    {
        return longKeys[row];
    }

    boolean keysEqual(int row, Block[] probeKeys, int position)
    {
        for (int i = 0; i < probeKeys.length; i++) {
            Block build = columns[keyChannels[i]];
            boolean probeNull = probeKeys[i].isNull(position);
            boolean buildNull = build.isNull(row);
            if (probeNull || buildNull) {
                if (!(probeNull && buildNull && nullEqual[i])) {
                    return false;
                }
                continue;
            }
            if (!keyTypes[i].equal(build, row, probeKeys[i], position)) {
                return false;
            }
        }
        return true;
    }

    public long retainedBytes()
    {
        long bytes = buckets.length * 4L + next.length * 4L + (longKeys == null ? 0 : longKeys.length * 8L);
        for (Block column : columns) {
            bytes += column.getRetainedSizeInBytes();
        }
        return bytes;
    }

    @Override
    public String toString()
    {
        return "JoinHashTable[rows=" + rowCount + ", keys=" + Arrays.toString(keyChannels) + "]";
    }
}
