package io.basin.spectrum.flight;

import io.basin.spectrum.PageStream;
import io.basin.spectrum.ScanCounters;
import io.basin.spectrum.ScanFleet;
import io.basin.spectrum.ScanRequest;
import io.basin.spectrum.ScanService;
import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.SslContext;
import io.trino.spi.TrinoException;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.iceberg.io.FileIO;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLException;

import static com.google.common.base.Preconditions.checkArgument;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_SCAN_WORKERS_UNAVAILABLE;
import static java.util.Objects.requireNonNull;

/**
 * A scan fleet of remote worker processes ({@code basin spectrum-worker}) reached over Arrow
 * Flight. Each file range of a scan goes to the worker running the fewest scans at that moment;
 * a worker that fails in transport (it died, the connection broke) is set aside for a while and
 * the range is retried on another worker, or in process when a local fleet is the fallback,
 * resuming after the rows already returned (see {@link RemoteScanStream}). A failure of the scan
 * itself (a corrupt file) is not retried: it would fail the same way anywhere.
 *
 * <p>Workers that do not answer when the fleet starts are skipped with a warning; when no worker
 * answers at all, scans fail with {@code LAKE_SCAN_WORKERS_UNAVAILABLE} unless the local fleet is
 * the fallback. Thread-safe.
 */
