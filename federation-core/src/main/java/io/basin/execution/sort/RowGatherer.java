package io.basin.execution.sort;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.IntArrayBlock;
import io.trino.spi.block.LongArrayBlock;
import io.trino.spi.block.ValueBlock;
import io.trino.spi.type.Type;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

/**
 * Builds output pages from rows scattered over retained pages (the output of a sort, a merge or
 * a window). Rows are collected as references first and copied column by column when the page
 * is built: one column at a time keeps each inner loop on one block class, and the common
 * fixed-width columns are gathered straight into arrays without a block builder.
 *
 * <p>A page is full at {@code maxRows} rows or about {@code maxBytes} bytes, estimated from the
 * average row size of the source pages. Source pages must hold value blocks.
 */
public final class RowGatherer
{
    public static final int DEFAULT_MAX_ROWS = 8192;
    public static final long DEFAULT_MAX_BYTES = 1L << 20;

    private final Type[] types;
    private final int maxRows;
    private final long maxBytes;

    private Page[] pages;
    private int[] positions;
    private int count;
    private long estimatedBytes;
    private Page lastPage;
    private long lastPageRowBytes;

    public RowGatherer(List<Type> types)
    {
        this(types, DEFAULT_MAX_ROWS, DEFAULT_MAX_BYTES);
    }

    public RowGatherer(List<Type> types, int maxRows, long maxBytes)
    {
        checkArgument(maxRows > 0, "maxRows must be positive");
        checkArgument(maxBytes > 0, "maxBytes must be positive");
        this.types = types.toArray(Type[]::new);
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.pages = new Page[Math.min(maxRows, 1024)];
        this.positions = new int[pages.length];
    }

    public void append(Page page, int position)
    {
        checkState(count < maxRows, "gatherer is full");
        if (count == pages.length) {
            int capacity = Math.min(maxRows, count * 2);
            pages = Arrays.copyOf(pages, capacity);
            positions = Arrays.copyOf(positions, capacity);
        }
        if (page != lastPage) {
            lastPage = page;
            lastPageRowBytes = page.getSizeInBytes() / Math.max(1, page.getPositionCount());
        }
        pages[count] = page;
        positions[count] = position;
        count++;
        estimatedBytes += lastPageRowBytes;
    }

    public boolean isFull()
    {
        return count >= maxRows || estimatedBytes >= maxBytes;
    }

    public boolean isEmpty()
    {
        return count == 0;
    }

    public int size()
    {
        return count;
    }

    /** The collected rows as a page; the gatherer is empty again afterwards. */
    public Page build()
    {
        Block[] blocks = new Block[types.length];
        for (int channel = 0; channel < types.length; channel++) {
            blocks[channel] = gather(channel);
        }
        Page page = new Page(count, blocks);
        // drop references so gathered source pages can be collected
        Arrays.fill(pages, 0, count, null);
        count = 0;
        estimatedBytes = 0;
        lastPage = null;
        return page;
    }

    private Block gather(int channel)
    {
        Type type = types[channel];
        Class<? extends ValueBlock> blockClass = type.getValueBlockType();
        if (blockClass == LongArrayBlock.class) {
            return gatherLongs(channel);
        }
        if (blockClass == IntArrayBlock.class) {
            return gatherInts(channel);
        }
        BlockBuilder builder = type.createBlockBuilder(null, count);
        for (int row = 0; row < count; row++) {
            builder.append((ValueBlock) pages[row].getBlock(channel), positions[row]);
        }
        return builder.build();
    }

    private Block gatherLongs(int channel)
    {
        long[] values = new long[count];
        boolean[] nulls = new boolean[count];
        boolean hasNull = false;
        for (int row = 0; row < count; row++) {
            LongArrayBlock block = (LongArrayBlock) pages[row].getBlock(channel);
            int position = positions[row];
            if (block.isNull(position)) {
                nulls[row] = true;
                hasNull = true;
            }
            else {
                values[row] = block.getLong(position);
            }
        }
        return new LongArrayBlock(count, hasNull ? Optional.of(nulls) : Optional.empty(), values);
    }

    private Block gatherInts(int channel)
    {
        int[] values = new int[count];
        boolean[] nulls = new boolean[count];
        boolean hasNull = false;
        for (int row = 0; row < count; row++) {
            IntArrayBlock block = (IntArrayBlock) pages[row].getBlock(channel);
            int position = positions[row];
            if (block.isNull(position)) {
                nulls[row] = true;
                hasNull = true;
            }
            else {
                values[row] = block.getInt(position);
            }
        }
        return new IntArrayBlock(count, hasNull ? Optional.of(nulls) : Optional.empty(), values);
    }
}
