package io.basin.execution.driver;

import io.basin.error.BasinException;
import io.basin.execution.QueryContext;
import io.basin.execution.operator.Operator;
import io.basin.execution.operator.OperatorFactory;
import io.basin.execution.operator.PageConsumer;
import io.basin.execution.operator.PageSupplier;
import io.basin.execution.operator.Sink;
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
            // under EXPLAIN ANALYZE each stage is wrapped to count its rows and time its calls with this driver's clock
            DriverClock clock = stages == null ? null : new DriverClock();
            List<Operator> operators = new ArrayList<>();
            for (int index = 0; index < pipeline.operators().size(); index++) {
                OperatorFactory factory = pipeline.operators().get(index);
                operators.add(stages == null ? factory.createOperator(driverContext) : timed(factory, stages[index + 1], driverContext, clock));
            }
            SinkOperator sink = stages == null ? pipeline.sink().createSinkOperator(driverContext) : timed(pipeline.sink(), stages[stages.length - 1], driverContext, clock);
            UnaryOperator<PageSupplier> source = stages == null ? UnaryOperator.identity() : timed(stages[0], clock);
            drivers.add(() -> runDriver(queue, operators, sink, queryContext, stop, failure, source));
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

    private static Operator timed(OperatorFactory factory, StageCounters counters, DriverContext driverContext, DriverClock clock)
    {
        counters.addDriver();
        return new TimedOperator(factory.createOperator(driverContext.withMemoryPeak(counters.memory())), counters, clock);
    }

    private static SinkOperator timed(Sink sink, StageCounters counters, DriverContext driverContext, DriverClock clock)
    {
        counters.addDriver();
        return new TimedSinkOperator(sink.createSinkOperator(driverContext.withMemoryPeak(counters.memory())), counters, clock);
    }

    /** Wraps each partition a driver takes so that pulling its pages counts as the source's time. */
    private static UnaryOperator<PageSupplier> timed(StageCounters counters, DriverClock clock)
    {
        counters.addDriver();
        return partition -> () -> clock.call(counters, partition::next);
    }

    /** {@code source} wraps each partition the driver takes (to time the source) or returns it as it is. */
    private static void runDriver(ConcurrentLinkedQueue<PageSupplier> queue, List<Operator> operators, SinkOperator sink, QueryContext queryContext, AtomicBoolean stop, AtomicReference<Throwable> failure,
            UnaryOperator<PageSupplier> source)
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
                if (partition.bucket() >= 0) {
                    startBucket(partition.bucket(), operators, sink);
                }
                partition = source.apply(partition);
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

    private static void startBucket(int bucket, List<Operator> operators, SinkOperator sink)
    {
        for (Operator operator : operators) {
            operator.startBucket(bucket);
        }
        sink.startBucket(bucket);
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
