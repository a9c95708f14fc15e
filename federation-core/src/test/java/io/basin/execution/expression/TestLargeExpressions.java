package io.basin.execution.expression;

import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.SpecialForm.Form;
import io.trino.spi.Page;
import io.trino.spi.block.DictionaryBlock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.basin.execution.expression.TestingExpressions.CONTEXT;
import static io.basin.execution.expression.TestingExpressions.block;
import static io.basin.execution.expression.TestingExpressions.call;
import static io.basin.execution.expression.TestingExpressions.compiler;
import static io.basin.execution.expression.TestingExpressions.constant;
import static io.basin.execution.expression.TestingExpressions.form;
import static io.basin.execution.expression.TestingExpressions.input;
import static io.basin.execution.expression.TestingExpressions.nullConstant;
import static io.basin.execution.expression.TestingExpressions.page;
import static io.basin.execution.expression.TestingExpressions.values;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

/** Expressions large enough to need helper methods: results stay right and every method stays JIT-compilable. */
class TestLargeExpressions
{
    private static final int JIT_LIMIT = 8000;

    private static PageProcessorFactory compile(Optional<Expression> filter, Expression... projections)
    {
        PageProcessorFactory factory = compiler().compile(filter, List.of(projections));
        assertThat(factory.largestGeneratedMethodBytes().orElseThrow()).isLessThan(JIT_LIMIT);
        return factory;
    }

    @Test
    void searchedCaseWithManyBranches()
    {
        Expression name = input(0, VARCHAR);
        Expression amount = input(1, createDecimalType(12, 2));
        List<Expression> arguments = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            arguments.add(form(Form.AND, BOOLEAN,
                    call(FunctionNames.EQUAL, BOOLEAN, name, constant("name" + i, VARCHAR)),
                    call(FunctionNames.GREATER_THAN, BOOLEAN, amount, constant(BigDecimal.valueOf(i), createDecimalType(12, 2)))));
            arguments.add(call(FunctionNames.CONCAT, VARCHAR, constant("branch", VARCHAR), call(FunctionNames.CAST, VARCHAR, constant((long) i, BIGINT))));
        }
        arguments.add(nullConstant(VARCHAR));
        Expression caseExpression = form(Form.SWITCH, VARCHAR, arguments.toArray(Expression[]::new));
        Page input = page(block(VARCHAR, "name3", "name79", "name79", "other", null),
                block(createDecimalType(12, 2), new BigDecimal("10.00"), new BigDecimal("80.00"), new BigDecimal("1.00"), new BigDecimal("5.00"), new BigDecimal("5.00")));
        Page output = compile(Optional.empty(), caseExpression).createProcessor(CONTEXT).process(input);
        assertThat(values(output.getBlock(0), VARCHAR)).containsExactly("branch3", "branch79", null, null, null);
    }

    @Test
    void wideConjunctionAndDeepArithmetic()
    {
        Expression x = input(0, BIGINT);
        Expression y = input(1, BIGINT);
        List<Expression> conditions = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            conditions.add(call(FunctionNames.NOT_EQUAL, BOOLEAN, call(FunctionNames.ADD, BIGINT, x, y), constant((long) (1000 + i), BIGINT)));
        }
        Expression filter = form(Form.AND, BOOLEAN, conditions.toArray(Expression[]::new));
        Expression sum = x;
        for (int i = 0; i < 300; i++) {
            sum = call(FunctionNames.ADD, BIGINT, sum, i % 2 == 0 ? y : constant((long) i, BIGINT));
        }
        Page input = page(block(BIGINT, 1L, 500L, 3L, null), block(BIGINT, 2L, 501L, 1010L, 1L));
        Page output = compile(Optional.of(filter), sum, y).createProcessor(CONTEXT).process(input);
        // x + y hits 1001 in the second row and 1013 in the third; NULL fails the filter
        long constants = 0;
        for (int i = 1; i < 300; i += 2) {
            constants += i;
        }
        assertThat(values(output.getBlock(0), BIGINT)).containsExactly(1L + 150 * 2L + constants);
        assertThat(values(output.getBlock(1), BIGINT)).containsExactly(2L);
    }

    @Test
    void helpersSeeDictionaryInputs()
    {
        Expression x = input(0, BIGINT);
        Expression sum = x;
        for (int i = 0; i < 200; i++) {
            sum = call(FunctionNames.ADD, BIGINT, sum, call(FunctionNames.MULTIPLY, BIGINT, x, constant(1L, BIGINT)));
        }
        var dictionary = block(BIGINT, 1L, 2L);
        Page input = page(DictionaryBlock.create(3, dictionary, new int[] {1, 0, 1}));
        Page output = compile(Optional.empty(), sum).createProcessor(CONTEXT).process(input);
        assertThat(values(output.getBlock(0), BIGINT)).containsExactly(402L, 201L, 402L);
    }
}
