package io.basin.execution.operator;

import io.basin.execution.QueryContext;
import io.basin.execution.driver.DriverContext;
import io.basin.execution.memory.QueryMemoryPool;
import io.trino.spi.Page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a sink the way the executor does, on real threads: pages spread round-robin over
 * {@code drivers} drivers, each driver finishing after its last page, then
 * {@link Sink#finishSink()} once, then the source's partitions drained in parallel. Output of
 * each partition is kept in order, partitions in the order the source listed them.
 */
final class TestingDrivers
{
    private TestingDrivers() {}

    static QueryContext queryContext(long memoryLimitBytes, int parallelism)
    {
        return new QueryContext("test", new QueryMemoryPool(memoryLimitBytes), parallelism, Instant.EPOCH, ZoneOffset.UTC);
    }

    static QueryContext queryContext(int parallelism)
    {
        return queryContext(1L << 32, parallelism);
    }

    static <T extends Sink & Source> List<Page> run(T sinkAndSource, List<Page> input, QueryContext queryContext)
    {
        int drivers = queryContext.parallelism();
        List<List<Page>> pagesByDriver = new ArrayList<>();
        for (int driver = 0; driver < drivers; driver++) {
            pagesByDriver.add(new ArrayList<>());
        }
        for (int page = 0; page < input.size(); page++) {
            pagesByDriver.get(page % drivers).add(input.get(page));
        }

        List<SinkOperator> operators = new ArrayList<>();
        for (int driver = 0; driver < drivers; driver++) {
            operators.add(sinkAndSource.createSinkOperator(new DriverContext(queryContext, 0, driver, drivers)));
        }
        List<Callable<Void>> sinkTasks = new ArrayList<>();
        for (int driver = 0; driver < drivers; driver++) {
            SinkOperator operator = operators.get(driver);
            List<Page> pages = pagesByDriver.get(driver);
            sinkTasks.add(() -> {
                for (Page page : pages) {
                    if (operator.isFinished()) {
                        break;
                    }
                    operator.addInput(page);
                }
                operator.finish();
                return null;
            });
        }
        runAll(sinkTasks, drivers);
        sinkAndSource.finishSink();

        List<PageSupplier> partitions = sinkAndSource.createPartitions(queryContext);
        List<List<Page>> outputByPartition = new ArrayList<>();
        List<Callable<Void>> sourceTasks = new ArrayList<>();
        for (PageSupplier partition : partitions) {
            List<Page> output = new ArrayList<>();
            outputByPartition.add(output);
            sourceTasks.add(() -> {
                for (Page page = partition.next(); page != null; page = partition.next()) {
                    output.add(page);
                }
                return null;
            });
        }
        runAll(sourceTasks, drivers);
        return outputByPartition.stream().flatMap(List::stream).toList();
    }

    static void runAll(List<Callable<Void>> tasks, int threads)
    {
        if (tasks.isEmpty()) {
            return;
        }
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> futures = executor.invokeAll(tasks);
            for (Future<Void> future : futures) {
                future.get();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtimeException) {
                throw runtimeException;
            }
            throw new RuntimeException(e.getCause());
        }
        finally {
            executor.shutdownNow();
        }
    }
}
