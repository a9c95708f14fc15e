package io.basin.execution.expression;

import io.basin.plan.expr.FunctionNames;
import io.trino.spi.type.DecimalType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import static io.basin.execution.expression.TestingExpressions.argument;
import static io.basin.execution.expression.TestingExpressions.assertSqlError;
import static io.basin.execution.expression.TestingExpressions.call;
import static io.basin.execution.expression.TestingExpressions.evaluate;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static org.assertj.core.api.Assertions.assertThat;

class TestMathFunctions
{
    private static Object unary(String function, double value)
    {
        return evaluate(function, DOUBLE, argument(value, DOUBLE));
    }

    @Test
    void doubleFunctions()
    {
        assertThat(unary(FunctionNames.SQRT, 2.0)).isEqualTo(Math.sqrt(2.0));
        assertThat(unary(FunctionNames.CBRT, -27.0)).isEqualTo(-3.0);
        assertThat(unary(FunctionNames.EXP, 1.0)).isEqualTo(Math.E);
        assertThat(unary(FunctionNames.LN, Math.E)).isEqualTo(1.0);
        assertThat(unary(FunctionNames.LOG10, 1000.0)).isEqualTo(3.0);
        assertThat(unary(FunctionNames.ABS, -2.5)).isEqualTo(2.5);
        assertThat(unary(FunctionNames.SIGN, -2.5)).isEqualTo(-1.0);
        assertThat(unary(FunctionNames.CEIL, -2.5)).isEqualTo(-2.0);
        assertThat(unary(FunctionNames.FLOOR, -2.5)).isEqualTo(-3.0);
        // round(double) is rint: ties to even, as PostgreSQL
        assertThat(unary(FunctionNames.ROUND, 2.5)).isEqualTo(2.0);
        assertThat(unary(FunctionNames.ROUND, 3.5)).isEqualTo(4.0);
        assertThat(unary(FunctionNames.TRUNCATE, -2.7)).isEqualTo(-2.0);
        assertThat(evaluate(FunctionNames.ROUND, DOUBLE, argument(2.675, DOUBLE), argument(2, INTEGER))).isEqualTo(2.68);
        assertThat(evaluate(FunctionNames.TRUNCATE, DOUBLE, argument(-2.679, DOUBLE), argument(2, INTEGER))).isEqualTo(-2.67);
        assertThat(evaluate(FunctionNames.POWER, DOUBLE, argument(2.0, DOUBLE), argument(10.0, DOUBLE))).isEqualTo(1024.0);
        assertThat(evaluate(FunctionNames.POWER, DOUBLE, argument(2, INTEGER), argument(-1, INTEGER))).isEqualTo(0.5);
        assertThat(TestingExpressions.evaluate(call(FunctionNames.PI, DOUBLE))).isEqualTo(Math.PI);
        double random = (Double) TestingExpressions.evaluate(call(FunctionNames.RANDOM, DOUBLE));
        assertThat(random).isBetween(0.0, 1.0);
        assertThat(evaluate(FunctionNames.ABS, REAL, argument(-1.5f, REAL))).isEqualTo((long) Float.floatToIntBits(1.5f));
    }

    @Test
    void domainErrors()
    {
        assertSqlError(() -> unary(FunctionNames.SQRT, -1.0), "22023", "cannot take square root of a negative number");
        assertSqlError(() -> unary(FunctionNames.LN, 0.0), "22023", "cannot take logarithm of zero");
        assertSqlError(() -> unary(FunctionNames.LOG10, -1.0), "22023", "cannot take logarithm of a negative number");
        assertSqlError(() -> unary(FunctionNames.EXP, 1000.0), "22003", "value out of range: overflow");
        assertSqlError(() -> evaluate(FunctionNames.POWER, DOUBLE, argument(0.0, DOUBLE), argument(-1.0, DOUBLE)), "22023", "zero raised to a negative power is undefined");
        assertSqlError(() -> evaluate(FunctionNames.POWER, DOUBLE, argument(-8.0, DOUBLE), argument(1.0 / 3, DOUBLE)), "22023", "complex result");
        assertSqlError(() -> evaluate(FunctionNames.ABS, BIGINT, argument(Long.MIN_VALUE, BIGINT)), "22003", "bigint out of range");
        assertSqlError(() -> evaluate(FunctionNames.ABS, INTEGER, argument(Integer.MIN_VALUE, INTEGER)), "22003", "integer out of range");
    }