public final class RemoteScanFleet
        implements ScanService
{
    private static final System.Logger LOG = System.getLogger(RemoteScanFleet.class.getName());
    private static final long PING_TIMEOUT_MILLIS = 2_000;
    // how long a failed worker is given no tasks before it is tried again
    private static final long DOWN_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final BufferAllocator allocator = new RootAllocator();
    private final List<RemoteWorker> workers;
    private final Map<String, String> storage;
    private final Optional<ScanService> local;
    private final boolean localTakesTasks;
    // scans running on the local pool as a member of the fleet, and whose turn a tie is; guarded by this
    private int localScans;
    // for scans the workers cannot run, when no local pool was given; guarded by this
    private ScanFleet ownLocal;
    private int localTurn;
    private final AtomicInteger nextWorker = new AtomicInteger();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong localTasks = new AtomicLong();

    /**
     * @param storage the Hadoop settings the workers read the lake's files with (S3A endpoint and
     *     credentials); sent with every task, never logged
     * @param localFallback where tasks run when no worker answers; empty to fail instead
     */
    public RemoteScanFleet(List<WorkerAddress> addresses, Map<String, String> storage, Optional<ScanService> localFallback)
    {
        this(addresses, storage, localFallback, false);
    }

    /**
     * @param local the in-process pool: where tasks run when no worker answers; empty to fail instead
     * @param localTakesTasks whether the local pool also takes tasks like one more worker (the
     *     least busy member gets the next task)
     */
    public RemoteScanFleet(List<WorkerAddress> addresses, Map<String, String> storage, Optional<ScanService> local, boolean localTakesTasks)
    {
        this(addresses, storage, local, localTakesTasks, Optional.empty());
    }

    /**
     * @param trustedCertificates a PEM file of the certificates that workers' certificates must
     *     lead to: the workers are reached over TLS (and must serve it); empty: plain text
     * @throws IllegalArgumentException when the file cannot be read as certificates
     */
    public RemoteScanFleet(List<WorkerAddress> addresses, Map<String, String> storage, Optional<ScanService> local, boolean localTakesTasks, Optional<Path> trustedCertificates)
    {
        requireNonNull(addresses, "addresses is null");
        requireNonNull(trustedCertificates, "trustedCertificates is null");
        this.storage = Map.copyOf(requireNonNull(storage, "storage is null"));
        this.local = requireNonNull(local, "local is null");
        this.localTakesTasks = localTakesTasks;
        checkArgument(!addresses.isEmpty() || localTakesTasks, "no worker addresses");
        checkArgument(local.isPresent() || !localTakesTasks, "the local pool takes tasks but there is none");
        Optional<SslContext> tls = trustedCertificates.map(RemoteScanFleet::clientTls);
        List<RemoteWorker> created = new ArrayList<>();
        for (WorkerAddress address : addresses) {
            created.add(new RemoteWorker(address, allocator, tls));
        }
        this.workers = List.copyOf(created);
        for (RemoteWorker worker : workers) {
            FlightRuntimeException failure = worker.ping(PING_TIMEOUT_MILLIS);
            if (failure != null) {
                worker.markDown(System.nanoTime(), DOWN_NANOS);
                LOG.log(System.Logger.Level.WARNING, "Scan worker %s does not answer (%s): it gets no tasks until it does".formatted(worker.address(), failure.getMessage()));
            }
        }
    }

    private static SslContext clientTls(Path trustedCertificates)
    {
        try {
            return GrpcSslContexts.forClient().trustManager(trustedCertificates.toFile()).build();
        }
        catch (SSLException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot trust the certificates in %s: %s".formatted(trustedCertificates, e.getMessage()), e);
        }
    }

    @Override
    public PageStream scan(ScanRequest request, FileIO fileIO, int lanes, ScanCounters counters)
    {
        requireNonNull(request, "request is null");
        requireNonNull(fileIO, "fileIO is null");
        requireNonNull(counters, "counters is null");
        checkArgument(lanes > 0, "lanes must be positive");
        if (!RemoteScanCodec.canEncode(request)) {
            // a set of unordered values cannot travel to the workers: such scans run in process
            return inProcess().scan(request, fileIO, lanes, counters);
        }
        return new RemoteScanStream(this, request, fileIO, counters);
    }

    private synchronized ScanService inProcess()
    {
        if (local.isPresent()) {
            return local.get();
        }
        if (ownLocal == null) {
            ownLocal = new ScanFleet(Runtime.getRuntime().availableProcessors());
        }
        return ownLocal;
    }

    /** The workers and what they did so far. */
    public List<WorkerStatus> workers()
    {
        return workers.stream().map(RemoteWorker::status).toList();
    }

    /** File ranges retried after a worker failed while running them. */
    public long retries()
    {
        return retries.get();
    }

    /** File ranges run in process: by the local pool as a member of the fleet, or because no worker was available. */
    public long localTasks()
    {
        return localTasks.get();
    }

    BufferAllocator allocator()
    {
        return allocator;
    }

    Map<String, String> storage()
    {
        return storage;
    }

    Optional<ScanService> local()
    {
        return local;
    }

    /**
     * Whether the next task runs on the local pool as a member of the fleet: when it runs fewer
     * scans than every up worker, or as many and it is its turn; counts the scan if so.
     */
    synchronized boolean takeLocally()
    {
        if (!localTakesTasks) {
            return false;
        }
        long now = System.nanoTime();
        int least = Integer.MAX_VALUE;
        int up = 0;
        for (RemoteWorker worker : workers) {
            if (worker.isUp(now)) {
                least = Math.min(least, worker.activeScans());
                up++;
            }
        }
        boolean take = localScans < least || (localScans == least && Math.floorMod(localTurn++, up + 1) == 0);
        if (take) {
            localScans++;
        }
        return take;
    }

    synchronized void localScanEnded()
    {
        localScans--;
    }

    void retried()
    {
        retries.incrementAndGet();
    }

    void ranLocally()
    {
        localTasks.incrementAndGet();
    }

    int workerCount()
    {
        return Math.max(1, workers.size());
    }

    /**
     * The up worker running the fewest scans (ties taken in turn), with one more scan counted on
     * it; empty when every worker is down, after asking the down ones once more.
     */
    Optional<RemoteWorker> acquire()
    {
        Optional<RemoteWorker> chosen = leastBusy(System.nanoTime());
        if (chosen.isEmpty()) {
            // all are set aside: one may be back (restarted), so ask before giving up
            for (RemoteWorker worker : workers) {
                if (worker.ping(PING_TIMEOUT_MILLIS) == null) {
                    worker.markUp();
                }
            }
            chosen = leastBusy(System.nanoTime());
        }
        return chosen;
    }

    private synchronized Optional<RemoteWorker> leastBusy(long now)
    {
        if (workers.isEmpty()) {
            return Optional.empty();
        }
        int start = Math.floorMod(nextWorker.getAndIncrement(), workers.size());
        RemoteWorker best = null;
        for (int i = 0; i < workers.size(); i++) {
            RemoteWorker worker = workers.get((start + i) % workers.size());
            if (worker.isUp(now) && (best == null || worker.activeScans() < best.activeScans())) {
                best = worker;
            }
        }
        if (best != null) {
            best.scanStarted();
        }
        return Optional.ofNullable(best);
    }

    void failed(RemoteWorker worker)
    {
        worker.failed();
        worker.markDown(System.nanoTime(), DOWN_NANOS);
    }

    TrinoException unavailable()
    {
        String reasons = String.join("; ", workers.stream()
                .flatMap(worker -> worker.lastPingFailure().map(failure -> worker.address() + ": " + failure).stream())
                .toList());
        return new TrinoException(LAKE_SCAN_WORKERS_UNAVAILABLE, "Cannot scan the lake: no scan worker answers (%s)%s".formatted(
                String.join(", ", workers.stream().map(worker -> worker.address().toString()).toList()),
                reasons.isEmpty() ? "" : " [" + reasons + "]"));
    }

    @Override
    public void close()
    {
        for (RemoteWorker worker : workers) {
            try {
                worker.close();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        local.ifPresent(ScanService::close);
        synchronized (this) {
            if (ownLocal != null) {
                ownLocal.close();
            }
        }
        try {
            allocator.close();
        }
        catch (IllegalStateException e) {
            // a scan still open at shutdown holds Arrow buffers: they go with the process, and
            // shutting the catalog down must not fail over it
            LOG.log(System.Logger.Level.WARNING, "Remote scans still hold Arrow memory at shutdown: " + e.getMessage());
        }
    }
}
