package io.basin.execution.window;

import io.basin.error.BasinException;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Type;

import static io.basin.error.BasinErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;
import static io.trino.spi.type.BigintType.BIGINT;

/**
 * {@code sum} of integers or decimals over the frame, exact: the total is kept in an
 * {@link Int128Sum} and range checked only when written, as bigint (overflow is an error, as
 * PostgreSQL's int8 arithmetic) or as a decimal of the input's scale (typically
 * decimal(38, s)). NULL when the frame has no non-NULL value.
 */
final class ExactSumFunction
        extends ExactFrameSum
{
    private final DecimalOutput decimalOutput;

    /** {@code outputType} is BIGINT or a decimal with the input's scale (0 for integers). */
    ExactSumFunction(int valueChannel, Type valueType, Type outputType)
    {
        super(valueChannel, valueType);
        this.decimalOutput = outputType instanceof DecimalType decimal ? new DecimalOutput(decimal) : null;
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
