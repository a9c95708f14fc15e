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
            run(pipeline, queryContext);
        }
    }

    private void run(Pipeline pipeline, QueryContext queryContext)
    {
        List<PageSupplier> partitions = pipeline.source().createPartitions(queryContext);
        ConcurrentLinkedQueue<PageSupplier> queue = new ConcurrentLinkedQueue<>(partitions);
        int driverCount = Math.max(1, Math.min(queryContext.parallelism(), partitions.size()));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();

        // create every driver's operators before any runs: operators that coordinate at finish
        // (a full join emitting unmatched rows) count their drivers at creation
        List<Runnable> drivers = new ArrayList<>();
        for (int i = 0; i < driverCount; i++) {
            DriverContext driverContext = new DriverContext(queryContext, pipeline.id(), i, driverCount);
            List<Operator> operators = new ArrayList<>();
            for (OperatorFactory factory : pipeline.operators()) {
                operators.add(factory.createOperator(driverContext));
            }
            SinkOperator sink = pipeline.sink().createSinkOperator(driverContext);
            drivers.add(() -> runDriver(queue, operators, sink, queryContext, stop, failure));
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
        pipeline.sink().finishSink();
    }

    private static void runDriver(ConcurrentLinkedQueue<PageSupplier> queue, List<Operator> operators, SinkOperator sink, QueryContext queryContext, AtomicBoolean stop, AtomicReference<Throwable> failure)
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
