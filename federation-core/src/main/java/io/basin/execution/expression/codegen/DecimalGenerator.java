package io.basin.execution.expression.codegen;

import io.basin.execution.expression.function.DecimalArithmetic;
import io.basin.execution.expression.function.Int128Arithmetic;
import io.trino.spi.type.DecimalType;

import static java.util.Objects.requireNonNull;

/**
 * Generates exact decimal arithmetic. Precision and scale of every operand are known at compile
 * time, so the generator tracks an upper bound on the digits of each intermediate value and picks
 * the cheapest representation that cannot overflow: plain {@code long} math with no checks while
 * the bound is at most 18 digits (e.g. decimal(12,2) + decimal(12,2)), exact 64x64&rarr;128-bit
 * products for two longs, checked 128-bit math up to 38 digits, and a BigDecimal slow path when an
 * intermediate could exceed 128 bits. The precision of the result is checked only when the bound
 * exceeds it.
 */
final class DecimalGenerator
{
    private static final String INT128 = Int128Arithmetic.class.getName();
    private static final String DECIMAL = DecimalArithmetic.class.getName();

    private DecimalGenerator() {}

    /**
     * An exact intermediate value: a long expression, or a (high, low) pair when wide, with at most
     * {@code digits} digits at {@code scale}.
     */
    record Exact(String value, String high, String low, boolean wide, int digits, int scale)
    {
        static Exact narrow(String value, int digits, int scale)
        {
            return new Exact(requireNonNull(value, "value is null"), null, null, false, digits, scale);
        }

        static Exact wide(String high, String low, int digits, int scale)
        {
            return new Exact(null, high, low, true, digits, scale);
        }
    }

    /** Views a decimal or integer value as an exact decimal. */
    static Exact exact(GeneratedValue value)
    {
        TypeKind kind = value.typeKind();
        if (kind.isIntegral()) {
            return Exact.narrow(value.value(), kind.integralPrecision(), 0);
        }
        if (kind == TypeKind.BOOLEAN) {
            return Exact.narrow("(" + value.value() + " ? 1L : 0L)", 1, 0);
        }
        DecimalType type = (DecimalType) value.type();
        if (type.isShort()) {
            return Exact.narrow(value.value(), type.getPrecision(), type.getScale());
        }
        return Exact.wide(value.high(), value.low(), type.getPrecision(), type.getScale());
    }

    // operations; each writes the final value into result, which has a decimal type

    static void add(ExpressionCodeGenerator generator, Exact left, Exact right, boolean subtract, GeneratedValue result)
    {
        int scale = Math.max(left.scale(), right.scale());
        if (left.digits() + scale - left.scale() > 38 || right.digits() + scale - right.scale() > 38) {
            slowPath(generator, subtract ? DecimalArithmetic.SUBTRACT : DecimalArithmetic.ADD, left, right, result);
            return;
        }
        Exact a = scaleUp(generator, left, scale - left.scale());
        Exact b = scaleUp(generator, right, scale - right.scale());
        int digits = Math.max(a.digits(), b.digits()) + 1;
        Exact sum;
        if (!a.wide() && !b.wide() && digits <= 18) {
            sum = Exact.narrow(generator.temporary("long", a.value() + (subtract ? " - " : " + ") + b.value()), digits, scale);
        }
        else {
            Exact wideA = widen(generator, a);
            Exact wideB = widen(generator, b);
            generator.body().line(INT128 + "." + (subtract ? "subtract" : "add") + "(" + wideA.high() + ", " + wideA.low() + ", " + wideB.high() + ", " + wideB.low() + ", scratch);");
            sum = fromScratch(generator, Math.min(digits, 39), scale);
        }
        store(generator, sum, result);
    }

    static void multiply(ExpressionCodeGenerator generator, Exact left, Exact right, GeneratedValue result)
    {
        int digits = left.digits() + right.digits();
        int scale = left.scale() + right.scale();
        DecimalType type = (DecimalType) result.type();
        if (digits > 38 && type.getScale() < scale) {
            // the exact product may not fit 128 bits although the rounded result would
            slowPath(generator, DecimalArithmetic.MULTIPLY, left, right, result);
            return;
        }
        Exact product;
        if (!left.wide() && !right.wide() && digits <= 18) {
            product = Exact.narrow(generator.temporary("long", left.value() + " * " + right.value()), digits, scale);
        }
        else if (!left.wide() && !right.wide()) {
            // the product of two longs always fits 128 bits
            generator.body().line(INT128 + ".multiply(" + left.value() + ", " + right.value() + ", scratch);");
            product = fromScratch(generator, digits, scale);
        }
        else {
            Exact a = widen(generator, left);
            Exact b = widen(generator, right);
            generator.body().line(INT128 + ".multiply(" + a.high() + ", " + a.low() + ", " + b.high() + ", " + b.low() + ", scratch);");
            product = fromScratch(generator, Math.min(digits, 39), scale);
        }
        store(generator, product, result);
    }

