package io.basin.execution.expression;

import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.trino.spi.Page;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.basin.execution.expression.TestingExpressions.argument;
import static io.basin.execution.expression.TestingExpressions.assertSqlError;
import static io.basin.execution.expression.TestingExpressions.block;
import static io.basin.execution.expression.TestingExpressions.call;
import static io.basin.execution.expression.TestingExpressions.constant;
import static io.basin.execution.expression.TestingExpressions.evaluate;
import static io.basin.execution.expression.TestingExpressions.input;
import static io.basin.execution.expression.TestingExpressions.page;
import static io.basin.execution.expression.TestingExpressions.project;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.IntegerType.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

/** Decimal arithmetic checked against java.math.BigDecimal over short, long and mixed operands. */
class TestDecimalArithmetic
{
    private static final int[][] TYPES = {
            {12, 2}, {13, 2}, {15, 2}, {1, 0}, {3, 2}, {18, 0}, {18, 9}, {10, 4}, {19, 0}, {25, 4}, {38, 6}, {38, 0}, {30, 15}, {38, 37}, {20, 2},
    };

    private static DecimalType decimal(int precision, int scale)
    {
        return createDecimalType(precision, scale);
    }

    private static BigDecimal random(Random random, DecimalType type)
    {
        int digits = 1 + random.nextInt(type.getPrecision());
        BigInteger unscaled = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
        if (random.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        return new BigDecimal(unscaled, type.getScale());
    }

    /** The exact result rounded half away from zero to the type, or null when it overflows the precision. */
    private static BigDecimal expected(BigDecimal exact, DecimalType type)
    {
        BigDecimal rounded = exact.setScale(type.getScale(), RoundingMode.HALF_UP);
        if (rounded.unscaledValue().abs().compareTo(BigInteger.TEN.pow(type.getPrecision())) >= 0) {
            return null;
        }
        return rounded;
    }

    @Test
    void randomOperationsMatchBigDecimal()
    {
        Random random = new Random(20240229);
        String[] operations = {FunctionNames.ADD, FunctionNames.SUBTRACT, FunctionNames.MULTIPLY, FunctionNames.DIVIDE, FunctionNames.MODULUS};
        for (int[] left : TYPES) {
            for (int[] right : TYPES) {
                DecimalType leftType = decimal(left[0], left[1]);
                DecimalType rightType = decimal(right[0], right[1]);
                for (String operation : operations) {
                    DecimalType resultType = resultType(operation, leftType, rightType);
                    List<BigDecimal> lefts = new ArrayList<>();
                    List<BigDecimal> rights = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        lefts.add(random(random, leftType));
                        BigDecimal value = random(random, rightType);
                        rights.add(value.signum() == 0 && (operation.equals(FunctionNames.DIVIDE) || operation.equals(FunctionNames.MODULUS)) ? BigDecimal.ONE.setScale(rightType.getScale()) : value);
                    }
                    checkOperation(operation, leftType, rightType, resultType, lefts, rights);
                }
            }
        }
    }

    /** Result types the way a planner types them (SQL standard rules capped at 38 digits). */
    private static DecimalType resultType(String operation, DecimalType left, DecimalType right)
    {
        int p1 = left.getPrecision();
        int s1 = left.getScale();
        int p2 = right.getPrecision();
        int s2 = right.getScale();
        return switch (operation) {
            case FunctionNames.ADD, FunctionNames.SUBTRACT -> {
                int scale = Math.max(s1, s2);
                yield decimal(Math.min(38, Math.max(p1 - s1, p2 - s2) + scale + 1), scale);
            }
            case FunctionNames.MULTIPLY -> decimal(Math.min(38, p1 + p2), Math.min(s1 + s2, 38));
            case FunctionNames.DIVIDE -> {
                int scale = Math.min(Math.max(6, s1 + p2 + 1), 38);
                yield decimal(Math.min(38, p1 - s1 + s2 + scale), Math.min(scale, Math.min(38, p1 - s1 + s2 + scale)));
            }
            default -> {
                int scale = Math.max(s1, s2);
                yield decimal(Math.min(38, Math.min(p1 - s1, p2 - s2) + scale), scale);
            }
        };
    }

