package io.basin.execution.expression;

import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.SpecialForm.Form;
import io.trino.spi.Page;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.basin.execution.expression.TestingExpressions.block;
import static io.basin.execution.expression.TestingExpressions.call;
import static io.basin.execution.expression.TestingExpressions.constant;
import static io.basin.execution.expression.TestingExpressions.evaluate;
import static io.basin.execution.expression.TestingExpressions.form;
import static io.basin.execution.expression.TestingExpressions.input;
import static io.basin.execution.expression.TestingExpressions.nullConstant;
import static io.basin.execution.expression.TestingExpressions.page;
import static io.basin.execution.expression.TestingExpressions.project;
import static io.basin.execution.expression.TestingExpressions.select;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.CharType.createCharType;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

class TestSpecialForms
{
    private static final Boolean[] TRUTH = {true, false, null};

    /** A page with every combination of two three-valued booleans. */
    private static Page truthTable()
    {
        List<Object> left = new ArrayList<>();
        List<Object> right = new ArrayList<>();
        for (Boolean a : TRUTH) {
            for (Boolean b : TRUTH) {
                left.add(a);
                right.add(b);
            }
        }
        return page(block(BOOLEAN, left.toArray()), block(BOOLEAN, right.toArray()));
    }

    private static Boolean and(Boolean a, Boolean b)
    {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    private static Boolean or(Boolean a, Boolean b)
    {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a == null || b == null ? null : false;
    }

    @Test
    void threeValuedLogic()
    {
        Expression a = input(0, BOOLEAN);
        Expression b = input(1, BOOLEAN);
        List<Object> expectedAnd = new ArrayList<>();
        List<Object> expectedOr = new ArrayList<>();
        List<Object> expectedNot = new ArrayList<>();
        for (Boolean x : TRUTH) {
            for (Boolean y : TRUTH) {
                expectedAnd.add(and(x, y));
                expectedOr.add(or(x, y));
                expectedNot.add(x == null ? null : !x);
            }
        }
        assertThat(project(form(Form.AND, BOOLEAN, a, b), truthTable())).isEqualTo(expectedAnd);
        assertThat(project(form(Form.OR, BOOLEAN, a, b), truthTable())).isEqualTo(expectedOr);
        assertThat(project(form(Form.NOT, BOOLEAN, a), truthTable())).isEqualTo(expectedNot);
        // n-ary with literals
        assertThat(project(form(Form.AND, BOOLEAN, a, constant(true, BOOLEAN), b), truthTable())).isEqualTo(expectedAnd);
        assertThat(project(form(Form.OR, BOOLEAN, a, nullConstant(BOOLEAN), b), truthTable()))
                .isEqualTo(expectedOr.stream().map(value -> Boolean.TRUE.equals(value) ? true : null).toList());
        assertThat(evaluate(form(Form.AND, BOOLEAN, constant(true, BOOLEAN), constant(false, BOOLEAN)))).isEqualTo(false);
        assertThat(evaluate(form(Form.OR, BOOLEAN, constant(false, BOOLEAN), nullConstant(BOOLEAN)))).isNull();
    }

    @Test
    void shortCircuitSkipsErrors()
    {
        Expression x = input(0, BIGINT);
        Expression divides = call(FunctionNames.EQUAL, BOOLEAN, call(FunctionNames.DIVIDE, BIGINT, constant(10L, BIGINT), x), constant(5L, BIGINT));
        Expression nonZero = call(FunctionNames.NOT_EQUAL, BOOLEAN, x, constant(0L, BIGINT));
        Page page = page(block(BIGINT, 0L, 2L, 5L));
        assertThat(select(form(Form.AND, BOOLEAN, nonZero, divides), page)).containsExactly(1);
        Expression isZero = call(FunctionNames.EQUAL, BOOLEAN, x, constant(0L, BIGINT));
        assertThat(select(form(Form.OR, BOOLEAN, isZero, divides), page)).containsExactly(0, 1);
        Expression guarded = form(Form.IF, BIGINT, nonZero, call(FunctionNames.DIVIDE, BIGINT, constant(10L, BIGINT), x), constant(-1L, BIGINT));
        assertThat(project(guarded, page)).containsExactly(-1L, 5L, 2L);
        Expression coalesce = form(Form.COALESCE, BIGINT, x, call(FunctionNames.DIVIDE, BIGINT, constant(1L, BIGINT), constant(0L, BIGINT)));
        assertThat(project(coalesce, page)).containsExactly(0L, 2L, 5L);
    }

    @Test
    void isNullIfAndSwitch()
    {
        Expression x = input(0, BIGINT);
        Page page = page(block(BIGINT, 1L, null, 15L, 7L));
        assertThat(project(form(Form.IS_NULL, BOOLEAN, x), page)).containsExactly(false, true, false, false);
        assertThat(evaluate(form(Form.IS_NULL, BOOLEAN, constant(1L, BIGINT)))).isEqualTo(false);
        Expression big = call(FunctionNames.GREATER_THAN, BOOLEAN, x, constant(10L, BIGINT));
        assertThat(project(form(Form.IF, VARCHAR, big, constant("big", VARCHAR), constant("small", VARCHAR)), page))
                .containsExactly("small", "small", "big", "small");
        Expression small = call(FunctionNames.LESS_THAN, BOOLEAN, x, constant(5L, BIGINT));
        Expression caseExpression = form(Form.SWITCH, VARCHAR, big, constant("big", VARCHAR), small, constant("small", VARCHAR), nullConstant(VARCHAR));
        assertThat(project(caseExpression, page)).isEqualTo(Arrays.asList("small", null, "big", null));
        // branches of another type are converted to the form's type
        Expression mixed = form(Form.IF, createDecimalType(10, 2), big, constant(1L, BIGINT), constant(new BigDecimal("0.5"), createDecimalType(2, 1)));
        assertThat(project(mixed, page)).containsExactly(new BigDecimal("0.50"), new BigDecimal("0.50"), new BigDecimal("1.00"), new BigDecimal("0.50"));
    }

    @Test
    void coalesce()
    {
        Page page = page(block(BIGINT, null, null, 3L), block(BIGINT, null, 2L, 4L));
        assertThat(project(form(Form.COALESCE, BIGINT, input(0, BIGINT), input(1, BIGINT)), page)).isEqualTo(Arrays.asList(null, 2L, 3L));
        assertThat(project(form(Form.COALESCE, BIGINT, input(0, BIGINT), input(1, BIGINT), constant(9L, BIGINT)), page)).containsExactly(9L, 2L, 3L);
        assertThat(evaluate(form(Form.COALESCE, BIGINT, nullConstant(BIGINT), constant(1L, BIGINT)))).isEqualTo(1L);
    }

    @Test
    void in()
    {
        Expression x = input(0, BIGINT);
        Page page = page(block(BIGINT, 1L, 2L, null, 9L));
        List<Expression> few = List.of(x, constant(1L, BIGINT), constant(9L, BIGINT));
        assertThat(project(form(Form.IN, BOOLEAN, few.toArray(Expression[]::new)), page)).isEqualTo(Arrays.asList(true, false, null, true));
        // many literals: hash set
        List<Expression> many = new ArrayList<>(List.of(x));
        for (long value = 9; value < 30; value++) {
            many.add(constant(value, BIGINT));
        }
        assertThat(project(form(Form.IN, BOOLEAN, many.toArray(Expression[]::new)), page)).isEqualTo(Arrays.asList(false, false, null, true));
        // a NULL candidate makes a miss NULL
        many.add(nullConstant(BIGINT));
        assertThat(project(form(Form.IN, BOOLEAN, many.toArray(Expression[]::new)), page)).isEqualTo(Arrays.asList(null, null, null, true));
        // column candidates
        Page two = page(block(BIGINT, 1L, 2L, 3L), block(BIGINT, 1L, null, 4L));
        assertThat(project(form(Form.IN, BOOLEAN, x, input(1, BIGINT), constant(3L, BIGINT)), two)).isEqualTo(Arrays.asList(true, null, true));
    }

    @Test
    void inWithTextDoublesAndDecimals()
    {
        List<Expression> names = new ArrayList<>(List.of(input(0, VARCHAR)));
        for (String name : List.of("MAIL", "SHIP", "AIR", "RAIL", "TRUCK", "FOB")) {
            names.add(constant(name, VARCHAR));
        }
        assertThat(project(form(Form.IN, BOOLEAN, names.toArray(Expression[]::new)), page(block(VARCHAR, "AIR", "REG AIR", "FOB"))))
                .containsExactly(true, false, true);
        List<Expression> codes = new ArrayList<>(List.of(input(0, createCharType(3))));
        for (String code : List.of("a", "b", "c", "d", "e")) {
            codes.add(constant(code + " ", createCharType(3)));
        }
        assertThat(project(form(Form.IN, BOOLEAN, codes.toArray(Expression[]::new)), page(block(createCharType(3), "a", "z"))))
                .containsExactly(true, false);
        List<Expression> doubles = new ArrayList<>(List.of(input(0, DOUBLE)));
        for (double value : new double[] {0.0, 1.5, Double.NaN, 3, 4}) {
            doubles.add(constant(value, DOUBLE));
        }
        assertThat(project(form(Form.IN, BOOLEAN, doubles.toArray(Expression[]::new)), page(block(DOUBLE, -0.0, Double.NaN, 2.0))))
                .containsExactly(true, true, false);
        Type money = createDecimalType(25, 2);
        List<Expression> amounts = new ArrayList<>(List.of(input(0, money)));
        for (String value : List.of("1.00", "2.50", "12345678901234567890.12", "4", "5")) {
            amounts.add(constant(new BigDecimal(value).setScale(2), money));
        }
        // a literal of another scale goes through comparison rather than the set
        amounts.add(constant(new BigDecimal("7.5"), createDecimalType(2, 1)));
        assertThat(project(form(Form.IN, BOOLEAN, amounts.toArray(Expression[]::new)), page(block(money, new BigDecimal("2.50"), new BigDecimal("12345678901234567890.12"), new BigDecimal("7.50"), new BigDecimal("3.00")))))
                .containsExactly(true, true, true, false);
    }

    @Test
    void isDistinctFromAndNullIf()
    {
        Page page = page(block(BIGINT, 1L, 1L, null, null), block(BIGINT, 1L, 2L, 2L, null));
        Expression a = input(0, BIGINT);
        Expression b = input(1, BIGINT);
        assertThat(project(form(Form.IS_DISTINCT_FROM, BOOLEAN, a, b), page)).containsExactly(false, true, true, false);
        assertThat(project(form(Form.NULLIF, BIGINT, a, b), page)).isEqualTo(Arrays.asList(null, 1L, null, null));
        assertThat(evaluate(form(Form.NULLIF, INTEGER, constant(3, INTEGER), nullConstant(INTEGER)))).isEqualTo(3L);
        assertThat(evaluate(form(Form.IS_DISTINCT_FROM, BOOLEAN, constant("a", VARCHAR), constant("a", VARCHAR)))).isEqualTo(false);
        // the comparison converts char to varchar: it must not run on a NULL second argument
        Page text = page(block(createCharType(3), "ab", "ab", "cd"), block(VARCHAR, "ab", null, "x"));
        assertThat(project(form(Form.NULLIF, createCharType(3), input(0, createCharType(3)), input(1, VARCHAR)), text)).isEqualTo(Arrays.asList(null, "ab", "cd"));
        assertThat(project(form(Form.IS_DISTINCT_FROM, BOOLEAN, input(0, createCharType(3)), input(1, VARCHAR)), text)).containsExactly(false, true, true);
        assertThat(project(form(Form.IN, BOOLEAN, input(1, VARCHAR), input(0, createCharType(3)), constant("x", VARCHAR)), text)).isEqualTo(Arrays.asList(true, null, true));
    }

    @Test
    void greatestAndLeastIgnoreNulls()
    {
        Page page = page(block(BIGINT, 1L, null, null, 5L), block(BIGINT, 3L, 2L, null, -1L));
        Expression a = input(0, BIGINT);
        Expression b = input(1, BIGINT);
        assertThat(project(form(Form.GREATEST, BIGINT, a, b), page)).isEqualTo(Arrays.asList(3L, 2L, null, 5L));
        assertThat(project(form(Form.LEAST, BIGINT, a, b), page)).isEqualTo(Arrays.asList(1L, 2L, null, -1L));
        assertThat(evaluate(form(Form.GREATEST, DOUBLE, constant(1.0, DOUBLE), constant(Double.NaN, DOUBLE), constant(2.0, DOUBLE)))).isEqualTo(Double.NaN);
        assertThat(evaluate(form(Form.LEAST, VARCHAR, constant("b", VARCHAR), constant("a", VARCHAR), nullConstant(VARCHAR)))).isEqualTo("a");
        assertThat(evaluate(form(Form.GREATEST, createDecimalType(10, 2), constant(new BigDecimal("1.5"), createDecimalType(2, 1)), constant(2L, BIGINT))))
                .isEqualTo(new BigDecimal("2.00"));
    }
}
