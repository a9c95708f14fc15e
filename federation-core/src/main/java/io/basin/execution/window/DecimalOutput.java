package io.basin.execution.window;

import io.basin.error.BasinException;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.Int128ArrayBlockBuilder;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Int128Math;

import java.math.BigInteger;

import static io.basin.error.BasinErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;
import static java.util.Objects.requireNonNull;

/**
 * Writes unscaled values into a decimal column after checking they fit its precision: a result
 * that does not is NUMERIC_VALUE_OUT_OF_RANGE, never a silently wrong number.
 */
final class DecimalOutput
{
    private final DecimalType type;
    // exclusive bounds: |value| < 10^precision
    private final Int128 upperBound;
    private final Int128 lowerBound;
    private final BigInteger upperBoundBig;

    DecimalOutput(DecimalType type)
    {
        this.type = requireNonNull(type, "type is null");
        this.upperBound = Int128Math.powerOfTen(type.getPrecision());
        this.lowerBound = Int128Math.negate(upperBound);
        this.upperBoundBig = upperBound.toBigInteger();
    }

    void write(BlockBuilder output, long high, long low)
    {
        if (Int128.compare(high, low, upperBound.getHigh(), upperBound.getLow()) >= 0
                || Int128.compare(high, low, lowerBound.getHigh(), lowerBound.getLow()) <= 0) {
            throw overflow();
        }
        if (type.isShort()) {
            type.writeLong(output, low);
        }
        else {
            ((Int128ArrayBlockBuilder) output).writeInt128(high, low);
        }
    }

    void write(BlockBuilder output, long value)
    {
        write(output, value >> 63, value);
    }

    void write(BlockBuilder output, BigInteger value)
    {
        if (value.abs().compareTo(upperBoundBig) >= 0) {
            throw overflow();
        }
        Int128 int128 = Int128.valueOf(value);
        write(output, int128.getHigh(), int128.getLow());
    }

    private BasinException overflow()
    {
        return new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, "Numeric value out of range: result does not fit " + type.getDisplayName());
    }
}
