package io.basin.execution.operator;

import io.basin.execution.QueryContext;
import io.basin.execution.driver.DriverContext;
import io.trino.spi.Page;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The query result as a bounded stream: drivers hand pages to a buffer of at most
 * {@code maxBufferedBytes} and wait while it is full; the client takes pages as it sends rows.
 * A result of any size thus needs only the buffer's memory, and a slow client slows the query
 * instead of filling the heap (as in PostgreSQL, where the backend blocks on the socket).
 *
 * <p>One consumer thread calls {@link #nextPage()}; producers are the drivers of the last pipeline.
 * Drivers waiting on a full buffer wake up to check cancellation, so canceling the query (or
 * {@link #abandon()}, when the client stops reading) never leaves them blocked.
 */
public final class StreamingResultSink
        implements Sink
{
    private static final long WAKE_UP_MILLIS = 50;

    private final QueryContext queryContext;
    private final long maxBufferedBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Page> pages = new ArrayDeque<>();
    private long bufferedBytes;
    private boolean finished;
    private boolean abandoned;
    private Throwable failure;

    public StreamingResultSink(QueryContext queryContext, long maxBufferedBytes)
    {
        this.queryContext = requireNonNull(queryContext, "queryContext is null");
        checkArgument(maxBufferedBytes > 0, "maxBufferedBytes must be positive");
        this.maxBufferedBytes = maxBufferedBytes;
    }

    @Override
    public SinkOperator createSinkOperator(DriverContext driverContext)
    {
        return new SinkOperator()
        {
            @Override
            public void addInput(Page page)
            {
                add(page);
            }

            @Override
            public void finish() {}

            @Override
            public boolean isFinished()
            {
                return abandoned;
            }
        };
    }

    private void add(Page page)
    {
        long size = page.getSizeInBytes();
        lock.lock();
        try {
            // a page larger than the whole buffer still goes in once the buffer is empty
            while (!abandoned && bufferedBytes > 0 && bufferedBytes + size > maxBufferedBytes) {
                queryContext.checkCancelled();
                if (!await(notFull)) {
                    queryContext.cancel("interrupted");
                }
            }
            if (abandoned) {
                return;
            }
            pages.addLast(page);
            bufferedBytes += size;
            notEmpty.signal();
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public void finishSink()
    {
        lock.lock();
        try {
            finished = true;
            notEmpty.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    /** Ends the stream with a failure; the consumer's next {@link #nextPage()} throws it. */
    public void fail(Throwable cause)
    {
        requireNonNull(cause, "cause is null");
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            notEmpty.signalAll();
            notFull.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    /** The consumer will read no more: drop buffered pages and let waiting drivers finish. */
    public void abandon()
    {
        lock.lock();
        try {
            abandoned = true;
            pages.clear();
            bufferedBytes = 0;
            notFull.signalAll();
            notEmpty.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * The next page, waiting for the drivers to produce it; {@code null} at the end of the result.
     * Rethrows the query's failure, if it failed.
     */
    public Page nextPage()
    {
        lock.lock();
        try {
            while (true) {
                if (failure != null) {
                    throw failure instanceof RuntimeException runtime ? runtime : new RuntimeException(failure);
                }
                Page page = pages.pollFirst();
                if (page != null) {
                    bufferedBytes -= page.getSizeInBytes();
                    notFull.signalAll();
                    return page;
                }
                if (finished || abandoned) {
                    return null;
                }
                if (!await(notEmpty)) {
                    queryContext.cancel("interrupted");
                    queryContext.checkCancelled();
                }
            }
        }
        finally {
            lock.unlock();
        }
    }

    /** Waits a little for {@code condition}; false when the thread was interrupted. */
    private static boolean await(Condition condition)
    {
        try {
            condition.await(WAKE_UP_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String describe()
    {
        return "Output";
    }
}
