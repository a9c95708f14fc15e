package io.basin.execution.expression.function;

import static io.basin.execution.expression.function.ExpressionErrors.divisionByZero;
import static io.basin.execution.expression.function.ExpressionErrors.outOfRange;

/**
 * Checked arithmetic on the integer types. Values of every integer type travel as {@code long};
 * each operation checks the result against the range of its SQL type, as PostgreSQL does, instead
 * of wrapping around. Division truncates toward zero.
 */
public final class IntegerArithmetic
{
    private IntegerArithmetic() {}

    // bigint

    public static long addBigint(long left, long right)
    {
        long result = left + right;
        // overflow iff both operands have the sign opposite to the result
        if (((left ^ result) & (right ^ result)) < 0) {
            throw outOfRange("bigint");
        }
        return result;
    }

    public static long subtractBigint(long left, long right)
    {
        long result = left - right;
        if (((left ^ right) & (left ^ result)) < 0) {
            throw outOfRange("bigint");
        }
        return result;
    }

    public static long multiplyBigint(long left, long right)
    {
        long high = Math.multiplyHigh(left, right);
        long low = left * right;
        if (high != (low >> 63)) {
            throw outOfRange("bigint");
        }
        return low;
    }

    public static long divideBigint(long left, long right)
    {
        if (right == 0) {
            throw divisionByZero();
        }
        if (left == Long.MIN_VALUE && right == -1) {
            throw outOfRange("bigint");
        }
        return left / right;
    }

    public static long modulusBigint(long left, long right)
    {
        if (right == 0) {
            throw divisionByZero();
        }
        // Long.MIN_VALUE % -1 is 0 in Java, as in PostgreSQL
        return left % right;
    }

    public static long negateBigint(long value)
    {
        if (value == Long.MIN_VALUE) {
            throw outOfRange("bigint");
        }
        return -value;
    }

    public static long absBigint(long value)
    {
        if (value == Long.MIN_VALUE) {
            throw outOfRange("bigint");
        }
        return Math.abs(value);
    }

    // narrower types: the operands are in range, so the long result is exact and only needs a range check

    public static long checkInteger(long value)
    {
        if (value != (int) value) {
            throw outOfRange("integer");
        }
        return value;
    }

    public static long checkSmallint(long value)
    {
        if (value != (short) value) {
            throw outOfRange("smallint");
        }
        return value;
    }

    public static long checkTinyint(long value)
    {
        if (value != (byte) value) {
            throw outOfRange("tinyint");
        }
        return value;
    }

    /** Division for integer, smallint and tinyint operands; the caller range-checks the quotient. */
    public static long divideNarrow(long left, long right)
    {
        if (right == 0) {
            throw divisionByZero();
        }
        return left / right;
    }

    /** Modulus for integer, smallint and tinyint operands. */
    public static long modulusNarrow(long left, long right)
    {
        if (right == 0) {
            throw divisionByZero();
        }
        return left % right;
    }
}