    static void divide(ExpressionCodeGenerator generator, Exact left, Exact right, GeneratedValue result)
    {
        DecimalType type = (DecimalType) result.type();
        // unscaled quotient at the result scale: left * 10^k / right
        int exponent = type.getScale() - left.scale() + right.scale();
        int dividendExponent = Math.max(exponent, 0);
        int divisorExponent = Math.max(-exponent, 0);
        int digits = left.digits() + dividendExponent;
        Exact quotient;
        if (!left.wide() && !right.wide() && digits <= 18 && right.digits() + divisorExponent <= 18) {
            Exact dividend = scaleUp(generator, left, dividendExponent);
            Exact divisor = scaleUp(generator, right, divisorExponent);
            quotient = Exact.narrow(generator.temporary("long", DECIMAL + ".divideRounded(" + dividend.value() + ", " + divisor.value() + ")"), digits, type.getScale());
        }
        else {
            Exact a = widen(generator, left);
            Exact b = widen(generator, right);
            generator.body().line(DECIMAL + ".divide(" + a.high() + ", " + a.low() + ", " + dividendExponent + ", " + b.high() + ", " + b.low() + ", " + divisorExponent + ", scratch);");
            quotient = fromScratch(generator, Math.min(digits, 39), type.getScale());
        }
        store(generator, quotient, result);
    }

    static void modulus(ExpressionCodeGenerator generator, Exact left, Exact right, GeneratedValue result)
    {
        int scale = Math.max(left.scale(), right.scale());
        if (left.digits() + scale - left.scale() > 38 || right.digits() + scale - right.scale() > 38) {
            slowPath(generator, DecimalArithmetic.MODULUS, left, right, result);
            return;
        }
        Exact a = scaleUp(generator, left, scale - left.scale());
        Exact b = scaleUp(generator, right, scale - right.scale());
        // |a % b| < |b| and <= |a|
        int digits = Math.min(a.digits(), b.digits());
        Exact remainder;
        if (!a.wide() && !b.wide()) {
            remainder = Exact.narrow(generator.temporary("long", DECIMAL + ".remainder(" + a.value() + ", " + b.value() + ")"), digits, scale);
        }
        else {
            Exact wideA = widen(generator, a);
            Exact wideB = widen(generator, b);
            generator.body().line(DECIMAL + ".remainder(" + wideA.high() + ", " + wideA.low() + ", " + wideB.high() + ", " + wideB.low() + ", scratch);");
            remainder = fromScratch(generator, digits, scale);
        }
        store(generator, remainder, result);
    }

    static void negate(ExpressionCodeGenerator generator, Exact value, GeneratedValue result)
    {
        Exact negated;
        if (!value.wide()) {
            // a narrow value here is a short decimal, |value| < 10^18, so negation cannot overflow
            negated = Exact.narrow(generator.temporary("long", "-" + value.value()), value.digits(), value.scale());
        }
        else {
            generator.body().line(INT128 + ".negate(" + value.high() + ", " + value.low() + ", scratch);");
            negated = fromScratch(generator, value.digits(), value.scale());
        }
        store(generator, negated, result);
    }

    /** Converts to the result's decimal type: rescales (rounding half away from zero) and checks the precision. */
    static void store(ExpressionCodeGenerator generator, Exact value, GeneratedValue result)
    {
        DecimalType type = (DecimalType) result.type();
        Exact scaled = value;
        if (type.getScale() > value.scale()) {
            scaled = scaleUp(generator, value, type.getScale() - value.scale());
        }
        else if (type.getScale() < value.scale()) {
            scaled = scaleDownRounded(generator, value, value.scale() - type.getScale());
        }
        checkPrecision(generator, scaled, type.getPrecision());
        if (type.isShort()) {
            generator.assign(result, scaled.wide() ? scaled.low() : scaled.value());
        }
        else {
            Exact wide = widen(generator, scaled);
            generator.body().line(result.high() + " = " + wide.high() + ";");
            generator.body().line(result.low() + " = " + wide.low() + ";");
        }
    }

    /** Rounds to scale 0 and leaves the integer in a long expression, checking it fits {@code typeName}. */
    static String toLong(ExpressionCodeGenerator generator, Exact value, String typeName)
    {
        Exact rounded = value.scale() > 0 ? scaleDownRounded(generator, value, value.scale()) : value;
        if (!rounded.wide()) {
            return rounded.value();
        }
        return DECIMAL + ".toLongExact(" + rounded.high() + ", " + rounded.low() + ", \"" + typeName + "\")";
    }

