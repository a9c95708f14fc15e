package io.basin.engine;

import io.basin.execution.QueryContext;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * statement_timeout: cancels a statement that runs longer than the session allows, with
 * PostgreSQL's message; closing it (when the statement ends) disarms the timer.
 */
final class StatementTimeout
        implements AutoCloseable
{
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("basin-statement-timeout").daemon(true).factory());
    private static final StatementTimeout NONE = new StatementTimeout(null);

    private final ScheduledFuture<?> timeout;

    private StatementTimeout(ScheduledFuture<?> timeout)
    {
        this.timeout = timeout;
    }

    static StatementTimeout start(QueryContext context, long timeoutMillis)
    {
        if (timeoutMillis <= 0) {
            return NONE;
        }
        return new StatementTimeout(TIMER.schedule(() -> context.cancel("canceling statement due to statement timeout"), timeoutMillis, TimeUnit.MILLISECONDS));
    }

    @Override
    public void close()
    {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }
}
