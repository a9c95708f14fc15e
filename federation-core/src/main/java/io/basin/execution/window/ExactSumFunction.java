package io.basin.execution.window;

import io.basin.error.BasinException;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.Int128ArrayBlock;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Type;

import static io.basin.error.BasinErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;
import static io.trino.spi.type.BigintType.BIGINT;
import static java.util.Objects.requireNonNull;

/**
 * {@code sum} of integers or decimals over the frame, exact: the total is kept in an
 * {@link Int128Sum} and range checked only when written, as bigint (overflow is an error, as
 * PostgreSQL's int8 arithmetic) or as a decimal of the input's scale (typically
 * decimal(38, s)). NULL when the frame has no non-NULL value.
 */
final class ExactSumFunction
        extends FrameAggregateFunction
{
    private final int valueChannel;
    private final Type valueType;
    private final boolean int128Input;
    private final DecimalOutput decimalOutput;
    private final Int128Sum sum = new Int128Sum();
    private long count;

    /** {@code outputType} is BIGINT or a decimal with the input's scale (0 for integers). */
    ExactSumFunction(int valueChannel, Type valueType, Type outputType)
    {
        this.valueChannel = valueChannel;
        this.valueType = requireNonNull(valueType, "valueType is null");
        this.int128Input = valueType instanceof DecimalType decimal && !decimal.isShort();
        this.decimalOutput = outputType instanceof DecimalType decimal ? new DecimalOutput(decimal) : null;
    }

    @Override
    protected void clear()
    {
        sum.clear();
        count = 0;
    }

    @Override
    protected void add(int row)
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
    protected void remove(int row)
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

    @Override
    protected void write(BlockBuilder output)
    {
        if (count == 0) {
            output.appendNull();
        }
        else if (decimalOutput == null) {
            if (!sum.fitsLong()) {
                throw new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
            }
            BIGINT.writeLong(output, sum.low());
        }
        else if (sum.fitsInt128()) {
            decimalOutput.write(output, sum.high(), sum.low());
        }
        else {
            decimalOutput.write(output, sum.toBigInteger());
        }
    }
}
