package io.basin.execution.window;

import io.trino.spi.block.Block;
import io.trino.spi.block.Int128ArrayBlock;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * The exact running total of a frame's integers or decimals, and how many non-NULL values it
 * holds, kept as rows enter and leave the frame; {@code sum} and {@code avg} differ only in
 * what they write from it.
 */
abstract class ExactFrameSum
        extends FrameAggregateFunction
{
    private final int valueChannel;
    private final Type valueType;
    private final boolean int128Input;
    protected final Int128Sum sum = new Int128Sum();
    protected long count;

    ExactFrameSum(int valueChannel, Type valueType)
    {
        this.valueChannel = valueChannel;
        this.valueType = requireNonNull(valueType, "valueType is null");
        this.int128Input = valueType instanceof DecimalType decimal && !decimal.isShort();
    }

    @Override
    protected final void clear()
    {
        sum.clear();
        count = 0;
    }

    @Override
    protected final void add(int row)
    {
        Block block = partition.block(valueChannel, row);
        int position = partition.position(row);
        if (block.isNull(position)) {
            return;
        }
        count++;
        if (int128Input) {
            Int128ArrayBlock int128 = (Int128ArrayBlock) block;
            sum.add(int128.getInt128High(position), int128.getInt128Low(position));
        }
        else {
            sum.add(valueType.getLong(block, position));
        }
    }

    @Override
    protected final void remove(int row)
    {
        Block block = partition.block(valueChannel, row);
        int position = partition.position(row);
        if (block.isNull(position)) {
            return;
        }
        count--;
        if (int128Input) {
            Int128ArrayBlock int128 = (Int128ArrayBlock) block;
            sum.subtract(int128.getInt128High(position), int128.getInt128Low(position));
        }
        else {
            sum.subtract(valueType.getLong(block, position));
        }
    }
}
