package io.basin.execution.driver;

import io.basin.error.BasinException;
import io.basin.execution.QueryContext;
import io.basin.execution.operator.Operator;
import io.basin.execution.operator.OperatorFactory;
import io.basin.execution.operator.PageConsumer;
import io.basin.execution.operator.PageSupplier;
import io.basin.execution.operator.SinkOperator;
import io.trino.spi.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static io.basin.error.BasinErrorCode.INTERNAL_ERROR_CODE;
import static java.util.Objects.requireNonNull;

/**
 * Runs pipelines in dependency order; each pipeline runs on up to {@code parallelism} drivers
 * that take source partitions (splits) from a shared queue, so all cores stay busy.
 */
public final class PipelineExecutor
{
    private final ExecutorService executor;

    public PipelineExecutor(ExecutorService executor)
    {
        this.executor = requireNonNull(executor, "executor is null");
    }

    public void execute(List<Pipeline> pipelines, QueryContext queryContext)
    {
        for (Pipeline pipeline : pipelines) {
            queryContext.checkCancelled();
            run(pipeline, queryContext, null);
        }
    }

    /** Runs the pipelines counting rows, time and memory of every stage into {@code statistics} (EXPLAIN ANALYZE). */
    public void execute(List<Pipeline> pipelines, QueryContext queryContext, ExecutionStatistics statistics)
    {
        requireNonNull(statistics, "statistics is null");
        for (Pipeline pipeline : pipelines) {
            queryContext.checkCancelled();
            run(pipeline, queryContext, statistics);
        }
    }

    /** {@code statistics} is null unless the query is analyzed: then every stage is wrapped to count and time it. */
    private void run(Pipeline pipeline, QueryContext queryContext, ExecutionStatistics statistics)
    {
        StageCounters[] stages = statistics == null ? null : statistics.counters(pipeline);
        List<PageSupplier> partitions = stages == null
                ? pipeline.source().createPartitions(queryContext)
                : new DriverClock().call(stages[0], () -> pipeline.source().createPartitions(queryContext));
        ConcurrentLinkedQueue<PageSupplier> queue = new ConcurrentLinkedQueue<>(partitions);
        int driverCount = Math.max(1, Math.min(queryContext.parallelism(), partitions.size()));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();

        // create every driver's operators before any runs: operators that coordinate at finish
        // (a full join emitting unmatched rows) count their drivers at creation
        List<Runnable> drivers = new ArrayList<>();
        for (int i = 0; i < driverCount; i++) {
            DriverContext driverContext = new DriverContext(queryContext, pipeline.id(), i, driverCount);
            if (stages == null) {
                List<Operator> operators = new ArrayList<>();
                for (OperatorFactory factory : pipeline.operators()) {
                    operators.add(factory.createOperator(driverContext));
                }
                SinkOperator sink = pipeline.sink().createSinkOperator(driverContext);
                drivers.add(() -> runDriver(queue, operators, sink, queryContext, stop, failure, partition -> partition));
                continue;
            }
            DriverClock clock = new DriverClock();
            List<Operator> operators = new ArrayList<>();
            for (int index = 0; index < pipeline.operators().size(); index++) {
                StageCounters counters = stages[index + 1];
                counters.addDriver();
                operators.add(new TimedOperator(pipeline.operators().get(index).createOperator(driverContext.withMemoryPeak(counters.memory())), counters, clock));
            }
            StageCounters sinkCounters = stages[stages.length - 1];
            sinkCounters.addDriver();
            SinkOperator sink = new TimedSinkOperator(pipeline.sink().createSinkOperator(driverContext.withMemoryPeak(sinkCounters.memory())), sinkCounters, clock);
            stages[0].addDriver();
            drivers.add(() -> runDriver(queue, operators, sink, queryContext, stop, failure, partition -> () -> clock.call(stages[0], partition::next)));
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 1; i < drivers.size(); i++) {
            futures.add(executor.submit(drivers.get(i)));
        }
        drivers.getFirst().run();
        for (Future<?> future : futures) {
            try {
                future.get();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                queryContext.cancel("interrupted");
                failure.compareAndSet(null, e);
            }
            catch (java.util.concurrent.ExecutionException e) {
                failure.compareAndSet(null, e.getCause());
            }
        }
        Throwable error = failure.get();
        if (error != null) {
            if (queryContext.isCancelled()) {
                // a failure after a cancel is usually its consequence (a source whose remote
                // statement the cancel stopped): the query reports the cancel, the rest attached
                try {
                    queryContext.checkCancelled();
                }
                catch (RuntimeException canceled) {
                    if (canceled != error) {
                        canceled.addSuppressed(error);
                    }
                    throw canceled;
                }
            }
            throw propagate(error);
        }
        if (stages == null) {
            pipeline.sink().finishSink();
        }
        else {
            new DriverClock().run(stages[stages.length - 1], pipeline.sink()::finishSink);
        }
    }

    /** {@code timed} wraps each partition the driver takes (to time the source) or returns it as it is. */
    private static void runDriver(ConcurrentLinkedQueue<PageSupplier> queue, List<Operator> operators, SinkOperator sink, QueryContext queryContext, AtomicBoolean stop, AtomicReference<Throwable> failure,
            UnaryOperator<PageSupplier> timed)
    {
        try {
            PageConsumer[] consumers = new PageConsumer[operators.size() + 1];
            consumers[operators.size()] = sink::addInput;
            for (int i = operators.size() - 1; i >= 0; i--) {
                Operator operator = operators.get(i);
                PageConsumer downstream = consumers[i + 1];
                consumers[i] = page -> operator.addInput(page, downstream);
            }
            PageConsumer head = consumers[0];
            PageSupplier partition;
            outer:
            while (!stop.get() && (partition = queue.poll()) != null) {
                partition = timed.apply(partition);
                Page page;
                while ((page = partition.next()) != null) {
                    queryContext.checkCancelled();
                    if (stop.get()) {
                        break outer;
                    }
                    if (page.getPositionCount() > 0) {
                        head.accept(page);
                    }
                    if (isFinished(operators, sink)) {
                        break outer;
                    }
                }
            }
            for (int i = 0; i < operators.size(); i++) {
                operators.get(i).finish(consumers[i + 1]);
            }
            sink.finish();
        }
        catch (Throwable t) {
            stop.set(true);
            failure.compareAndSet(null, t);
        }
    }

    private static boolean isFinished(List<Operator> operators, SinkOperator sink)
    {
        if (sink.isFinished()) {
            return true;
        }
        for (Operator operator : operators) {
            if (operator.isFinished()) {
                return true;
            }
        }
        return false;
    }

    private static RuntimeException propagate(Throwable error)
    {
        if (error instanceof RuntimeException runtime) {
            return runtime;
        }
        if (error instanceof OutOfMemoryError) {
            return new BasinException(io.basin.error.BasinErrorCode.EXCEEDED_MEMORY_LIMIT, "Query ran out of JVM heap; lower query_max_memory or give the server more heap", error);
        }
        return new BasinException(INTERNAL_ERROR_CODE, "Query failed: " + error, error);
    }
}