    private static void checkOperation(String operation, DecimalType leftType, DecimalType rightType, DecimalType resultType, List<BigDecimal> lefts, List<BigDecimal> rights)
    {
        Expression expression = call(operation, resultType, input(0, leftType), input(1, rightType));
        Page page = page(block(leftType, lefts.toArray()), block(rightType, rights.toArray()));
        List<BigDecimal> expected = new ArrayList<>();
        boolean overflow = false;
        for (int i = 0; i < lefts.size(); i++) {
            BigDecimal exact = switch (operation) {
                case FunctionNames.ADD -> lefts.get(i).add(rights.get(i));
                case FunctionNames.SUBTRACT -> lefts.get(i).subtract(rights.get(i));
                case FunctionNames.MULTIPLY -> lefts.get(i).multiply(rights.get(i));
                case FunctionNames.DIVIDE -> lefts.get(i).divide(rights.get(i), resultType.getScale() + 5, RoundingMode.DOWN)
                        // the extra digits decide the rounding unless they are all zero with a remainder: add the sign of the remainder
                        .add(remainderNudge(lefts.get(i), rights.get(i), resultType.getScale() + 5));
                default -> lefts.get(i).remainder(rights.get(i));
            };
            BigDecimal value = expected(exact, resultType);
            overflow |= value == null;
            expected.add(value);
        }
        String description = operation + "(" + leftType + ", " + rightType + ") -> " + resultType;
        if (overflow) {
            // some rows overflow: check row by row
            for (int i = 0; i < lefts.size(); i++) {
                Page row = page(block(leftType, lefts.get(i)), block(rightType, rights.get(i)));
                if (expected.get(i) == null) {
                    assertSqlError(() -> project(expression, row), "22003", "numeric field overflow");
                }
                else {
                    assertThat((BigDecimal) project(expression, row).getFirst())
                            .as(description + " of " + lefts.get(i) + ", " + rights.get(i))
                            .isEqualByComparingTo(expected.get(i));
                }
            }
            return;
        }
        List<Object> actual = project(expression, page);
        for (int i = 0; i < lefts.size(); i++) {
            assertThat((BigDecimal) actual.get(i))
                    .as(description + " of " + lefts.get(i) + ", " + rights.get(i))
                    .isEqualByComparingTo(expected.get(i));
        }
    }

    /** Division truncated at {@code scale} digits loses whether an exact tie was really a tie: keep a tiny nudge. */
    private static BigDecimal remainderNudge(BigDecimal left, BigDecimal right, int scale)
    {
        BigDecimal truncated = left.divide(right, scale, RoundingMode.DOWN);
        if (truncated.multiply(right).compareTo(left) == 0) {
            return BigDecimal.ZERO;
        }
        int sign = left.signum() * right.signum();
        return BigDecimal.valueOf(sign, scale + 10);
    }

    @Test
    void roundingHalfAwayFromZero()
    {
        DecimalType source = decimal(2, 1);
        DecimalType target = decimal(1, 0);
        assertThat(evaluate(FunctionNames.CAST, target, argument(new BigDecimal("2.5"), source))).isEqualTo(new BigDecimal("3"));
        assertThat(evaluate(FunctionNames.CAST, target, argument(new BigDecimal("-2.5"), source))).isEqualTo(new BigDecimal("-3"));
        assertThat(evaluate(FunctionNames.CAST, target, argument(new BigDecimal("2.4"), source))).isEqualTo(new BigDecimal("2"));
        assertThat(evaluate(FunctionNames.CAST, target, argument(new BigDecimal("-0.5"), source))).isEqualTo(new BigDecimal("-1"));
        // long decimal narrowing
        DecimalType wide = decimal(30, 10);
        assertThat(evaluate(FunctionNames.CAST, decimal(25, 2), argument(new BigDecimal("12345678901234567890.0050000000"), wide)))
                .isEqualTo(new BigDecimal("12345678901234567890.01"));
        assertThat(evaluate(FunctionNames.CAST, decimal(25, 2), argument(new BigDecimal("-12345678901234567890.0049999999"), wide)))
                .isEqualTo(new BigDecimal("-12345678901234567890.00"));
        // division rounds at the result scale
        assertThat(evaluate(FunctionNames.DIVIDE, decimal(5, 2), argument(new BigDecimal("2"), decimal(1, 0)), argument(new BigDecimal("3"), decimal(1, 0))))
                .isEqualTo(new BigDecimal("0.67"));
        assertThat(evaluate(FunctionNames.DIVIDE, decimal(5, 2), argument(new BigDecimal("-1"), decimal(1, 0)), argument(new BigDecimal("8"), decimal(1, 0))))
                .isEqualTo(new BigDecimal("-0.13"));
    }

    @Test
    void overflowAndDivisionByZero()
    {
        assertSqlError(() -> evaluate(FunctionNames.ADD, decimal(3, 1), argument(new BigDecimal("99.9"), decimal(3, 1)), argument(new BigDecimal("0.1"), decimal(3, 1))),
                "22003", "numeric field overflow");
        assertSqlError(() -> evaluate(FunctionNames.CAST, decimal(3, 2), argument(new BigDecimal("10.0"), decimal(3, 1))), "22003", "numeric field overflow");
        assertSqlError(() -> evaluate(FunctionNames.MULTIPLY, decimal(38, 0), argument(new BigDecimal("1" + "0".repeat(20)), decimal(38, 0)), argument(new BigDecimal("1" + "0".repeat(20)), decimal(38, 0))),
                "22003", "numeric field overflow");
        assertSqlError(() -> evaluate(FunctionNames.DIVIDE, decimal(10, 2), argument(new BigDecimal("1.00"), decimal(3, 2)), argument(new BigDecimal("0.00"), decimal(3, 2))),
                "22012", "division by zero");
        assertSqlError(() -> evaluate(FunctionNames.MODULUS, decimal(30, 2), argument(new BigDecimal("1.00"), decimal(30, 2)), argument(new BigDecimal("0"), decimal(20, 0))),
                "22012", "division by zero");
    }

