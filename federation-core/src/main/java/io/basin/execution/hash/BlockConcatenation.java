package io.basin.execution.hash;

import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.ValueBlock;
import io.trino.spi.type.Type;

import java.util.List;

/** Concatenates the blocks of one column into one block (a hash build side, a sort buffer). */
public final class BlockConcatenation
{
    private BlockConcatenation() {}

    public static Block concat(Type type, List<Block> blocks)
    {
        if (blocks.size() == 1) {
            return blocks.getFirst();
        }
        int total = 0;
        for (Block block : blocks) {
            total += block.getPositionCount();
        }
        BlockBuilder builder = type.createBlockBuilder(null, total);
        for (Block block : blocks) {
            appendAll(builder, block);
        }
        return builder.build();
    }

    public static void appendAll(BlockBuilder builder, Block block)
    {
        int count = block.getPositionCount();
        if (block instanceof ValueBlock valueBlock) {
            builder.appendRange(valueBlock, 0, count);
            return;
        }
        ValueBlock underlying = block.getUnderlyingValueBlock();
        for (int position = 0; position < count; position++) {
            builder.append(underlying, block.getUnderlyingValuePosition(position));
        }
    }
}
