package io.basin.execution.window;

import io.basin.error.BasinException;

import static io.basin.error.BasinErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;

/**
 * A running floating point sum that supports removal. Finite values are summed with
 * Neumaier's compensation, so adding and later removing a value leaves (nearly) no rounding
 * residue behind; infinities and NaNs are counted instead of summed, so a NaN or infinity that
 * left the frame does not poison the sums of later frames. Like PostgreSQL, a sum of finite
 * values that overflows is an error rather than infinity.
 */
final class DoubleSum
{
    private double sum;
    private double compensation;
    private long count;
    private long nanCount;
    private long positiveInfinityCount;
    private long negativeInfinityCount;

    void clear()
    {
        sum = 0;
        compensation = 0;
        count = 0;
        nanCount = 0;
        positiveInfinityCount = 0;
        negativeInfinityCount = 0;
    }

    void add(double value)
    {
        count++;
        if (Double.isNaN(value)) {
            nanCount++;
        }
        else if (value == Double.POSITIVE_INFINITY) {
            positiveInfinityCount++;
        }
        else if (value == Double.NEGATIVE_INFINITY) {
            negativeInfinityCount++;
        }
        else {
            addFinite(value);
        }
    }

    void remove(double value)
    {
        count--;
        if (count == 0) {
            // nothing left: drop any rounding residue
            clear();
        }
        else if (Double.isNaN(value)) {
            nanCount--;
        }
        else if (value == Double.POSITIVE_INFINITY) {
            positiveInfinityCount--;
        }
        else if (value == Double.NEGATIVE_INFINITY) {
            negativeInfinityCount--;
        }
        else {
            addFinite(-value);
        }
    }

    /** Number of values in the sum. */
    long count()
    {
        return count;
    }

    double value()
    {
        if (nanCount > 0 || (positiveInfinityCount > 0 && negativeInfinityCount > 0)) {
            return Double.NaN;
        }
        if (positiveInfinityCount > 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (negativeInfinityCount > 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return sum + compensation;
    }

    private void addFinite(double value)
    {
        double total = sum + value;
        if (Double.isInfinite(total)) {
            throw new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, "Value out of range: overflow");
        }
        if (Math.abs(sum) >= Math.abs(value)) {
            compensation += (sum - total) + value;
        }
        else {
            compensation += (value - total) + sum;
        }
        sum = total;
    }
}
