package io.basin.execution.expression.function;

import io.basin.error.BasinException;
import io.trino.spi.type.Int128;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** 128-bit helpers checked against BigInteger. */
class TestInt128Arithmetic
{
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
    private static final BigInteger MIN = BigInteger.ONE.shiftLeft(127).negate();

    private static BigInteger random(Random random)
    {
        BigInteger value = new BigInteger(1 + random.nextInt(126), random);
        return random.nextBoolean() ? value.negate() : value;
    }

    private static BigInteger result(long[] value)
    {
        return Int128.valueOf(value[0], value[1]).toBigInteger();
    }

    private static boolean fits(BigInteger value)
    {
        return value.compareTo(MAX) <= 0 && value.compareTo(MIN) >= 0;
    }

    @Test
    void matchesBigInteger()
    {
        Random random = new Random(23);
        long[] out = new long[2];
        for (int i = 0; i < 20_000; i++) {
            BigInteger a = random(random);
            BigInteger b = random(random);
            Int128 x = Int128.valueOf(a);
            Int128 y = Int128.valueOf(b);
            BigInteger sum = a.add(b);
            if (fits(sum)) {
                Int128Arithmetic.add(x.getHigh(), x.getLow(), y.getHigh(), y.getLow(), out);
                assertThat(result(out)).isEqualTo(sum);
            }
            else {
                assertThrows(BasinException.class, () -> Int128Arithmetic.add(x.getHigh(), x.getLow(), y.getHigh(), y.getLow(), out));
            }
            BigInteger difference = a.subtract(b);
            if (fits(difference)) {
                Int128Arithmetic.subtract(x.getHigh(), x.getLow(), y.getHigh(), y.getLow(), out);
                assertThat(result(out)).isEqualTo(difference);
            }
            BigInteger product = a.multiply(b);
            // magnitudes up to 2^127 - 1 are representable; the product of MIN is not produced by decimals
            if (product.abs().compareTo(MAX) <= 0) {
                Int128Arithmetic.multiply(x.getHigh(), x.getLow(), y.getHigh(), y.getLow(), out);
                assertThat(result(out)).as("%s * %s", a, b).isEqualTo(product);
            }
            else {
                assertThrows(BasinException.class, () -> Int128Arithmetic.multiply(x.getHigh(), x.getLow(), y.getHigh(), y.getLow(), out));
            }
            assertThat(Int128Arithmetic.compare(x.getHigh(), x.getLow(), y.getHigh(), y.getLow())).isEqualTo(Integer.signum(a.compareTo(b)));
            int exponent = random.nextInt(39);
            BigInteger power = BigInteger.TEN.pow(exponent);
            BigInteger[] division = a.divideAndRemainder(power);
            BigInteger rounded = division[1].abs().shiftLeft(1).compareTo(power) >= 0 ? division[0].add(BigInteger.valueOf(a.signum())) : division[0];
            Int128Arithmetic.divideByPowerOfTenRounded(x.getHigh(), x.getLow(), exponent, out);
            assertThat(result(out)).as("%s / 10^%s", a, exponent).isEqualTo(rounded);
            int precision = 1 + random.nextInt(38);
            assertThat(Int128Arithmetic.exceedsPrecision(x.getHigh(), x.getLow(), precision)).isEqualTo(a.abs().compareTo(BigInteger.TEN.pow(precision)) >= 0);
        }
    }

    @Test
    void longTimesLongIsExact()
    {
        Random random = new Random(29);
        long[] out = new long[2];
        for (int i = 0; i < 10_000; i++) {
            long a = random.nextLong();
            long b = random.nextLong();
            Int128Arithmetic.multiply(a, b, out);
            assertThat(result(out)).isEqualTo(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
        }
    }
}
