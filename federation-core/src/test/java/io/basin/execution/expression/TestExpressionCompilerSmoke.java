package io.basin.execution.expression;

import io.basin.plan.expr.FunctionNames;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.basin.execution.expression.TestingExpressions.block;
import static io.basin.execution.expression.TestingExpressions.call;
import static io.basin.execution.expression.TestingExpressions.constant;
import static io.basin.execution.expression.TestingExpressions.input;
import static io.basin.execution.expression.TestingExpressions.page;
import static io.basin.execution.expression.TestingExpressions.project;
import static io.basin.execution.expression.TestingExpressions.select;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static org.assertj.core.api.Assertions.assertThat;

class TestExpressionCompilerSmoke
{
    @Test
    void addsAndFilters()
    {
        var x = input(0, BIGINT);
        var page = page(block(BIGINT, 1L, null, 7L));
        assertThat(project(call(FunctionNames.ADD, BIGINT, x, constant(1L, BIGINT)), page)).isEqualTo(Arrays.asList(2L, null, 8L));
        assertThat(select(call(FunctionNames.GREATER_THAN, BOOLEAN, x, constant(5L, BIGINT)), page)).containsExactly(2);
    }
}
