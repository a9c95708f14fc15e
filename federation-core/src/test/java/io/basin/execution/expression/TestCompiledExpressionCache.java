package io.basin.execution.expression;

import io.airlift.slice.Slices;
import io.basin.error.BasinException;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.SpecialForm;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.basin.execution.expression.TestingExpressions.CONTEXT;
import static io.basin.execution.expression.TestingExpressions.block;
import static io.basin.execution.expression.TestingExpressions.call;
import static io.basin.execution.expression.TestingExpressions.constant;
import static io.basin.execution.expression.TestingExpressions.form;
import static io.basin.execution.expression.TestingExpressions.input;
import static io.basin.execution.expression.TestingExpressions.nullConstant;
import static io.basin.execution.expression.TestingExpressions.page;
import static io.basin.execution.expression.TestingExpressions.values;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TestCompiledExpressionCache
{
    private static Expression greaterThan(long value)
    {
        return call(FunctionNames.GREATER_THAN, BOOLEAN, input(0, BIGINT), constant(value, BIGINT));
    }

    @Test
    void literalsShareOneClass()
    {
        ExpressionCompiler compiler = new ExpressionCompiler(new CompiledExpressionCache());
        PageProcessorFactory five = compiler.compile(Optional.of(greaterThan(5)), List.of(input(0, BIGINT)));
        assertThat(compiler.cache().misses()).isEqualTo(1);
        assertThat(compiler.cache().hits()).isEqualTo(0);
        PageProcessorFactory seven = compiler.compile(Optional.of(greaterThan(7)), List.of(input(0, BIGINT)));
        assertThat(compiler.cache().misses()).isEqualTo(1);
        assertThat(compiler.cache().hits()).isEqualTo(1);
        assertThat(compiler.cache().size()).isEqualTo(1);
        assertThat(compiler.cache().compileTimeNanos()).isPositive();
        // each keeps its own literal
        var input = page(block(BIGINT, 4L, 6L, 8L));
        assertThat(values(five.createProcessor(CONTEXT).process(input).getBlock(0), BIGINT)).containsExactly(6L, 8L);
        assertThat(values(seven.createProcessor(CONTEXT).process(input).getBlock(0), BIGINT)).containsExactly(8L);
        assertThat(five.generatedSource()).isEqualTo(seven.generatedSource());
    }

    @Test
    void typesAndStructureAreTheShape()
    {
        ExpressionCompiler compiler = new ExpressionCompiler(new CompiledExpressionCache());
        compiler.compile(Optional.of(greaterThan(5)), List.of());
        // another input type, another literal type, a NULL literal, another unit: new shapes
        compiler.compile(Optional.of(call(FunctionNames.GREATER_THAN, BOOLEAN, input(0, INTEGER), constant(5, INTEGER))), List.of());
        compiler.compile(Optional.of(call(FunctionNames.GREATER_THAN, BOOLEAN, input(0, BIGINT), nullConstant(BIGINT))), List.of());
        compiler.compile(Optional.empty(), List.of(call(FunctionNames.EXTRACT, BIGINT, constant("year", VARCHAR), input(0, DATE))));
        compiler.compile(Optional.empty(), List.of(call(FunctionNames.EXTRACT, BIGINT, constant("month", VARCHAR), input(0, DATE))));
        assertThat(compiler.cache().misses()).isEqualTo(5);
        assertThat(compiler.cache().hits()).isEqualTo(0);
        // IN lists of the same length share a class, also when they become hash sets
        List<Expression> inList = new ArrayList<>(List.of(input(0, BIGINT)));
        List<Expression> otherList = new ArrayList<>(List.of(input(0, BIGINT)));
        for (long i = 0; i < 10; i++) {
            inList.add(constant(i, BIGINT));
            otherList.add(constant(i * 100, BIGINT));
        }
        PageProcessorFactory first = compiler.compile(Optional.of(form(SpecialForm.Form.IN, BOOLEAN, inList.toArray(Expression[]::new))), List.of(input(0, BIGINT)));
        PageProcessorFactory second = compiler.compile(Optional.of(form(SpecialForm.Form.IN, BOOLEAN, otherList.toArray(Expression[]::new))), List.of(input(0, BIGINT)));
        assertThat(compiler.cache().misses()).isEqualTo(6);
        var input = page(block(BIGINT, 3L, 300L));
        assertThat(values(first.createProcessor(CONTEXT).process(input).getBlock(0), BIGINT)).containsExactly(3L);
        assertThat(values(second.createProcessor(CONTEXT).process(input).getBlock(0), BIGINT)).containsExactly(300L);
    }

    @Test
    void boundedLeastRecentlyUsed()
    {
        ExpressionCompiler compiler = new ExpressionCompiler(new CompiledExpressionCache(2));
        Expression a = call(FunctionNames.ADD, BIGINT, input(0, BIGINT), constant(1L, BIGINT));
        Expression b = call(FunctionNames.SUBTRACT, BIGINT, input(0, BIGINT), constant(1L, BIGINT));
        Expression c = call(FunctionNames.MULTIPLY, BIGINT, input(0, BIGINT), constant(1L, BIGINT));
        compiler.compile(Optional.empty(), List.of(a));
        compiler.compile(Optional.empty(), List.of(b));
        compiler.compile(Optional.empty(), List.of(a));
        compiler.compile(Optional.empty(), List.of(c));
        assertThat(compiler.cache().size()).isEqualTo(2);
        assertThat(compiler.cache().evictions()).isEqualTo(1);
        // b was the least recently used
        compiler.compile(Optional.empty(), List.of(a));
        assertThat(compiler.cache().hits()).isEqualTo(2);
        compiler.compile(Optional.empty(), List.of(b));
        assertThat(compiler.cache().misses()).isEqualTo(4);
        CacheStatistics statistics = compiler.cache().statistics();
        assertThat(statistics.size()).isEqualTo(2);
        assertThat(statistics.maximumSize()).isEqualTo(2);
        assertThat(statistics.hits() + statistics.misses()).isEqualTo(6);
    }

    @Test
    void concurrentDriversCompileEachShapeOnce()
            throws Exception
    {
        ExpressionCompiler compiler = new ExpressionCompiler(new CompiledExpressionCache());
        int threads = 8;
        int shapes = 5;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Object>>> results = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int id = thread;
                results.add(executor.submit(() -> {
                    start.await();
                    List<Object> outputs = new ArrayList<>();
                    for (int round = 0; round < 20; round++) {
                        int shape = (id + round) % shapes;
                        // shape i: x + i additions of a literal; the literal differs per thread
                        Expression expression = input(0, BIGINT);
                        for (int i = 0; i <= shape; i++) {
                            expression = call(FunctionNames.ADD, BIGINT, expression, constant((long) id, BIGINT));
                        }
                        var output = compiler.compile(Optional.empty(), List.of(expression)).createProcessor(CONTEXT).process(page(block(BIGINT, 1000L)));
                        long expected = 1000L + (long) id * (shape + 1);
                        outputs.add(values(output.getBlock(0), BIGINT).getFirst().equals(expected));
                    }
                    return outputs;
                }));
            }
            start.countDown();
            for (Future<List<Object>> result : results) {
                assertThat(result.get()).containsOnly(true);
            }
        }
        finally {
            executor.shutdownNow();
        }
        assertThat(compiler.cache().misses()).isEqualTo(shapes);
        assertThat(compiler.cache().hits()).isEqualTo(threads * 20 - shapes);
        assertThat(compiler.cache().size()).isEqualTo(shapes);
    }

    @Test
    void failedCompilationIsNotCached()
    {
        ExpressionCompiler compiler = new ExpressionCompiler(new CompiledExpressionCache());
        Expression unknown = call("no_such_function", BIGINT, input(0, BIGINT));
        assertThrows(BasinException.class, () -> compiler.compile(Optional.empty(), List.of(unknown)));
        assertThrows(BasinException.class, () -> compiler.compile(Optional.empty(), List.of(unknown)));
        assertThat(compiler.cache().size()).isZero();
        assertThat(compiler.cache().misses()).isEqualTo(2);
    }

    @Test
    void evaluateConstant()
    {
        ExpressionCompiler compiler = new ExpressionCompiler(new CompiledExpressionCache());
        assertThat(compiler.evaluateConstant(call(FunctionNames.MULTIPLY, BIGINT, constant(6L, BIGINT), constant(7L, BIGINT)), CONTEXT)).isEqualTo(42L);
        assertThat(compiler.evaluateConstant(constant("x", VARCHAR), CONTEXT)).isEqualTo(Slices.utf8Slice("x"));
        assertThat(compiler.evaluateConstant(call(FunctionNames.ADD, BIGINT, constant(1L, BIGINT), nullConstant(BIGINT)), CONTEXT)).isNull();
        assertThrows(IllegalArgumentException.class, () -> compiler.evaluateConstant(input(0, BIGINT), CONTEXT));
    }
}
