package io.basin.execution;

import io.basin.error.BasinException;
import io.basin.execution.memory.QueryMemoryPool;

import java.time.Instant;
import java.time.ZoneId;

import static io.basin.error.BasinErrorCode.QUERY_CANCELED;
import static java.util.Objects.requireNonNull;

/** State shared by everything executing one query: memory, cancellation, the query's clock. */
public final class QueryContext
{
    private final String queryId;
    private final QueryMemoryPool memoryPool;
    private final int parallelism;
    private final Instant startInstant;
    private final ZoneId timeZone;
    private volatile String cancelReason;
    private final java.util.List<Runnable> cancelListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public QueryContext(String queryId, QueryMemoryPool memoryPool, int parallelism, Instant startInstant, ZoneId timeZone)
    {
        this.queryId = requireNonNull(queryId, "queryId is null");
        this.memoryPool = requireNonNull(memoryPool, "memoryPool is null");
        this.parallelism = parallelism;
        this.startInstant = requireNonNull(startInstant, "startInstant is null");
        this.timeZone = requireNonNull(timeZone, "timeZone is null");
    }

    public String queryId()
    {
        return queryId;
    }

    public QueryMemoryPool memoryPool()
    {
        return memoryPool;
    }

    /** Number of drivers a parallel pipeline runs with. */
    public int parallelism()
    {
        return parallelism;
    }

    public Instant startInstant()
    {
        return startInstant;
    }

    public ZoneId timeZone()
    {
        return timeZone;
    }

    public void cancel(String reason)
    {
        cancelReason = requireNonNull(reason, "reason is null");
        // drivers notice between pages; listeners stop work that blocks inside one (a remote statement)
        for (Runnable listener : cancelListeners) {
            listener.run();
        }
    }

    /**
     * Runs {@code listener} on the canceling thread when the query is canceled (at once if it
     * already was). Listeners must be quick and must not throw.
     */
    public void whenCancelled(Runnable listener)
    {
        cancelListeners.add(requireNonNull(listener, "listener is null"));
        if (cancelReason != null) {
            listener.run();
        }
    }

    public boolean isCancelled()
    {
        return cancelReason != null;
    }

    /** Called by drivers between pages. */
    public void checkCancelled()
    {
        String reason = cancelReason;
        if (reason != null) {
            throw new BasinException(QUERY_CANCELED, "Query " + queryId + " was canceled: " + reason);
        }
    }
}
