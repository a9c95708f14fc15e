package io.basin.execution.expression;

import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.SpecialForm;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.type.CharType;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
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
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

class TestPageProcessor
{
    private static final Expression X = input(0, BIGINT);
    private static final Expression NAME = input(1, VARCHAR);

    private static Page sample()
    {
        return page(block(BIGINT, 1L, 2L, null, 4L, 5L), block(VARCHAR, "a", "b", "c", null, "e"));
    }

    private static PageProcessor processor(Optional<Expression> filter, Expression... projections)
    {
        return compiler().compile(filter, List.of(projections)).createProcessor(CONTEXT);
    }

    @Test
    void bareInputReferencesPassTheSameBlockWhenEveryRowPasses()
    {
        Page input = sample();
        Page output = processor(Optional.empty(), NAME, X).process(input);
        assertThat(output.getPositionCount()).isEqualTo(5);
        assertThat(output.getBlock(0)).isSameAs(input.getBlock(1));
        assertThat(output.getBlock(1)).isSameAs(input.getBlock(0));

        Page filtered = processor(Optional.of(call(FunctionNames.GREATER_THAN, BOOLEAN, X, constant(-10L, BIGINT))), X).process(input);
        // 4 of 5 rows pass (NULL is rejected): copied positions
        assertThat(values(filtered.getBlock(0), BIGINT)).containsExactly(1L, 2L, 4L, 5L);
    }

    @Test
    void filterSelectsRowsAndTreatsNullAsFalse()
    {
        Page input = sample();
        Page output = processor(Optional.of(call(FunctionNames.GREATER_THAN, BOOLEAN, X, constant(1L, BIGINT))), NAME, X).process(input);
        assertThat(values(output.getBlock(0), VARCHAR)).containsExactly("b", null, "e");
        assertThat(values(output.getBlock(1), BIGINT)).containsExactly(2L, 4L, 5L);
    }

    @Test
    void returnsNullWhenNoRowPasses()
    {
        PageProcessor processor = processor(Optional.of(call(FunctionNames.GREATER_THAN, BOOLEAN, X, constant(100L, BIGINT))), X);
        assertThat(processor.process(sample())).isNull();
        assertThat(processor.process(page(block(BIGINT)))).isNull();
        assertThat(processor(Optional.of(nullConstant(BOOLEAN)), X).process(sample())).isNull();
    }

    @Test
    void filterOnlyWithoutProjections()
    {
        Page output = processor(Optional.of(call(FunctionNames.LESS_THAN, BOOLEAN, X, constant(3L, BIGINT)))).process(sample());
        assertThat(output.getChannelCount()).isZero();
        assertThat(output.getPositionCount()).isEqualTo(2);
    }

    @Test
    void constantProjectionIsRunLength()
    {
        Page output = processor(Optional.empty(), constant("k", VARCHAR), nullConstant(BIGINT)).process(sample());
        assertThat(output.getBlock(0)).isInstanceOf(RunLengthEncodedBlock.class);
        assertThat(values(output.getBlock(0), VARCHAR)).containsExactly("k", "k", "k", "k", "k");
        assertThat(values(output.getBlock(1), BIGINT)).containsExactly(null, null, null, null, null);
    }

    @Test
    void projectionsRunOnlyOnSelectedRows()
    {
        // WHERE x <> 0 protects 10 / x from the zero row
        Page input = page(block(BIGINT, 5L, 0L, 2L));
        Page output = processor(Optional.of(call(FunctionNames.NOT_EQUAL, BOOLEAN, X, constant(0L, BIGINT))),
                call(FunctionNames.DIVIDE, BIGINT, constant(10L, BIGINT), X)).process(input);
        assertThat(values(output.getBlock(0), BIGINT)).containsExactly(2L, 5L);
    }

    @Test
    void readsDictionaryAndRunLengthInputs()
    {
        Block dictionary = block(BIGINT, 10L, 20L, null);
        Block ids = DictionaryBlock.create(5, dictionary, new int[] {2, 1, 0, 1, 2});
        Block runLength = RunLengthEncodedBlock.create(block(INTEGER, 3), 5);
        Page input = page(ids, runLength);
        Expression sum = call(FunctionNames.ADD, BIGINT, X, call(FunctionNames.CAST, BIGINT, input(1, INTEGER)));
        Page output = processor(Optional.of(form(SpecialForm.Form.NOT, BOOLEAN, form(SpecialForm.Form.IS_NULL, BOOLEAN, X))), sum, X).process(input);
        assertThat(values(output.getBlock(0), BIGINT)).containsExactly(23L, 13L, 23L);
        assertThat(values(output.getBlock(1), BIGINT)).containsExactly(20L, 10L, 20L);
    }

