package io.basin.spectrum;

import io.trino.spi.Page;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import static io.basin.spectrum.ReadFailures.translate;
import static java.util.Objects.requireNonNull;

/**
 * The pages of one {@link ScanRequest} as the fleet's workers decode them. Each lane is a chain
 * of tasks run one after another on whichever worker is free; a lane that fills the buffer parks
 * and {@link #next()} re-submits it once the consumer has drained part of the buffer.
 *
 * <p>{@link #next()} is called by one consumer thread; {@link #close()} may come from any thread
 * and stops the lanes (a lane in the middle of a page finishes that page first).
 */
public final class ScanStream
        implements PageStream
{
    private static final int PAGES_PER_LANE = 4;

    private final Deque<ScanTask> pendingTasks;
    private final Executor workers;
    private final Function<ScanTask, TaskReader> readerFactory;
    private final List<Lane> lanes = new ArrayList<>();
    private final Deque<Page> buffer = new ArrayDeque<>();
    private final int capacity;
    private int finishedLanes;
    private RuntimeException failure;
    private boolean closed;

    ScanStream(List<ScanTask> tasks, int laneCount, Executor workers, Function<ScanTask, TaskReader> readerFactory)
    {
        this.pendingTasks = new ArrayDeque<>(requireNonNull(tasks, "tasks is null"));
        this.workers = requireNonNull(workers, "workers is null");
        this.readerFactory = requireNonNull(readerFactory, "readerFactory is null");
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new Lane());
        }
        this.capacity = PAGES_PER_LANE * laneCount;
    }

    synchronized void start()
    {
        lanes.forEach(this::submit);
    }

    @Override
    public Page next()
    {
        synchronized (this) {
            while (true) {
                if (failure != null) {
                    throw failure;
                }
                if (!buffer.isEmpty()) {
                    Page page = buffer.poll();
                    if (buffer.size() <= capacity / 2) {
                        for (Lane lane : lanes) {
                            if (lane.parked) {
                                lane.parked = false;
                                submit(lane);
                            }
                        }
                    }
                    return page;
                }
                if (finishedLanes == lanes.size() || closed) {
                    return null;
                }
                try {
                    wait();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    close();
                    throw new RuntimeException("Interrupted while waiting for the scan fleet", e);
                }
            }
        }
    }

    @Override
    public void close()
    {
        List<TaskReader> toClose = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            buffer.clear();
            pendingTasks.clear();
            for (Lane lane : lanes) {
                // a running lane closes its own reader when it sees the stream closed
                if (!lane.running && lane.reader != null) {
                    toClose.add(lane.reader);
                    lane.reader = null;
                }
            }
            notifyAll();
        }
        toClose.forEach(ScanStream::closeQuietly);
    }

    private void submit(Lane lane)
    {
        lane.running = true;
        try {
            workers.execute(() -> run(lane));
        }
        catch (RejectedExecutionException e) {
            lane.running = false;
            fail(new IllegalStateException("The scan fleet is shut down", e));
        }
    }

    private void run(Lane lane)
    {
        try {
            while (true) {
                TaskReader reader;
                synchronized (this) {
                    if (closed || failure != null) {
                        lane.running = false;
                        reader = lane.reader;
                        lane.reader = null;
                        if (reader != null) {
                            closeQuietly(reader);
                        }
                        return;
                    }
                    if (buffer.size() >= capacity) {
                        lane.parked = true;
                        lane.running = false;
                        return;
                    }
                    if (lane.reader == null) {
                        ScanTask task = pendingTasks.poll();
                        if (task == null) {
                            lane.running = false;
                            finishedLanes++;
                            notifyAll();
                            return;
                        }
                        lane.task = task;
                    }
                    reader = lane.reader;
                }
                // decoding happens outside the lock
                if (reader == null) {
                    reader = readerFactory.apply(lane.task);
                    synchronized (this) {
                        lane.reader = reader;
                    }
                }
                Page page = reader.nextPage();
                synchronized (this) {
                    if (page == null) {
                        lane.reader = null;
                    }
                    else if (!closed) {
                        buffer.add(page);
                        notifyAll();
                    }
                }
                if (page == null) {
                    reader.close();
                }
            }
        }
        catch (IOException | RuntimeException e) {
            TaskReader reader;
            synchronized (this) {
                lane.running = false;
                reader = lane.reader;
                lane.reader = null;
            }
            RuntimeException failure = lane.task == null ? e instanceof RuntimeException runtime ? runtime : new RuntimeException(e) : translate(lane.task.path(), e);
            if (reader != null) {
                try {
                    reader.close();
                }
                catch (IOException | RuntimeException closeFailure) {
                    failure.addSuppressed(closeFailure);
                }
            }
            fail(failure);
        }
    }

    private synchronized void fail(RuntimeException e)
    {
        if (failure == null) {
            failure = e;
        }
        else if (failure != e) {
            failure.addSuppressed(e);
        }
        notifyAll();
    }

    private static void closeQuietly(TaskReader reader)
    {
        try {
            reader.close();
        }
        catch (IOException | RuntimeException e) {
            // the consumer closed the scan (it has its rows or gave up): a reader that cannot
            // close cleanly leaves nothing behind that matters to it, so this is only logged
            System.getLogger(ScanStream.class.getName()).log(System.Logger.Level.DEBUG, "Cannot close an abandoned scan task", e);
        }
    }

    /** A chain of tasks run by one worker at a time; guarded by the stream's lock. */
    private static final class Lane
    {
        ScanTask task;
        TaskReader reader;
        boolean running;
        boolean parked;
    }
}
