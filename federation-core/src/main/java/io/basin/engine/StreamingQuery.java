package io.basin.engine;

import io.basin.embedded.QueryResult;
import io.basin.execution.QueryContext;
import io.basin.execution.operator.StreamingResultSink;
import io.trino.spi.Page;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static java.util.Objects.requireNonNull;

/**
 * A query running on the engine's threads while its consumer reads result pages. When the
 * consumer closes it early (a client that fetched enough, or disconnected), the drivers are told
 * to stop and the query's transaction ends only after they have.
 */
final class StreamingQuery
        implements StatementResult
{
    /** What to do once the drivers have stopped: commit when the result was read to its end. */
    interface Completion
    {
        void complete(boolean succeeded);
    }

    private final List<QueryResult.Column> columns;
    private final QueryContext context;
    private final StreamingResultSink sink;
    private final Future<?> execution;
    private final Completion completion;
    private boolean endOfResult;
    private boolean failed;
    private boolean closed;

    StreamingQuery(List<QueryResult.Column> columns, QueryContext context, StreamingResultSink sink, Future<?> execution, Completion completion)
    {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.context = requireNonNull(context, "context is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.execution = requireNonNull(execution, "execution is null");
        this.completion = requireNonNull(completion, "completion is null");
    }

    @Override
    public List<QueryResult.Column> columns()
    {
        return columns;
    }

    @Override
    public Page nextPage()
    {
        if (endOfResult || closed) {
            return null;
        }
        try {
            Page page = sink.nextPage();
            if (page == null) {
                endOfResult = true;
            }
            return page;
        }
        catch (RuntimeException e) {
            failed = true;
            // failures while the rows stream map to SQLSTATEs as those while the statement starts
            throw Session.translate(e);
        }
    }

    @Override
    public long updateCount()
    {
        return -1;
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        if (!endOfResult) {
            sink.abandon();
            context.cancel("result closed before its end");
        }
        try {
            execution.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException e) {
            // the failure already reached the consumer through the sink
            failed = true;
        }
        finally {
            completion.complete(endOfResult && !failed);
        }
    }
}
