package io.basin.execution.expression.function;

import static io.basin.execution.expression.function.ExpressionErrors.divisionByZero;
import static io.basin.execution.expression.function.ExpressionErrors.floatOutOfRange;

/**
 * Arithmetic and ordering on {@code double precision} and {@code real} with PostgreSQL's rules:
 * an operation on finite operands that overflows to infinity (or a product that underflows to
 * zero) is an error rather than a silent infinity, division by zero is an error, and NaN equals
 * NaN and sorts above every other value. Reals travel as their float bits in a {@code long}, as in
 * Trino.
 */
public final class FloatingPointArithmetic
{
    private FloatingPointArithmetic() {}

    public static double add(double left, double right)
    {
        return checkOverflow(left + right, left, right);
    }

    public static double subtract(double left, double right)
    {
        return checkOverflow(left - right, left, right);
    }

    public static double multiply(double left, double right)
    {
        double result = checkOverflow(left * right, left, right);
        if (result == 0.0 && left != 0.0 && right != 0.0) {
            throw floatOutOfRange("underflow");
        }
        return result;
    }

    public static double divide(double left, double right)
    {
        if (right == 0.0) {
            throw divisionByZero();
        }
        double result = checkOverflow(left / right, left, right);
        if (result == 0.0 && left != 0.0 && !Double.isInfinite(right)) {
            throw floatOutOfRange("underflow");
        }
        return result;
    }

    public static double modulus(double left, double right)
    {
        if (right == 0.0) {
            throw divisionByZero();
        }
        return left % right;
    }

    private static double checkOverflow(double result, double left, double right)
    {
        if (Double.isInfinite(result) && !Double.isInfinite(left) && !Double.isInfinite(right)) {
            throw floatOutOfRange("overflow");
        }
        return result;
    }

    /** PostgreSQL ordering: -0 equals 0, NaN equals NaN and is greater than everything else. */
    public static int compare(double left, double right)
    {
        if (left < right) {
            return -1;
        }
        if (left > right) {
            return 1;
        }
        if (left == right) {
            return 0;
        }
        boolean leftNaN = Double.isNaN(left);
        boolean rightNaN = Double.isNaN(right);
        if (leftNaN && rightNaN) {
            return 0;
        }
        return leftNaN ? 1 : -1;
    }

    public static boolean equal(double left, double right)
    {
        return left == right || (Double.isNaN(left) && Double.isNaN(right));
    }

    // real, as float bits in a long

    public static float toFloat(long bits)
    {
        return Float.intBitsToFloat((int) bits);
    }

    public static long toBits(float value)
    {
        return Float.floatToIntBits(value);
    }

    public static long addReal(long left, long right)
    {
        float a = toFloat(left);
        float b = toFloat(right);
        return toBits(checkOverflow(a + b, a, b));
    }

    public static long subtractReal(long left, long right)
    {
        float a = toFloat(left);
        float b = toFloat(right);
        return toBits(checkOverflow(a - b, a, b));
    }

    public static long multiplyReal(long left, long right)
    {
        float a = toFloat(left);
        float b = toFloat(right);
        float result = checkOverflow(a * b, a, b);
        if (result == 0.0f && a != 0.0f && b != 0.0f) {
            throw floatOutOfRange("underflow");
        }
        return toBits(result);
    }

    public static long divideReal(long left, long right)
    {
        float a = toFloat(left);
        float b = toFloat(right);
        if (b == 0.0f) {
            throw divisionByZero();
        }
        float result = checkOverflow(a / b, a, b);
        if (result == 0.0f && a != 0.0f && !Float.isInfinite(b)) {
            throw floatOutOfRange("underflow");
        }
        return toBits(result);
    }

    public static long modulusReal(long left, long right)
    {
        float b = toFloat(right);
        if (b == 0.0f) {
            throw divisionByZero();
        }
        return toBits(toFloat(left) % b);
    }

    public static long negateReal(long value)
    {
        return toBits(-toFloat(value));
    }

    private static float checkOverflow(float result, float left, float right)
    {
        if (Float.isInfinite(result) && !Float.isInfinite(left) && !Float.isInfinite(right)) {
            throw floatOutOfRange("overflow");
        }
        return result;
    }

    public static int compareReal(long left, long right)
    {
        return compare(toFloat(left), toFloat(right));
    }

    public static boolean equalReal(long left, long right)
    {
        return equal(toFloat(left), toFloat(right));
    }
}
