package io.basin.execution.operator;

import io.basin.execution.QueryContext;
import io.basin.execution.driver.DriverContext;
import io.trino.spi.Page;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;

import static io.trino.spi.type.BigintType.BIGINT;
import static org.assertj.core.api.Assertions.assertThat;

final class TestLimitOperator
{
    private static final List<Type> TYPES = List.of(BIGINT);

    @Test
    void singleDriverTakesExactlyTheRowsAfterTheOffset()
    {
        List<Page> input = numberedPages(1000, 64);
        for (long limit : new long[] {0, 1, 63, 64, 65, 500, 999, 1000, 5000, Long.MAX_VALUE}) {
            for (long offset : new long[] {0, 1, 63, 64, 100, 999, 1000, 2000}) {
                List<Long> expected = LongStream.range(0, 1000).skip(offset).limit(limit).boxed().toList();
                assertThat(runSingleDriver(new LimitOperatorFactory(limit, offset), input))
                        .as("LIMIT %s OFFSET %s", limit, offset)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void finishesAsSoonAsTheLimitIsReached()
    {
        Operator operator = new LimitOperatorFactory(100, 20).createOperator(driverContext(TestingDrivers.queryContext(1), 0, 1));
        List<Page> output = new ArrayList<>();
        List<Page> input = numberedPages(1000, 50);
        operator.addInput(input.get(0), output::add);
        operator.addInput(input.get(1), output::add);
        assertThat(operator.isFinished()).isFalse();
        operator.addInput(input.get(2), output::add);
        assertThat(operator.isFinished()).isTrue();
        assertThat(output.stream().mapToInt(Page::getPositionCount).sum()).isEqualTo(100);

        Operator limitZero = new LimitOperatorFactory(0, 0).createOperator(driverContext(TestingDrivers.queryContext(1), 0, 1));
        assertThat(limitZero.isFinished()).isTrue();
    }

    @Test
    void driversShareTheLimitExactly()
    {
        for (int attempt = 0; attempt < 30; attempt++) {
            long limit = 1 + attempt * 997L % 20_000;
            long offset = attempt * 331L % 3000;
            int drivers = 2 + attempt % 3;
            List<Long> output = runParallel(new LimitOperatorFactory(limit, offset), 20_000, drivers);
            long expectedCount = Math.max(0, Math.min(limit, 20_000 - offset));
            assertThat(output).hasSize((int) expectedCount);
            // every emitted row is a distinct input row
            assertThat(new HashSet<>(output)).hasSize(output.size());
            assertThat(output).allMatch(value -> value >= 0 && value < 20_000);
        }
    }

    @Test
    void otherDriversSeeTheLimitReached()
    {
        QueryContext queryContext = TestingDrivers.queryContext(2);
        LimitOperatorFactory factory = new LimitOperatorFactory(10, 0);
        Operator first = factory.createOperator(driverContext(queryContext, 0, 2));
        Operator second = factory.createOperator(driverContext(queryContext, 1, 2));
        first.addInput(numberedPages(10, 10).getFirst(), _ -> {});
        assertThat(second.isFinished()).isTrue();

        // another execution of the same factory starts from zero
        Operator nextQuery = factory.createOperator(driverContext(TestingDrivers.queryContext(2), 0, 2));
        assertThat(nextQuery.isFinished()).isFalse();
        List<Page> output = new ArrayList<>();
        nextQuery.addInput(numberedPages(25, 25).getFirst(), output::add);
        assertThat(output.getFirst().getPositionCount()).isEqualTo(10);
    }

    private static List<Long> runSingleDriver(LimitOperatorFactory factory, List<Page> input)
    {
        Operator operator = factory.createOperator(driverContext(TestingDrivers.queryContext(1), 0, 1));
        List<Page> output = new ArrayList<>();
        for (Page page : input) {
            if (operator.isFinished()) {
                break;
            }
            operator.addInput(page, output::add);
        }
        operator.finish(output::add);
        output.forEach(page -> assertThat(page.getPositionCount()).isPositive());
        return values(output);
    }

    private static List<Long> runParallel(LimitOperatorFactory factory, int rows, int drivers)
    {
        QueryContext queryContext = TestingDrivers.queryContext(drivers);
        List<Page> input = numberedPages(rows, 97);
        List<Page> output = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int driver = 0; driver < drivers; driver++) {
            Operator operator = factory.createOperator(driverContext(queryContext, driver, drivers));
            int first = driver;
            tasks.add(() -> {
                for (int page = first; page < input.size() && !operator.isFinished(); page += drivers) {
                    operator.addInput(input.get(page), output::add);
                }
                operator.finish(output::add);
                return null;
            });
        }
        TestingDrivers.runAll(tasks, drivers);
        return values(output);
    }

    private static List<Page> numberedPages(int rows, int rowsPerPage)
    {
        List<List<Object>> values = LongStream.range(0, rows).mapToObj(value -> TestingPages.row(value)).toList();
        return TestingPages.toPages(TYPES, values, rowsPerPage);
    }

    private static List<Long> values(List<Page> pages)
    {
        return TestingPages.toRows(TYPES, pages).stream().map(row -> (Long) row.getFirst()).toList();
    }

    private static DriverContext driverContext(QueryContext queryContext, int driver, int drivers)
    {
        return new DriverContext(queryContext, 0, driver, drivers);
    }
}
