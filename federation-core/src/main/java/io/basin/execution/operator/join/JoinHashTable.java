package io.basin.execution.operator.join;

import io.basin.execution.hash.KeyType;
import io.basin.execution.hash.LongBitmapFilter;
import io.basin.execution.hash.LongKeyFilter;
import io.basin.execution.hash.LongKeys;
import io.trino.spi.block.Block;
import io.trino.spi.type.Type;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

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
    // one long key, or two long keys whose build values all fit in an int, packed into one long
    // (see packPair): the table is probed by that long
    private final long[] longKeys;
    private final boolean packedPair;
    // the key columns' membership filters, made on first use (see keyFilter)
    private final Map<Integer, LongKeyFilter> keyFilters = new HashMap<>();

    /** Builds below this many rows take less time than handing work to another thread. */
    private static final int PARALLEL_BUILD_ROWS = 64 * 1024;

    public JoinHashTable(Block[] columns, int rowCount, int[] keyChannels, List<KeyType> keyTypes, boolean[] nullEqual)
    {
        this(columns, rowCount, keyChannels, keyTypes, nullEqual, 1);
    }

    /** A table built by up to {@code parallelism} threads (the common fork-join pool and the caller). */
    public JoinHashTable(Block[] columns, int rowCount, int[] keyChannels, List<KeyType> keyTypes, boolean[] nullEqual, int parallelism)
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
        Block[] keys = keyBlocks(columns);
        this.packedPair = keyChannels.length == 2 && this.keyTypes[0].isLong() && this.keyTypes[1].isLong() && !nullEqual[0] && !nullEqual[1]
                && fitsInt(keys[0], this.keyTypes[0], rowCount) && fitsInt(keys[1], this.keyTypes[1], rowCount);
        boolean fastPath = keyChannels.length == 1 && this.keyTypes[0].isLong() && !nullEqual[0] || packedPair;
        this.longKeys = fastPath ? new long[rowCount] : null;
        int tasks = rowCount >= PARALLEL_BUILD_ROWS ? Integer.highestOneBit(Math.clamp(parallelism, 1, 8)) : 1;
        if (tasks == 1) {
            for (int row = rowCount - 1; row >= 0; row--) {
                int bucket = bucketOf(keys, row);
                if (bucket >= 0) {
                    next[row] = buckets[bucket];
                    buckets[bucket] = row + 1;
                }
            }
            return;
        }
        // in parallel: first every row's bucket, by ranges of rows; then the chains, each task
        // linking the rows of its own range of buckets, so no two tasks write the same bucket or row
        int[] rowBuckets = new int[rowCount];
        IntStream.range(0, tasks).parallel().forEach(task -> {
            int to = (int) ((long) rowCount * (task + 1) / tasks);
            for (int row = (int) ((long) rowCount * task / tasks); row < to; row++) {
                rowBuckets[row] = bucketOf(keys, row);
            }
        });
        int shift = Integer.numberOfTrailingZeros(size) - Integer.numberOfTrailingZeros(tasks);
        IntStream.range(0, tasks).parallel().forEach(task -> {
            // rows last to first, so each chain runs in row order, as the sequential build's do
            for (int row = rowCount - 1; row >= 0; row--) {
                int bucket = rowBuckets[row];
                if (bucket >= 0 && bucket >>> shift == task) {
                    next[row] = buckets[bucket];
                    buckets[bucket] = row + 1;
                }
            }
        });
    }

    /** The bucket of a build row (remembering a long key), or -1 when a NULL key keeps it from matching. */
    private int bucketOf(Block[] keys, int row)
    {
        if (hasUnmatchableNull(keys, row)) {
            return -1;
        }
        long hash;
        if (longKeys != null) {
            long value = packedPair
                    ? packPair(keyTypes[0].type().getLong(keys[0], row), keyTypes[1].type().getLong(keys[1], row))
                    : keyTypes[0].type().getLong(keys[0], row);
            longKeys[row] = value;
            hash = KeyType.mix(value);
        }
        else {
            hash = hash(keys, row);
        }
        return (int) hash & mask;
    }

    /** Whether every non-null value of a key column fits in an int, so that two such keys pack into one long. */
    private static boolean fitsInt(Block keys, KeyType keyType, int rowCount)
    {
        for (int row = 0; row < rowCount; row++) {
            if (!keys.isNull(row)) {
                long value = keyType.type().getLong(keys, row);
                if (value != (int) value) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Two keys that fit in an int as one long: equal pairs, and only those, pack to equal longs. */
    static long packPair(long first, long second)
    {
        return first << 32 | second & 0xFFFF_FFFFL;
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
        if (packedPair) {
            return KeyType.mix(packPair(keyTypes[0].type().getLong(keys[0], position), keyTypes[1].type().getLong(keys[1], position)));
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
        return longKeys != null && !packedPair;
    }

    /** Whether the table has two keys held as longs whose build values fit in an int, probed by {@link #packPair} of them. */
    boolean isPackedPair()
    {
        return packedPair;
    }

    Type keyType(int key)
    {
        return keyTypes[key].type();
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

    /**
     * The build's non-null values of key column {@code channel} (a key held as a long) as a
     * membership filter: an exact bitmap over their range when it is dense enough, else a Bloom
     * filter (see {@link LongKeyFilter#of}). A dynamic filter tests probe-side rows against it
     * before they reach the join; a probe tests its rows against the bitmap before the table.
     * Made once per column, on first use.
     */
    synchronized LongKeyFilter keyFilter(int channel)
    {
        return keyFilters.computeIfAbsent(channel, _ -> {
            int key = 0;
            while (key < keyChannels.length && keyChannels[key] != channel) {
                key++;
            }
            if (key == keyChannels.length) {
                throw new IllegalArgumentException("column " + channel + " is not a key of " + this);
            }
            long[] values = new long[rowCount];
            int[] marks = new int[rowCount];
            LongKeys.read(columns[channel], keyTypes[key].type(), rowCount, values, marks);
            int count = 0;
            for (int row = 0; row < rowCount; row++) {
                values[count] = values[row];
                count += marks[row] == 0 ? 1 : 0;
            }
            return LongKeyFilter.of(values, count);
        });
    }

    /**
     * The exact bitmap of the single long key's build values, when {@link #keyFilter} is one: rows
     * without a partner then cost a bit test instead of a bucket and a mispredicted branch (TPC-H
     * q8 probes 6 M lineitem rows against 1,451 parts).
     */
    Optional<LongBitmapFilter> keyBitmap()
    {
        if (longKeys == null || packedPair || rowCount == 0) {
            return Optional.empty();
        }
        return keyFilter(keyChannels[0]) instanceof LongBitmapFilter bitmap ? Optional.of(bitmap) : Optional.empty();
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