    @Test
    void dictionaryWithOffsetAndRegions()
    {
        Block dictionary = block(VARCHAR, "x", "yy", "zzz");
        Block ids = DictionaryBlock.create(6, dictionary, new int[] {0, 1, 2, 2, 1, 0}).getRegion(2, 3);
        Page output = processor(Optional.empty(), call(FunctionNames.LENGTH, BIGINT, input(0, VARCHAR))).process(page(ids));
        assertThat(values(output.getBlock(0), BIGINT)).containsExactly(3L, 3L, 2L);
        Block region = block(BIGINT, 1L, 2L, 3L, 4L).getRegion(1, 2);
        Page fromRegion = processor(Optional.empty(), call(FunctionNames.MULTIPLY, BIGINT, X, constant(2L, BIGINT))).process(page(region));
        assertThat(values(fromRegion.getBlock(0), BIGINT)).containsExactly(4L, 6L);
    }

    @Test
    void processorIsReusableAcrossPagesOfDifferentSizes()
    {
        PageProcessor processor = processor(Optional.of(call(FunctionNames.GREATER_THAN, BOOLEAN, X, constant(1L, BIGINT))),
                call(FunctionNames.ADD, BIGINT, X, constant(1L, BIGINT)));
        assertThat(values(processor.process(page(block(BIGINT, 1L, 2L, 3L))).getBlock(0), BIGINT)).containsExactly(3L, 4L);
        Object[] many = new Object[3000];
        for (int i = 0; i < many.length; i++) {
            many[i] = (long) i;
        }
        Page large = processor.process(page(block(BIGINT, many)));
        assertThat(large.getPositionCount()).isEqualTo(2998);
        assertThat(values(processor.process(page(block(BIGINT, 7L))).getBlock(0), BIGINT)).containsExactly(8L);

        PageProcessor unfiltered = processor(Optional.empty(), call(FunctionNames.ADD, BIGINT, X, constant(1L, BIGINT)));
        assertThat(values(unfiltered.process(page(block(BIGINT, 1L, 2L))).getBlock(0), BIGINT)).containsExactly(2L, 3L);
        assertThat(values(unfiltered.process(page(block(BIGINT, 5L, 6L, 7L, 8L))).getBlock(0), BIGINT)).containsExactly(6L, 7L, 8L, 9L);
    }

    @Test
    void outputTypesAndSource()
    {
        PageProcessorFactory factory = compiler().compile(Optional.empty(), List.of(X, call(FunctionNames.UPPER, VARCHAR, NAME)));
        assertThat(factory.outputTypes()).containsExactly(BIGINT, VARCHAR);
        assertThat(factory.hasFilter()).isFalse();
        assertThat(factory.generatedSource()).hasValueSatisfying(source -> assertThat(source).contains("StringFunctions.upper"));
        assertThat(compiler().compile(Optional.empty(), List.of(X)).generatedSource()).isEmpty();
    }

    @Test
    void charLiteralsLoseTrailingSpaces()
    {
        Type code = CharType.createCharType(4);
        Page output = processor(Optional.empty(), constant("ab  ", code),
                form(SpecialForm.Form.IF, code, constant(true, BOOLEAN), constant("cd  ", code), TestingExpressions.nullConstant(code))).process(sample());
        assertThat(values(output.getBlock(0), code)).containsOnly("ab");
        assertThat(values(output.getBlock(1), code)).containsOnly("cd");
    }

    @Test
    void nullsInOutputOnlyWhenPresent()
    {
        Page output = processor(Optional.empty(), call(FunctionNames.ADD, BIGINT, X, constant(1L, BIGINT))).process(page(block(BIGINT, 1L, 2L)));
        assertThat(output.getBlock(0).mayHaveNull()).isFalse();
        Page withNull = processor(Optional.empty(), call(FunctionNames.ADD, BIGINT, X, constant(1L, BIGINT))).process(page(block(BIGINT, 1L, null)));
        assertThat(values(withNull.getBlock(0), BIGINT)).isEqualTo(Arrays.asList(2L, null));
    }
}
