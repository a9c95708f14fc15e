package io.basin.pgwire.type;

import java.math.BigInteger;

/**
 * The shortest decimal {@code digits × 10^exponent} strictly inside the rounding interval of a
 * double or float, the closest one when several are equally short (ties to an even last digit):
 * the digits PostgreSQL 12+ prints for {@code float8}/{@code float4}, whose Ryū port finds the
 * same decimal. Integers below 2^53 (2^24) are their own digits. Allocation-free, for writing
 * result rows.
 * <p>
 * This is Raffaello Giulietti's Schubfach algorithm ("The Schubfach way to render doubles",
 * 2020), written from the paper. {@link Double#toString} applies the same algorithm but differs
 * from PostgreSQL twice: it takes an end of the interval when round half to even reads it back as
 * the value ({@code 1.0E23}), and it prints at least two digits, so it keeps a second digit for the
 * smallest subnormals ({@code 4.9E-324} rather than {@code 5e-324}).
 * <p>
 * A value is {@code c × 2^q}. The algorithm scales the rounding interval of the value (the reals
 * that round to it) by {@code 10^-k}, chosen so that the interval is between 1 and 10 units wide,
 * and picks the integer in it with the fewest digits, trying first one that ends in 0. The scaling
 * multiplies by a 126-bit approximation of a power of ten from a table; the paper proves that
 * rounding it up and keeping a sticky bit ({@link #roundToOdd}) decides every comparison
 * exactly.
 * <p>
 * Not thread-safe: one instance holds the result of the last call.
 */
final class ShortestDecimal
{
    private static final int DOUBLE_MIN_EXPONENT = -1074;
    private static final long DOUBLE_MIN_SIGNIFICAND = 1L << 52;
    private static final int FLOAT_MIN_EXPONENT = -149;
    private static final long FLOAT_MIN_SIGNIFICAND = 1L << 23;

    // range of k = floor(log10(2^q)) over all doubles (floats fall inside)
    private static final int K_MIN = -324;
    private static final int K_MAX = 292;
    private static final long MASK_63 = Long.MAX_VALUE;

    // for each k: g = floor(10^-k × 2^(125 - floor(log2(10^-k)))) + 1, so 2^125 < g < 2^126,
    // split into g >> 63 and g mod 2^63
    private static final long[] POWERS_OF_TEN = powersOfTen();

    private long digits;
    private int exponent;

    /** Digits of the last result, possibly with trailing zeros. */
    long digits()
    {
        return digits;
    }

    /** Power of ten of the last result. */
    int exponent()
    {
        return exponent;
    }

    /** Computes the shortest decimal of {@code |value|}; {@code value} must be finite and not zero. */
    void setDouble(double value)
    {
        long bits = Double.doubleToRawLongBits(value) & Long.MAX_VALUE;
        long fraction = bits & (DOUBLE_MIN_SIGNIFICAND - 1);
        int biasedExponent = (int) (bits >>> 52);
        if (biasedExponent == 0) {
            // subnormal: evenly spaced down to zero
            compute(DOUBLE_MIN_EXPONENT, fraction, false);
            return;
        }
        long significand = DOUBLE_MIN_SIGNIFICAND | fraction;
        int binaryExponent = biasedExponent - 1075;
        if (setIfSmallInteger(significand, binaryExponent, 53)) {
            return;
        }
        // at a power of two the next smaller value is half as far away as the next larger one
        compute(binaryExponent, significand, fraction == 0 && biasedExponent > 1);
    }

    /** Computes the shortest decimal of {@code |value|}; {@code value} must be finite and not zero. */
    void setFloat(float value)
    {
        int bits = Float.floatToRawIntBits(value) & Integer.MAX_VALUE;
        int fraction = bits & (int) (FLOAT_MIN_SIGNIFICAND - 1);
        int biasedExponent = bits >>> 23;
        if (biasedExponent == 0) {
            compute(FLOAT_MIN_EXPONENT, fraction, false);
            return;
        }
        long significand = FLOAT_MIN_SIGNIFICAND | fraction;
        int binaryExponent = biasedExponent - 150;
        if (setIfSmallInteger(significand, binaryExponent, 24)) {
            return;
        }
        compute(binaryExponent, significand, fraction == 0 && biasedExponent > 1);
    }

    /**
     * An integer below {@code 2^precision} is its own shortest decimal: its neighbours are at most
     * 1 away, so no decimal with fewer significant digits rounds to it.
     */
    private boolean setIfSmallInteger(long significand, int binaryExponent, int precision)
    {
        if (binaryExponent < 0 && binaryExponent > -precision) {
            long integer = significand >> -binaryExponent;
            if (integer << -binaryExponent == significand) {
                digits = integer;
                exponent = 0;
                return true;
            }
        }
        return false;
    }

