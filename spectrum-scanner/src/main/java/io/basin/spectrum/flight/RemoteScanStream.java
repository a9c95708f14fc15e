package io.basin.spectrum.flight;

import io.basin.spectrum.PageStream;
import io.basin.spectrum.ScanCounters;
import io.basin.spectrum.ScanRequest;
import io.basin.spectrum.ScanService;
import io.basin.spectrum.ScanTask;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.type.Type;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.io.FileIO;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_SCAN_WORKER_FAILED;
import static java.util.Objects.requireNonNull;

/**
 * The pages of one scan on the remote fleet: its file ranges one after another, each on the
 * least busy worker at the time it starts.
 *
 * <p>Exactly-once output under retries: a range's rows come out of the readers in the same order
 * wherever it runs (the same file, range, columns and predicate give the same row groups, pages and
 * deletes; with a partial aggregation, the groups in the order of their first rows), and the
 * stream counts the rows of the current range it has handed out. When the
 * worker fails in transport, the range is asked again, of another worker (or of the local fleet),
 * with that count as the rows to skip, so nothing is returned twice and nothing is lost.
 *
 * <p>{@link #next()} is called by one consumer thread; {@link #close()} may come from any thread.
 */
public final class RemoteScanStream
        implements PageStream
{
    private static final System.Logger LOG = System.getLogger(RemoteScanStream.class.getName());

    private final RemoteScanFleet fleet;
    private final ScanRequest request;
    private final FileIO fileIO;
    private final ScanCounters counters;
    private final List<Type> types;
    private final Deque<ScanTask> pendingTasks;
    private ScanTask task;
    // rows of the current task already returned by next()
    private long taskRows;
    private int taskFailures;
    private volatile Attempt attempt;
    private volatile boolean closed;

    RemoteScanStream(RemoteScanFleet fleet, ScanRequest request, FileIO fileIO, ScanCounters counters)
    {
        this.fleet = requireNonNull(fleet, "fleet is null");
        this.request = requireNonNull(request, "request is null");
        this.fileIO = requireNonNull(fileIO, "fileIO is null");
        this.counters = requireNonNull(counters, "counters is null");
        this.types = request.outputTypes();
        this.pendingTasks = new ArrayDeque<>(request.tasks());
    }

    @Override
    public Page next()
    {
        while (!closed) {
            if (task == null) {
                task = pendingTasks.poll();
                if (task == null) {
                    return null;
                }
                taskRows = 0;
                taskFailures = 0;
            }
            Attempt current = attempt;
            if (current == null) {
                current = start(task, taskRows);
                if (!install(current)) {
                    return null;
                }
            }
            Page page;
            try {
                page = current.next();
            }
            catch (FlightRuntimeException e) {
                if (closed) {
                    // closed from another thread while waiting: the rows are not wanted any more
                    return null;
                }
                Optional<TrinoException> scanFailure = WorkerErrors.scanFailure(e);
                if (scanFailure.isPresent()) {
                    close();
                    throw scanFailure.get();
                }
                if (e.status().code() == FlightStatusCode.INVALID_ARGUMENT) {
                    // the worker cannot read the request (another version): no worker is
                    // expected to do better, and retrying would only hide the reason
                    close();
                    throw new TrinoException(LAKE_SCAN_WORKER_FAILED, "Cannot scan %s: scan worker %s refused the task: %s".formatted(task.path(), current.describe(), e.status().description()), e);
                }
                retryAfter(current, e);
                continue;
            }
            catch (RuntimeException e) {
                close();
                throw e;
            }
            if (page == null) {
                current.finished();
                attempt = null;
                task = null;
                continue;
            }
            taskRows += page.getPositionCount();
            current.returned(page.getPositionCount());
            return page;
        }
        return null;
    }

    private void retryAfter(Attempt failed, FlightRuntimeException failure)
    {
        failed.abandon();
        attempt = null;
        taskFailures++;
        if (failed instanceof RemoteAttempt remote) {
            fleet.failed(remote.worker);
        }
        // every worker once, plus one more try: a task that breaks that often is not unlucky
        if (taskFailures > fleet.workerCount()) {
            close();
            throw new TrinoException(LAKE_SCAN_WORKER_FAILED, "Cannot scan %s: the scan workers failed %d times (last: %s)".formatted(task.path(), taskFailures, failure.getMessage()), failure);
        }
        fleet.retried();
        LOG.log(System.Logger.Level.WARNING, "Scan worker %s failed while reading %s (%s); retrying the range after its %d rows already returned".formatted(
                failed.describe(), task.path(), failure.getMessage(), taskRows));
    }

    private Attempt start(ScanTask task, long skipRows)
    {
        ScanRequest taskRequest = request.withTasks(List.of(task));
        if (fleet.takeLocally()) {
            fleet.ranLocally();
            return new LocalAttempt(fleet.local().orElseThrow().scan(taskRequest, fileIO, 1, counters), skipRows, fleet::localScanEnded);
        }
        Optional<RemoteWorker> worker = fleet.acquire();
        if (worker.isPresent()) {
            return new RemoteAttempt(worker.get(), new RemoteScan(taskRequest, fleet.storage(), skipRows));
        }
        ScanService local = fleet.local().orElseThrow(fleet::unavailable);
        fleet.ranLocally();
        return new LocalAttempt(local.scan(taskRequest, fileIO, 1, counters), skipRows, () -> {});
    }

    /** Makes {@code started} the current attempt, or abandons it when the stream was closed meanwhile. */
    private boolean install(Attempt started)
    {
        synchronized (this) {
            if (!closed) {
                attempt = started;
                return true;
            }
        }
        started.abandon();
        return false;
    }

    @Override
    public void close()
    {
        Attempt current;
        synchronized (this) {
            closed = true;
            current = attempt;
            attempt = null;
        }
        if (current != null) {
            current.abandon();
        }
    }

    /** One try at a task's rows. */
    private sealed interface Attempt
            permits RemoteAttempt, LocalAttempt
    {
        /** The next page, or null when the task is done. */
        Page next();

        void returned(int rows);

        void finished();

        /** Stops the attempt (failed, or its rows are not wanted any more). */
        void abandon();

        String describe();
    }

    private final class RemoteAttempt
            implements Attempt
    {
        private final RemoteWorker worker;
        private final FlightStream stream;
        private boolean ended;

        RemoteAttempt(RemoteWorker worker, RemoteScan scan)
        {
            this.worker = worker;
            FlightStream opened;
            try {
                opened = worker.client().getStream(new Ticket(RemoteScanCodec.encode(scan)));
            }
            catch (RuntimeException e) {
                worker.scanEnded();
                throw e;
            }
            this.stream = opened;
        }

        @Override
        public Page next()
        {
            while (stream.next()) {
                VectorSchemaRoot root = stream.getRoot();
                if (root.getRowCount() == 0) {
                    // the message after the last batch: what the worker read
                    ArrowBuf metadata = stream.getLatestMetadata();
                    if (metadata != null) {
                        counters.add(ScanCountersCodec.read(metadata));
                    }
                    continue;
                }
                return ArrowPages.read(root, types);
            }
            return null;
        }

        @Override
        public void returned(int rows)
        {
            worker.rowsReturned(rows);
        }

        @Override
        public void finished()
        {
            worker.taskFinished();
            end(false);
        }

        @Override
        public void abandon()
        {
            end(true);
        }

        private synchronized void end(boolean cancel)
        {
            if (ended) {
                return;
            }
            ended = true;
            worker.scanEnded();
            try {
                if (cancel) {
                    stream.cancel("The scan no longer needs these rows", null);
                }
                stream.close();
            }
            catch (Exception e) {
                // the stream failed or was cancelled: its buffers are released all the same
                LOG.log(System.Logger.Level.DEBUG, "Cannot close a scan stream of worker " + worker.address(), e);
            }
        }

        @Override
        public String describe()
        {
            return worker.address().toString();
        }
    }

    private static final class LocalAttempt
            implements Attempt
    {
        private final PageStream pages;
        private final Runnable onEnd;
        private long skipRows;
        private boolean ended;

        LocalAttempt(PageStream pages, long skipRows, Runnable onEnd)
        {
            this.pages = pages;
            this.skipRows = skipRows;
            this.onEnd = onEnd;
        }

        @Override
        public Page next()
        {
            for (Page page = pages.next(); page != null; page = pages.next()) {
                int positions = page.getPositionCount();
                if (skipRows >= positions) {
                    skipRows -= positions;
                    continue;
                }
                if (skipRows > 0) {
                    page = page.getRegion((int) skipRows, positions - (int) skipRows);
                    skipRows = 0;
                }
                return page;
            }
            return null;
        }

        @Override
        public void returned(int rows) {}

        @Override
        public void finished()
        {
            end();
        }

        @Override
        public void abandon()
        {
            end();
        }

        private synchronized void end()
        {
            if (!ended) {
                ended = true;
                pages.close();
                onEnd.run();
            }
        }

        @Override
        public String describe()
        {
            return "in process";
        }
    }
}