    @Test
    void tpchQ1Charge()
    {
        // l_extendedprice * (1 - l_discount) * (1 + l_tax) with the planner's types
        DecimalType money = decimal(12, 2);
        Expression one = constant(BigDecimal.ONE, decimal(1, 0));
        Expression discounted = call(FunctionNames.MULTIPLY, decimal(25, 4), input(0, money), call(FunctionNames.SUBTRACT, decimal(13, 2), one, input(1, money)));
        Expression charge = call(FunctionNames.MULTIPLY, decimal(38, 6), discounted, call(FunctionNames.ADD, decimal(13, 2), one, input(2, money)));
        Random random = new Random(1);
        int rows = 1000;
        Object[] prices = new Object[rows];
        Object[] discounts = new Object[rows];
        Object[] taxes = new Object[rows];
        for (int i = 0; i < rows; i++) {
            prices[i] = BigDecimal.valueOf(90_000 + random.nextInt(10_000_000), 2);
            discounts[i] = BigDecimal.valueOf(random.nextInt(11), 2);
            taxes[i] = BigDecimal.valueOf(random.nextInt(9), 2);
        }
        List<Object> actual = project(charge, page(block(money, prices), block(money, discounts), block(money, taxes)));
        for (int i = 0; i < rows; i++) {
            BigDecimal expected = ((BigDecimal) prices[i]).multiply(BigDecimal.ONE.subtract((BigDecimal) discounts[i])).multiply(BigDecimal.ONE.add((BigDecimal) taxes[i]));
            assertThat((BigDecimal) actual.get(i)).isEqualByComparingTo(expected);
        }
    }

    @Test
    void comparisonsAcrossScalesAndRepresentations()
    {
        assertThat(compare(FunctionNames.EQUAL, "1.50", decimal(3, 2), "1.5", decimal(2, 1))).isEqualTo(true);
        assertThat(compare(FunctionNames.LESS_THAN, "0.05", decimal(12, 2), "0.060", decimal(3, 3))).isEqualTo(true);
        assertThat(compare(FunctionNames.GREATER_THAN, "12345678901234567890.5", decimal(25, 1), "12345678901234567890.49", decimal(30, 2))).isEqualTo(true);
        assertThat(compare(FunctionNames.EQUAL, "-7", decimal(20, 0), "-7.000", decimal(10, 3))).isEqualTo(true);
        assertThat(compare(FunctionNames.NOT_EQUAL, "99999999999999999999999999999999999999", decimal(38, 0), "0.1", decimal(1, 1))).isEqualTo(true);
        assertThat(evaluate(FunctionNames.LESS_THAN_OR_EQUAL, BOOLEAN, argument(new BigDecimal("3.00"), decimal(3, 2)), argument(3L, BIGINT))).isEqualTo(true);
        assertThat(evaluate(FunctionNames.GREATER_THAN, BOOLEAN, argument(new BigDecimal("2.5"), decimal(2, 1)), argument(3, INTEGER))).isEqualTo(false);
    }

    private static Object compare(String operation, String left, Type leftType, String right, Type rightType)
    {
        return evaluate(operation, BOOLEAN, argument(new BigDecimal(left), leftType), argument(new BigDecimal(right), rightType));
    }

    @Test
    void integersMixWithDecimals()
    {
        assertThat(evaluate(FunctionNames.MULTIPLY, decimal(15, 2), argument(new BigDecimal("1.25"), decimal(3, 2)), argument(4, INTEGER))).isEqualTo(new BigDecimal("5.00"));
        assertThat(evaluate(FunctionNames.ADD, decimal(21, 2), argument(Long.MAX_VALUE, BIGINT), argument(new BigDecimal("0.50"), decimal(3, 2))))
                .isEqualTo(new BigDecimal("9223372036854775807.50"));
        assertThat(evaluate(FunctionNames.NEGATE, decimal(20, 2), argument(new BigDecimal("-123456789012345678.91"), decimal(20, 2)))).isEqualTo(new BigDecimal("123456789012345678.91"));
        assertThat(evaluate(FunctionNames.NEGATE, decimal(5, 2), argument(new BigDecimal("1.25"), decimal(5, 2)))).isEqualTo(new BigDecimal("-1.25"));
    }
}
