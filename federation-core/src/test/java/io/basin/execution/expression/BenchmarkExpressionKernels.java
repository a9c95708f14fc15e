package io.basin.execution.expression;

import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.SpecialForm;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.LongArrayBlock;
import io.trino.spi.block.IntArrayBlock;
import io.trino.spi.block.VariableWidthBlockBuilder;
import io.airlift.slice.Slices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static io.basin.execution.expression.TestingExpressions.CONTEXT;
import static io.basin.execution.expression.TestingExpressions.call;
import static io.basin.execution.expression.TestingExpressions.constant;
import static io.basin.execution.expression.TestingExpressions.form;
import static io.basin.execution.expression.TestingExpressions.input;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * Throughput of generated kernels on TPC-H-like lineitem pages; prints million rows per second on
 * one core. Skipped in normal builds; run with
 * {@code -Dtest=BenchmarkExpressionKernels -Dbasin.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "basin.benchmark", matches = "true")
class BenchmarkExpressionKernels
{
    private static final int PAGE_SIZE = 8192;
    private static final int PAGES = 64;

    @Test
    void benchmark()
    {
        Random random = new Random(1);
        Page[] pages = new Page[PAGES];
        for (int p = 0; p < PAGES; p++) {
            long[] price = new long[PAGE_SIZE];
            long[] discount = new long[PAGE_SIZE];
            long[] tax = new long[PAGE_SIZE];
            int[] shipdate = new int[PAGE_SIZE];
            VariableWidthBlockBuilder comments = new VariableWidthBlockBuilder(null, PAGE_SIZE, PAGE_SIZE * 30);
            for (int i = 0; i < PAGE_SIZE; i++) {
                price[i] = 90_000 + random.nextInt(10_000_000);
                discount[i] = random.nextInt(11);
                tax[i] = random.nextInt(9);
                shipdate[i] = (int) LocalDate.of(1992, 1, 2).toEpochDay() + random.nextInt(2500);
                comments.writeEntry(Slices.utf8Slice(random.nextInt(10) == 0 ? "carefully special requests sleep" : "quickly final deposits across the"));
            }
            pages[p] = new Page(PAGE_SIZE,
                    new LongArrayBlock(PAGE_SIZE, Optional.empty(), price),
                    new LongArrayBlock(PAGE_SIZE, Optional.empty(), discount),
                    new LongArrayBlock(PAGE_SIZE, Optional.empty(), tax),
                    new IntArrayBlock(PAGE_SIZE, Optional.empty(), shipdate),
                    comments.build());
        }
        var money = createDecimalType(12, 2);
        Expression one = constant(BigDecimal.ONE, createDecimalType(1, 0));
        Expression discounted = call(FunctionNames.MULTIPLY, createDecimalType(25, 4), input(0, money), call(FunctionNames.SUBTRACT, createDecimalType(13, 2), one, input(1, money)));
        Expression charge = call(FunctionNames.MULTIPLY, createDecimalType(38, 6), discounted, call(FunctionNames.ADD, createDecimalType(13, 2), one, input(2, money)));
        Expression shipFilter = call(FunctionNames.LESS_THAN_OR_EQUAL, BOOLEAN, input(3, DATE), constant(LocalDate.of(1998, 9, 2), DATE));
        Expression q6Filter = form(SpecialForm.Form.AND, BOOLEAN,
                call(FunctionNames.GREATER_THAN_OR_EQUAL, BOOLEAN, input(3, DATE), constant(LocalDate.of(1994, 1, 1), DATE)),
                call(FunctionNames.LESS_THAN, BOOLEAN, input(3, DATE), constant(LocalDate.of(1995, 1, 1), DATE)),
                call(FunctionNames.GREATER_THAN_OR_EQUAL, BOOLEAN, input(1, money), constant(new BigDecimal("0.05"), createDecimalType(3, 2))),
                call(FunctionNames.LESS_THAN_OR_EQUAL, BOOLEAN, input(1, money), constant(new BigDecimal("0.07"), createDecimalType(3, 2))));
        Expression like = form(SpecialForm.Form.NOT, BOOLEAN, call(FunctionNames.LIKE, BOOLEAN, input(4, VARCHAR), constant("%special%requests%", VARCHAR)));

        run("q1 projections (disc_price, charge) + filter", pages, Optional.of(shipFilter), List.of(discounted, charge));
        run("q1 charge only", pages, Optional.empty(), List.of(charge));
        run("q6 filter", pages, Optional.of(q6Filter), List.of(input(0, money)));
        run("q6 revenue", pages, Optional.of(q6Filter), List.of(call(FunctionNames.MULTIPLY, createDecimalType(24, 4), input(0, money), input(1, money))));
        run("not like '%special%requests%'", pages, Optional.of(like), List.of());
    }

    private static void run(String name, Page[] pages, Optional<Expression> filter, List<Expression> projections)
    {
        PageProcessor processor = TestingExpressions.compiler().compile(filter, projections).createProcessor(CONTEXT);
        long checksum = 0;
        double best = 0;
        for (int iteration = 0; iteration < 30; iteration++) {
            long start = System.nanoTime();
            for (Page page : pages) {
                Page output = processor.process(page);
                if (output != null) {
                    checksum += output.getPositionCount();
                    for (int channel = 0; channel < output.getChannelCount(); channel++) {
                        Block block = output.getBlock(channel);
                        checksum += block.getPositionCount();
                    }
                }
            }
            long elapsed = System.nanoTime() - start;
            best = Math.max(best, (double) PAGES * PAGE_SIZE / elapsed * 1000);
        }
        System.out.printf("%-50s %8.1f M rows/s (checksum %d)%n", name, best, checksum);
    }
}
