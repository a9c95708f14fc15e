package io.basin.execution.window;

import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Type;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static com.google.common.base.Preconditions.checkArgument;
import static io.trino.spi.type.DoubleType.DOUBLE;

/**
 * {@code avg} of integers or decimals over the frame, from an exact sum. As a decimal (PostgreSQL
 * returns numeric) the quotient is rounded half away from zero to the output scale, which must
 * be at least the input's; as a double it is the nearest double. NULL when no value.
 */
final class ExactAvgFunction
        extends ExactFrameSum
{
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int exponent = 1; exponent < POWERS_OF_TEN.length; exponent++) {
            POWERS_OF_TEN[exponent] = POWERS_OF_TEN[exponent - 1] * 10;
        }
    }

    private final int inputScale;
    private final DecimalType decimalOutputType;
    private final DecimalOutput decimalOutput;

    ExactAvgFunction(int valueChannel, Type valueType, Type outputType)
    {
        super(valueChannel, valueType);
        this.inputScale = valueType instanceof DecimalType decimal ? decimal.getScale() : 0;
        if (outputType instanceof DecimalType decimal) {
            checkArgument(decimal.getScale() >= inputScale, "avg output scale %s is below the input scale %s", decimal.getScale(), inputScale);
            this.decimalOutputType = decimal;
            this.decimalOutput = new DecimalOutput(decimal);
        }
        else {
            this.decimalOutputType = null;
            this.decimalOutput = null;
        }
    }

    @Override
    protected void write(BlockBuilder output)
    {
        if (count == 0) {
            output.appendNull();
            return;
        }
        if (decimalOutput == null) {
            double total = sum.fitsLong() ? sum.low() : sum.toBigInteger().doubleValue();
            DOUBLE.writeDouble(output, total / Math.pow(10, inputScale) / count);
            return;
        }
        int rescale = decimalOutputType.getScale() - inputScale;
        if (sum.fitsLong() && rescale < POWERS_OF_TEN.length) {
            // The common case in long arithmetic: (sum * 10^rescale) / count, if the product fits.
            long factor = POWERS_OF_TEN[rescale];
            long productHigh = Math.multiplyHigh(sum.low(), factor);
            long product = sum.low() * factor;
            if (productHigh == (product >> 63)) {
                long quotient = product / count;
                long remainder = product % count;
                // half away from zero; |remainder| < count, so doubling it cannot overflow
                if (2 * Math.abs(remainder) >= count) {
                    quotient += Long.signum(product);
                }
                decimalOutput.write(output, quotient);
                return;
            }
        }
        BigDecimal average = new BigDecimal(sum.toBigInteger(), inputScale)
                .divide(BigDecimal.valueOf(count), decimalOutputType.getScale(), RoundingMode.HALF_UP);
        decimalOutput.write(output, average.unscaledValue());
    }
}