    @Test
    void integers()
    {
        assertThat(evaluate(FunctionNames.ABS, INTEGER, argument(-7, INTEGER))).isEqualTo(7L);
        assertThat(evaluate(FunctionNames.SIGN, BIGINT, argument(-7L, BIGINT))).isEqualTo(-1L);
        assertThat(evaluate(FunctionNames.CEIL, BIGINT, argument(7L, BIGINT))).isEqualTo(7L);
        assertThat(evaluate(FunctionNames.ROUND, BIGINT, argument(1250L, BIGINT), argument(-2, INTEGER))).isEqualTo(1300L);
        assertThat(evaluate(FunctionNames.ROUND, BIGINT, argument(-1250L, BIGINT), argument(-2, INTEGER))).isEqualTo(-1300L);
        assertThat(evaluate(FunctionNames.TRUNCATE, INTEGER, argument(-1299, INTEGER), argument(-2, INTEGER))).isEqualTo(-1200L);
    }

    @Test
    void decimalsRoundHalfAwayFromZero()
    {
        DecimalType type = createDecimalType(10, 3);
        Random random = new Random(13);
        for (int i = 0; i < 200; i++) {
            BigDecimal value = BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, 3);
            int digits = random.nextInt(7) - 3;
            DecimalType roundedType = createDecimalType(11, 3);
            assertThat(evaluate(FunctionNames.ROUND, roundedType, argument(value, type), argument(digits, INTEGER)))
                    .as("round(%s, %s)", value, digits)
                    .isEqualTo(value.setScale(digits, RoundingMode.HALF_UP).setScale(3, RoundingMode.UNNECESSARY));
            assertThat(evaluate(FunctionNames.TRUNCATE, roundedType, argument(value, type), argument(digits, INTEGER)))
                    .isEqualTo(value.setScale(digits, RoundingMode.DOWN).setScale(3, RoundingMode.UNNECESSARY));
            assertThat(evaluate(FunctionNames.CEIL, createDecimalType(11, 0), argument(value, type))).isEqualTo(value.setScale(0, RoundingMode.CEILING));
            assertThat(evaluate(FunctionNames.FLOOR, createDecimalType(11, 0), argument(value, type))).isEqualTo(value.setScale(0, RoundingMode.FLOOR));
            assertThat(evaluate(FunctionNames.ROUND, createDecimalType(11, 0), argument(value, type))).isEqualTo(value.setScale(0, RoundingMode.HALF_UP));
            assertThat(evaluate(FunctionNames.ABS, type, argument(value, type))).isEqualTo(value.abs());
            assertThat(evaluate(FunctionNames.SIGN, type, argument(value, type))).isEqualTo(BigDecimal.valueOf(value.signum()).setScale(3));
        }
        assertThat(evaluate(FunctionNames.ROUND, createDecimalType(2, 0), argument(new BigDecimal("2.5"), createDecimalType(2, 1)))).isEqualTo(new BigDecimal("3"));
        assertThat(evaluate(FunctionNames.ROUND, createDecimalType(2, 0), argument(new BigDecimal("-2.5"), createDecimalType(2, 1)))).isEqualTo(new BigDecimal("-3"));
        DecimalType wide = createDecimalType(30, 4);
        BigDecimal big = new BigDecimal("-12345678901234567890.4550");
        assertThat(evaluate(FunctionNames.ROUND, createDecimalType(30, 2), argument(big, wide), argument(2, INTEGER))).isEqualTo(new BigDecimal("-12345678901234567890.46"));
        assertThat(evaluate(FunctionNames.TRUNCATE, createDecimalType(30, 4), argument(big, wide), argument(1, INTEGER))).isEqualTo(new BigDecimal("-12345678901234567890.4000"));
        assertThat(evaluate(FunctionNames.CEIL, createDecimalType(30, 0), argument(big, wide))).isEqualTo(new BigDecimal("-12345678901234567890"));
        assertThat(evaluate(FunctionNames.FLOOR, createDecimalType(30, 0), argument(big, wide))).isEqualTo(new BigDecimal("-12345678901234567891"));
        assertThat(evaluate(FunctionNames.ABS, wide, argument(big, wide))).isEqualTo(big.abs());
        assertThat(evaluate(FunctionNames.SIGN, INTEGER, argument(big, wide))).isEqualTo(-1L);
        // transcendental functions on decimals compute in double precision
        assertThat(evaluate(FunctionNames.SQRT, DOUBLE, argument(new BigDecimal("2.25"), createDecimalType(3, 2)))).isEqualTo(1.5);
        assertThat(evaluate(FunctionNames.SQRT, createDecimalType(10, 4), argument(new BigDecimal("2.00"), createDecimalType(3, 2)))).isEqualTo(new BigDecimal("1.4142"));
    }
}
