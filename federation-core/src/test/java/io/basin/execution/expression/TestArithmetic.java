package io.basin.execution.expression;

import io.basin.plan.expr.FunctionNames;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import static io.basin.execution.expression.TestingExpressions.argument;
import static io.basin.execution.expression.TestingExpressions.assertSqlError;
import static io.basin.execution.expression.TestingExpressions.evaluate;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TinyintType.TINYINT;
import static org.assertj.core.api.Assertions.assertThat;

class TestArithmetic
{
    private static Object binary(String function, Type type, Object left, Object right)
    {
        return evaluate(function, type, argument(left, type), argument(right, type));
    }

    @Test
    void integerOperations()
    {
        assertThat(binary(FunctionNames.ADD, BIGINT, 7L, -3L)).isEqualTo(4L);
        assertThat(binary(FunctionNames.SUBTRACT, INTEGER, 7, 10)).isEqualTo(-3L);
        assertThat(binary(FunctionNames.MULTIPLY, SMALLINT, (short) 12, (short) -11)).isEqualTo(-132L);
        // integer division truncates toward zero, modulus takes the dividend's sign
        assertThat(binary(FunctionNames.DIVIDE, BIGINT, 7L, 2L)).isEqualTo(3L);
        assertThat(binary(FunctionNames.DIVIDE, INTEGER, -7, 2)).isEqualTo(-3L);
        assertThat(binary(FunctionNames.MODULUS, INTEGER, -7, 3)).isEqualTo(-1L);
        assertThat(binary(FunctionNames.MODULUS, BIGINT, 7L, -3L)).isEqualTo(1L);
        assertThat(binary(FunctionNames.MODULUS, BIGINT, Long.MIN_VALUE, -1L)).isEqualTo(0L);
        assertThat(evaluate(FunctionNames.NEGATE, TINYINT, argument((byte) 5, TINYINT))).isEqualTo(-5L);
        assertThat(binary(FunctionNames.ADD, BIGINT, 1L, null)).isNull();
    }

    @Test
    void integerOverflowIsAnError()
    {
        assertSqlError(() -> binary(FunctionNames.ADD, BIGINT, Long.MAX_VALUE, 1L), "22003", "bigint out of range");
        assertSqlError(() -> binary(FunctionNames.SUBTRACT, BIGINT, Long.MIN_VALUE, 1L), "22003", "bigint out of range");
        assertSqlError(() -> binary(FunctionNames.MULTIPLY, BIGINT, 1L << 32, 1L << 31), "22003", "bigint out of range");
        assertSqlError(() -> binary(FunctionNames.DIVIDE, BIGINT, Long.MIN_VALUE, -1L), "22003", "bigint out of range");
        assertSqlError(() -> evaluate(FunctionNames.NEGATE, BIGINT, argument(Long.MIN_VALUE, BIGINT)), "22003", "bigint out of range");
        assertSqlError(() -> binary(FunctionNames.ADD, INTEGER, Integer.MAX_VALUE, 1), "22003", "integer out of range");
        assertSqlError(() -> binary(FunctionNames.MULTIPLY, INTEGER, 65536, 65536), "22003", "integer out of range");
        assertSqlError(() -> binary(FunctionNames.DIVIDE, INTEGER, Integer.MIN_VALUE, -1), "22003", "integer out of range");
        assertSqlError(() -> binary(FunctionNames.ADD, SMALLINT, (short) 32767, (short) 1), "22003", "smallint out of range");
        assertSqlError(() -> binary(FunctionNames.SUBTRACT, TINYINT, (byte) -128, (byte) 1), "22003", "tinyint out of range");
        assertSqlError(() -> evaluate(FunctionNames.NEGATE, INTEGER, argument(Integer.MIN_VALUE, INTEGER)), "22003", "integer out of range");
    }

    @Test
    void divisionByZero()
    {
        assertSqlError(() -> binary(FunctionNames.DIVIDE, BIGINT, 1L, 0L), "22012", "division by zero");
        assertSqlError(() -> binary(FunctionNames.MODULUS, INTEGER, 1, 0), "22012", "division by zero");
        assertSqlError(() -> binary(FunctionNames.DIVIDE, DOUBLE, 1.0, 0.0), "22012", "division by zero");
        assertSqlError(() -> binary(FunctionNames.DIVIDE, DOUBLE, 0.0, 0.0), "22012", "division by zero");
        assertSqlError(() -> binary(FunctionNames.DIVIDE, REAL, 1.0f, 0.0f), "22012", "division by zero");
        assertSqlError(() -> binary(FunctionNames.MODULUS, DOUBLE, 1.0, 0.0), "22012", "division by zero");
    }

    @Test
    void floatingPoint()
    {
        assertThat(binary(FunctionNames.ADD, DOUBLE, 0.1, 0.2)).isEqualTo(0.1 + 0.2);
        assertThat(binary(FunctionNames.DIVIDE, DOUBLE, 1.0, 3.0)).isEqualTo(1.0 / 3.0);
        assertThat(binary(FunctionNames.MULTIPLY, DOUBLE, Double.POSITIVE_INFINITY, 2.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(binary(FunctionNames.ADD, DOUBLE, Double.NaN, 1.0)).isEqualTo(Double.NaN);
        assertThat(binary(FunctionNames.ADD, REAL, 1.5f, 2.25f)).isEqualTo((long) Float.floatToIntBits(3.75f));
        assertThat(evaluate(FunctionNames.NEGATE, DOUBLE, argument(2.5, DOUBLE))).isEqualTo(-2.5);
        assertThat(evaluate(FunctionNames.NEGATE, REAL, argument(2.5f, REAL))).isEqualTo((long) Float.floatToIntBits(-2.5f));
        assertSqlError(() -> binary(FunctionNames.MULTIPLY, DOUBLE, 1e300, 1e300), "22003", "value out of range: overflow");
        assertSqlError(() -> binary(FunctionNames.MULTIPLY, DOUBLE, 1e-300, 1e-300), "22003", "value out of range: underflow");
        assertSqlError(() -> binary(FunctionNames.ADD, REAL, Float.MAX_VALUE, Float.MAX_VALUE), "22003", "value out of range: overflow");
    }

    @Test
    void mixedIntegerWidthsWidenToTheResultType()
    {
        assertThat(evaluate(FunctionNames.ADD, BIGINT, argument(Integer.MAX_VALUE, INTEGER), argument(1L, BIGINT))).isEqualTo(2147483648L);
        assertThat(evaluate(FunctionNames.MULTIPLY, DOUBLE, argument(3, INTEGER), argument(0.5, DOUBLE))).isEqualTo(1.5);
    }
}