    /**
     * The shortest decimal in the rounding interval of {@code c × 2^q}. In units of
     * {@code 2^(q-2)} the value is {@code cb = 4c} and the interval runs from {@code cbl} to
     * {@code cbr}.
     */
    private void compute(int q, long c, boolean irregularSpacing)
    {
        // PostgreSQL builds Ryū with STRICTLY_SHORTEST off: the interval's ends are never taken,
        // even where round half to even would read them back as the value (1e23 prints as
        // 9.999999999999999e+22), so that readers with sloppy rounding get the value too
        long excludesEnds = 1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (irregularSpacing) {
            cbl = cb - 1;
            k = floorLog10ThreeQuartersPow2(q);
        }
        else {
            cbl = cb - 2;
            k = floorLog10Pow2(q);
        }
        int shift = q + floorLog2Pow10(-k) + 2;
        int index = (k - K_MIN) << 1;
        long g1 = POWERS_OF_TEN[index];
        long g0 = POWERS_OF_TEN[index + 1];
        // the value and the interval's ends times 10^-k, in quarters, rounded to odd
        long vb = roundToOdd(g1, g0, cb << shift);
        long vbl = roundToOdd(g1, g0, cbl << shift);
        long vbr = roundToOdd(g1, g0, cbr << shift);

        long s = vb >> 2;
        if (s >= 100) {
            // one digit fewer: the multiples of 10 around the value
            long lower10 = s / 10 * 10;
            long upper10 = lower10 + 10;
            boolean lowerInside = vbl + excludesEnds <= lower10 << 2;
            boolean upperInside = (upper10 << 2) + excludesEnds <= vbr;
            if (lowerInside != upperInside) {
                set(lowerInside ? lower10 : upper10, k);
                return;
            }
        }
        long t = s + 1;
        boolean lowerInside = vbl + excludesEnds <= s << 2;
        boolean upperInside = (t << 2) + excludesEnds <= vbr;
        if (lowerInside != upperInside) {
            set(lowerInside ? s : t, k);
            return;
        }
        // both are inside: the closer one, the even one on a tie
        long comparison = vb - ((s + t) << 1);
        set(comparison < 0 || (comparison == 0 && (s & 1) == 0) ? s : t, k);
    }

    private void set(long digits, int exponent)
    {
        this.digits = digits;
        this.exponent = exponent;
    }

    /**
     * {@code floor(g × cp / 2^127)} with the lowest bit set when the division is inexact (as far
     * as the paper's bound needs), where {@code g = g1 × 2^63 + g0}.
     */
    private static long roundToOdd(long g1, long g0, long cp)
    {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long integer = y1 + (z >>> 63);
        return integer | (((z & MASK_63) + MASK_63) >>> 63);
    }

    // floor(q × log10(2)), exact for |q| <= 5456721
    static int floorLog10Pow2(int q)
    {
        return (int) ((q * 661_971_961_083L) >> 41);
    }

    // floor(log10(3/4 × 2^q)), exact for |q| <= 2^20
    static int floorLog10ThreeQuartersPow2(int q)
    {
        return (int) ((q * 661_971_961_083L - 274_743_187_321L) >> 41);
    }

    // floor(e × log2(10)), exact for |e| <= 1838394
    static int floorLog2Pow10(int e)
    {
        return (int) ((e * 913_124_641_741L) >> 38);
    }

    private static long[] powersOfTen()
    {
        long[] table = new long[(K_MAX - K_MIN + 1) * 2];
        for (int k = K_MIN; k <= K_MAX; k++) {
            int e = -k;
            // g = floor(10^e × 2^(125 - floor(log2(10^e)))) + 1
            int binaryShift = 125 - floorLog2Pow10(e);
            BigInteger g;
            if (e >= 0) {
                BigInteger power = BigInteger.TEN.pow(e);
                g = binaryShift >= 0 ? power.shiftLeft(binaryShift) : power.shiftRight(-binaryShift);
            }
            else {
                g = BigInteger.ONE.shiftLeft(binaryShift).divide(BigInteger.TEN.pow(-e));
            }
            g = g.add(BigInteger.ONE);
            int index = (k - K_MIN) << 1;
            table[index] = g.shiftRight(63).longValueExact();
            table[index + 1] = g.longValue() & MASK_63;
        }
        return table;
    }
}
