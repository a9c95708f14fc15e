package io.basin.pgwire.type;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the shortest-decimal search against the JDK's {@link Double#toString}/{@link Float#toString}
 * (JDK 19+: the shortest decimal that rounds to the value, the closest among those) on a million bit
 * patterns and the edges. PostgreSQL differs from the JDK in two documented ways, and so must we: where the
 * JDK's decimal is an end of the rounding interval (the midpoint to a neighbour, which round half
 * to even reads back as the value), PostgreSQL takes a decimal strictly inside; where the shortest
 * decimal has one digit, the JDK also considers two-digit decimals and takes the closest. Every
 * result must read back as the value. PostgreSQL itself is the oracle in {@link TestPgValueWriter}
 * and {@link TestPgValueWriterRandomized}.
 */
class TestShortestDecimal
{
    @Test
    void testLogarithmApproximations()
    {
        for (int q = -1200; q <= 1200; q++) {
            assertThat(ShortestDecimal.floorLog10Pow2(q)).as("floor(log10(2^%s))", q).isEqualTo(floorLog10(BigDecimal.ONE, q));
            assertThat(ShortestDecimal.floorLog10ThreeQuartersPow2(q)).as("floor(log10(3/4 2^%s))", q).isEqualTo(floorLog10(new BigDecimal("0.75"), q));
            assertThat(ShortestDecimal.floorLog2Pow10(q)).as("floor(log2(10^%s))", q).isEqualTo(floorLog2Pow10(q));
        }
    }

    private static int floorLog10(BigDecimal factor, int q)
    {
        BigDecimal value = q >= 0 ? factor.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(q))) : factor.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-q)));
        // value = unscaled × 10^-scale; floor(log10) = digits(unscaled) - 1 - scale
        return value.unscaledValue().toString().length() - 1 - value.scale();
    }

    private static int floorLog2Pow10(int e)
    {
        if (e >= 0) {
            return BigInteger.TEN.pow(e).bitLength() - 1;
        }
        // smallest n with 2^n > 10^e is -(bitLength of 10^-e) + 1 or so: search
        BigInteger power = BigInteger.TEN.pow(-e);
        int n = -power.bitLength();
        // 2^n <= 10^e  <=>  2^n * 10^-e <= 1  <=>  10^-e <= 2^-n
        while (power.compareTo(BigInteger.ONE.shiftLeft(-(n + 1))) <= 0) {
            n++;
        }
        while (power.compareTo(BigInteger.ONE.shiftLeft(-n)) > 0) {
            n--;
        }
        return n;
    }

    @Test
    void testDoublesAgainstJdk()
    {
        ShortestDecimal decimal = new ShortestDecimal();
        SplittableRandom random = new SplittableRandom(20241124);
        for (int i = 0; i < 500_000; i++) {
            long bits = random.nextLong();
            double value = Double.longBitsToDouble(bits);
            if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
                continue;
            }
            checkDouble(decimal, value);
        }
        // the edges: subnormals, powers of two and ten, integers around 2^53
        for (long bits = 1; bits < 5000; bits++) {
            checkDouble(decimal, Double.longBitsToDouble(bits));
        }
        for (int exponent = -1074; exponent <= 1023; exponent++) {
            double power = Math.scalb(1.0, exponent);
            checkDouble(decimal, power);
            checkDouble(decimal, Math.nextUp(power));
            checkDouble(decimal, Math.nextDown(power));
        }
        for (int exponent = -323; exponent <= 308; exponent++) {
            double power = Double.parseDouble("1e" + exponent);
            checkDouble(decimal, power);
            checkDouble(decimal, Math.nextUp(power));
            checkDouble(decimal, Math.nextDown(power));
        }
        for (long integer = (1L << 53) - 2000; integer < (1L << 53) + 2000; integer++) {
            checkDouble(decimal, integer);
        }
        checkDouble(decimal, Double.MAX_VALUE);
        checkDouble(decimal, Double.MIN_NORMAL);
    }

    @Test
    void testFloatsAgainstJdk()
    {
        ShortestDecimal decimal = new ShortestDecimal();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 500_000; i++) {
            float value = Float.intBitsToFloat(random.nextInt());
            if (Float.isNaN(value) || Float.isInfinite(value) || value == 0) {
                continue;
            }
            checkFloat(decimal, value);
        }
        for (int bits = 1; bits < 100_000; bits++) {
            checkFloat(decimal, Float.intBitsToFloat(bits));
        }
        for (int exponent = -149; exponent <= 127; exponent++) {
            float power = Math.scalb(1.0f, exponent);
            checkFloat(decimal, power);
            checkFloat(decimal, Math.nextUp(power));
            checkFloat(decimal, Math.nextDown(power));
        }
        for (int integer = (1 << 24) - 2000; integer < (1 << 24) + 2000; integer++) {
            checkFloat(decimal, integer);
        }
    }

    private static void checkDouble(ShortestDecimal decimal, double value)
    {
        decimal.setDouble(value);
        BigDecimal ours = new BigDecimal(BigInteger.valueOf(decimal.digits()), -decimal.exponent()).stripTrailingZeros();
        assertThat(ours.doubleValue()).as("%s reads back", value).isEqualTo(Math.abs(value));
        BigDecimal jdk = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        double magnitude = Math.abs(value);
        compare(value, ours, jdk, new BigDecimal(magnitude), new BigDecimal(Math.nextDown(magnitude)), new BigDecimal(magnitude).add(new BigDecimal(Math.ulp(magnitude))));
    }

    private static void checkFloat(ShortestDecimal decimal, float value)
    {
        decimal.setFloat(value);
        BigDecimal ours = new BigDecimal(BigInteger.valueOf(decimal.digits()), -decimal.exponent()).stripTrailingZeros();
        assertThat(ours.floatValue()).as("%s reads back", value).isEqualTo(Math.abs(value));
        BigDecimal jdk = new BigDecimal(Float.toString(Math.abs(value))).stripTrailingZeros();
        float magnitude = Math.abs(value);
        compare(value, ours, jdk, new BigDecimal(magnitude), new BigDecimal(Math.nextDown(magnitude)), new BigDecimal(magnitude).add(new BigDecimal(Math.ulp(magnitude))));
    }

    private static void compare(Object value, BigDecimal ours, BigDecimal jdk, BigDecimal exact, BigDecimal below, BigDecimal above)
    {
        BigDecimal lowerEnd = exact.add(below).divide(BigDecimal.TWO);
        BigDecimal upperEnd = exact.add(above).divide(BigDecimal.TWO);
        assertThat(ours).as("inside the rounding interval of %s", value).isStrictlyBetween(lowerEnd, upperEnd);
        if (ours.compareTo(jdk) == 0) {
            return;
        }
        if (jdk.precision() == 2 && ours.precision() == 1) {
            return;
        }
        assertThat(jdk.compareTo(lowerEnd) == 0 || jdk.compareTo(upperEnd) == 0).as("%s: ours %s, JDK's %s is an end of the interval", value, ours, jdk).isTrue();
        assertThat(ours.precision()).as("%s: ours %s, JDK's %s", value, ours, jdk).isGreaterThanOrEqualTo(jdk.precision());
    }
}
