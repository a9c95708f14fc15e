package io.basin.spectrum;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.type.Type;

import java.util.Arrays;
import java.util.List;
import java.util.function.ObjLongConsumer;

import static io.airlift.slice.SizeOf.instanceSize;
import static io.airlift.slice.SizeOf.sizeOf;
import static java.util.Objects.requireNonNull;

/**
 * One decoded batch of a task as a page whose columns decode when first asked for: a column maps
 * to a channel of the decoder's own lazy page, or to nulls when the file lacks it.
 *
 * <p>Selecting positions narrows the batch without decoding anything. A column read afterwards is
 * decoded and then narrowed to the selected rows; both Trino decoders (476) decode a column's
 * whole batch anyway and would only wrap it in a position view, which the engine reads slower than
 * a compact copy. So the decoder's page is never narrowed itself: each column is narrowed once,
 * from the whole batch, the way the workers always handed rows over: flat blocks are copied,
 * dictionary blocks keep their dictionary with the selected ids (the engine, like the row filter,
 * then still decides per dictionary entry).
 */
final class LazyBatch
        implements SourcePage
{
    private static final long INSTANCE_SIZE = instanceSize(LazyBatch.class);

    private final String path;
    // null when no column of the batch is in the file
    private final SourcePage source;
    private final int[] sourceChannels;
    private final List<Type> types;
    // per channel: the whole batch as decoded, and that narrowed to the selection
    private final Block[] decoded;
    private final Block[] blocks;
    // positions of the whole batch that are selected, or null for all of them
    private int[] selected;
    private int positionCount;

    /**
     * @param path the file, named by the error when decoding fails
     * @param source the decoder's page, or null when no channel reads the file
     * @param sourceChannels per channel, the channel of {@code source} or -1 for a column of nulls
     * @param types per channel, the column's type
     */
    LazyBatch(String path, SourcePage source, int positionCount, int[] sourceChannels, List<Type> types)
    {
        this.path = requireNonNull(path, "path is null");
        this.source = source;
        this.positionCount = positionCount;
        this.sourceChannels = requireNonNull(sourceChannels, "sourceChannels is null");
        this.types = requireNonNull(types, "types is null");
        this.decoded = new Block[sourceChannels.length];
        this.blocks = new Block[sourceChannels.length];
    }

    @Override
    public int getPositionCount()
    {
        return positionCount;
    }

    @Override
    public int getChannelCount()
    {
        return blocks.length;
    }

    @Override
    public Block getBlock(int channel)
    {
        Block block = blocks[channel];
        if (block == null) {
            block = sourceChannels[channel] < 0
                    ? RunLengthEncodedBlock.create(types.get(channel), null, positionCount)
                    : narrow(decode(channel));
            blocks[channel] = block;
        }
        return block;
    }

    private Block decode(int channel)
    {
        Block block = decoded[channel];
        if (block == null) {
            try {
                block = source.getBlock(sourceChannels[channel]);
            }
            catch (RuntimeException e) {
                // a decoder fails lazily, in whichever caller first reads the column
                throw ReadFailures.translate(path, e);
            }
            decoded[channel] = block;
        }
        return block;
    }

    private Block narrow(Block block)
    {
        if (selected == null) {
            return block;
        }
        if (block instanceof RunLengthEncodedBlock runLength) {
            return RunLengthEncodedBlock.create(runLength.getValue(), positionCount);
        }
        if (block instanceof DictionaryBlock) {
            return block.getPositions(selected, 0, positionCount);
        }
        return block.copyPositions(selected, 0, positionCount);
    }

    /** Whether the channel's column was decoded for this batch. */
    boolean isDecoded(int channel)
    {
        return decoded[channel] != null;
    }

    @Override
    public void selectPositions(int[] positions, int offset, int size)
    {
        // positions index the current selection: kept as positions of the whole batch
        int[] narrowed = new int[size];
        for (int i = 0; i < size; i++) {
            int position = positions[offset + i];
            narrowed[i] = selected == null ? position : selected[position];
        }
        selected = narrowed;
        positionCount = size;
        // narrowed again from the whole batch when next read
        Arrays.fill(blocks, null);
    }

    @Override
    public Page getPage()
    {
        Block[] page = new Block[blocks.length];
        for (int channel = 0; channel < page.length; channel++) {
            page[channel] = getBlock(channel);
        }
        return new Page(positionCount, page);
    }

    @Override
    public Page getColumns(int[] channels)
    {
        Block[] page = new Block[channels.length];
        for (int i = 0; i < channels.length; i++) {
            page[i] = getBlock(channels[i]);
        }
        return new Page(positionCount, page);
    }

    @Override
    public long getSizeInBytes()
    {
        long size = 0;
        for (Block block : blocks) {
            if (block != null) {
                size += block.getSizeInBytes();
            }
        }
        return size;
    }

    @Override
    public long getRetainedSizeInBytes()
    {
        long size = INSTANCE_SIZE + sizeOf(decoded) + sizeOf(blocks) + sizeOf(selected);
        for (int channel = 0; channel < blocks.length; channel++) {
            if (decoded[channel] != null) {
                size += decoded[channel].getRetainedSizeInBytes();
            }
            if (blocks[channel] != null && blocks[channel] != decoded[channel]) {
                size += blocks[channel].getRetainedSizeInBytes();
            }
        }
        return size;
    }

    @Override
    public void retainedBytesForEachPart(ObjLongConsumer<Object> consumer)
    {
        consumer.accept(this, INSTANCE_SIZE);
        consumer.accept(decoded, sizeOf(decoded));
        consumer.accept(blocks, sizeOf(blocks));
        if (selected != null) {
            consumer.accept(selected, sizeOf(selected));
        }
        for (int channel = 0; channel < blocks.length; channel++) {
            if (decoded[channel] != null) {
                decoded[channel].retainedBytesForEachPart(consumer);
            }
            if (blocks[channel] != null && blocks[channel] != decoded[channel]) {
                blocks[channel].retainedBytesForEachPart(consumer);
            }
        }
    }
}
