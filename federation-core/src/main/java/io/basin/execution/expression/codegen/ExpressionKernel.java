package io.basin.execution.expression.codegen;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.ByteArrayBlock;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.Int128ArrayBlock;
import io.trino.spi.block.IntArrayBlock;
import io.trino.spi.block.LongArrayBlock;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.block.ShortArrayBlock;

import java.util.Optional;

/**
 * Base class of generated expression kernels. A kernel evaluates one filter and the computed
 * projections of one operator over whole pages, one tight loop per expression; it is created per
 * driver and is not thread-safe (it owns scratch space). Generated subclasses live in their own
 * class loader, so everything they touch here is public or protected.
 */
public abstract class ExpressionKernel
{
    /** current_date of the query: days since the epoch in the session time zone. */
    protected final long currentDate;
    /** current_timestamp of the query: local microseconds since the epoch in the session time zone. */
    protected final long currentTimestamp;
    /** Results of 128-bit helpers, [high, low]; read right after each call. */
    protected final long[] scratch = new long[2];
    private int[] zeros = new int[0];

    protected ExpressionKernel(long currentDate, long currentTimestamp)
    {
        this.currentDate = currentDate;
        this.currentTimestamp = currentTimestamp;
    }

    /**
     * Evaluates the filter on every position of {@code page}, writes the positions where it is
     * true to {@code selected} (at least positionCount long) and returns how many there are.
     */
    public final int filter(Page page, int[] selected)
    {
        return filter(page, selected, null, page.getPositionCount());
    }

    /**
     * Evaluates the filter on the positions {@code input[0..inputCount)} of {@code page} (on
     * {@code 0..inputCount} when {@code input} is null), writes those where it is true to
     * {@code selected} in order and returns how many there are. {@code selected} may be
     * {@code input}: a position is written no later than it is read.
     */
    public int filter(Page page, int[] selected, int[] input, int inputCount)
    {
        throw new UnsupportedOperationException("This kernel has no filter");
    }

    /** Evaluates computed projection {@code projection} on {@code positions[0..count)}. */
    public Block project(int projection, Page page, int[] positions, int count)
    {
        throw new IllegalArgumentException("No computed projection " + projection);
    }

    /**
     * Maps a position of {@code block} to a position of its value block: null when they are the
     * same, the dictionary ids for a dictionary, all zeros for a run-length block.
     */
    protected final int[] positionIds(Block block, int positionCount)
    {
        if (block instanceof DictionaryBlock dictionary) {
            return dictionary.getRawIds();
        }
        if (block instanceof RunLengthEncodedBlock) {
            if (zeros.length < positionCount) {
                zeros = new int[positionCount];
            }
            return zeros;
        }
        return null;
    }

    protected static int positionIdsOffset(Block block)
    {
        return block instanceof DictionaryBlock dictionary ? dictionary.getRawIdsOffset() : 0;
    }

    protected static Block byteBlock(int count, boolean[] nulls, byte[] values)
    {
        return new ByteArrayBlock(count, Optional.ofNullable(nulls), values);
    }

    protected static Block shortBlock(int count, boolean[] nulls, short[] values)
    {
        return new ShortArrayBlock(count, Optional.ofNullable(nulls), values);
    }

    protected static Block intBlock(int count, boolean[] nulls, int[] values)
    {
        return new IntArrayBlock(count, Optional.ofNullable(nulls), values);
    }

    protected static Block longBlock(int count, boolean[] nulls, long[] values)
    {
        return new LongArrayBlock(count, Optional.ofNullable(nulls), values);
    }

    /** {@code values} holds [high, low] pairs. */
    protected static Block int128Block(int count, boolean[] nulls, long[] values)
    {
        return new Int128ArrayBlock(count, Optional.ofNullable(nulls), values);
    }
}