    /** An int expression comparing two exact values (at any scales). */
    static String compare(ExpressionCodeGenerator generator, Exact left, Exact right)
    {
        if (!left.wide() && !right.wide()) {
            if (left.scale() == right.scale()) {
                return "Long.compare(" + left.value() + ", " + right.value() + ")";
            }
            return DECIMAL + ".compare(" + left.value() + ", " + left.scale() + ", " + right.value() + ", " + right.scale() + ")";
        }
        Exact a = widen(generator, left);
        Exact b = widen(generator, right);
        if (a.scale() == b.scale()) {
            return INT128 + ".compare(" + a.high() + ", " + a.low() + ", " + b.high() + ", " + b.low() + ")";
        }
        return DECIMAL + ".compare(" + a.high() + ", " + a.low() + ", " + a.scale() + ", " + b.high() + ", " + b.low() + ", " + b.scale() + ")";
    }

    private static void slowPath(ExpressionCodeGenerator generator, int operation, Exact left, Exact right, GeneratedValue result)
    {
        DecimalType type = (DecimalType) result.type();
        Exact a = widen(generator, left);
        Exact b = widen(generator, right);
        generator.body().line(DECIMAL + ".exact(" + operation + ", " + a.high() + ", " + a.low() + ", " + a.scale() + ", "
                + b.high() + ", " + b.low() + ", " + b.scale() + ", " + type.getPrecision() + ", " + type.getScale() + ", scratch);");
        // exact() already rounded and checked the precision
        store(generator, fromScratch(generator, type.getPrecision(), type.getScale()), result);
    }

    private static Exact scaleUp(ExpressionCodeGenerator generator, Exact value, int exponent)
    {
        if (exponent == 0) {
            return value;
        }
        int digits = value.digits() + exponent;
        if (!value.wide() && digits <= 18) {
            return Exact.narrow(generator.temporary("long", value.value() + " * " + Int128Arithmetic.longPowerOfTen(exponent) + "L"), digits, value.scale() + exponent);
        }
        if (!value.wide() && exponent <= 18) {
            generator.body().line(INT128 + ".multiply(" + value.value() + ", " + Int128Arithmetic.longPowerOfTen(exponent) + "L, scratch);");
            return fromScratch(generator, digits, value.scale() + exponent);
        }
        Exact wide = widen(generator, value);
        // checked: fails only when the value really exceeds 128 bits
        generator.body().line(INT128 + ".multiplyByPowerOfTen(" + wide.high() + ", " + wide.low() + ", " + exponent + ", scratch);");
        return fromScratch(generator, Math.min(digits, 39), value.scale() + exponent);
    }

    private static Exact scaleDownRounded(ExpressionCodeGenerator generator, Exact value, int exponent)
    {
        int digits = Math.max(1, value.digits() - exponent + 1);
        if (!value.wide()) {
            if (exponent > 18) {
                // |value| < 2^63 < 0.5 * 10^19 rounds to zero
                return Exact.narrow("0L", 1, value.scale() - exponent);
            }
            String rounded = generator.temporary("long", DECIMAL + ".divideRoundedByPowerOfTen(" + value.value() + ", " + Int128Arithmetic.longPowerOfTen(exponent) + "L)");
            return Exact.narrow(rounded, Math.min(digits, 19), value.scale() - exponent);
        }
        generator.body().line(INT128 + ".divideByPowerOfTenRounded(" + value.high() + ", " + value.low() + ", " + exponent + ", scratch);");
        return fromScratch(generator, digits, value.scale() - exponent);
    }

    private static void checkPrecision(ExpressionCodeGenerator generator, Exact value, int precision)
    {
        if (value.digits() <= precision) {
            return;
        }
        if (!value.wide()) {
            if (precision <= 18) {
                generator.body().line(DECIMAL + ".checkPrecision(" + value.value() + ", " + Int128Arithmetic.longPowerOfTen(precision) + "L);");
            }
            // a long has at most 19 digits, and 10^19 > Long.MAX_VALUE: nothing to check above 18
            return;
        }
        generator.body().line(INT128 + ".checkPrecision(" + value.high() + ", " + value.low() + ", " + precision + ");");
    }

    private static Exact widen(ExpressionCodeGenerator generator, Exact value)
    {
        if (value.wide()) {
            return value;
        }
        String low = generator.temporary("long", value.value());
        String high = generator.temporary("long", low + " >> 63");
        return Exact.wide(high, low, value.digits(), value.scale());
    }

    private static Exact fromScratch(ExpressionCodeGenerator generator, int digits, int scale)
    {
        String high = generator.temporary("long", "scratch[0]");
        String low = generator.temporary("long", "scratch[1]");
        return Exact.wide(high, low, digits, scale);
    }
}
