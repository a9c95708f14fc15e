package io.basin.spectrum.flight;

import io.basin.spectrum.PageStream;
import io.basin.spectrum.ScanCounters;
import io.basin.spectrum.ScanFleet;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.type.Type;
import io.grpc.netty.NettyServerBuilder;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.ActionType;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * A remote scan worker ({@code basin spectrum-worker}): an Arrow Flight server whose
 * {@code DoGet} ticket is a {@link RemoteScanCodec}-encoded scan. The worker decodes the task's
 * file range with the in-process {@link ScanFleet}, drops the rows a retried request says were
 * already delivered, and streams the pages back as Arrow record batches, followed by a
 * metadata-only message with what it read ({@link ScanCountersCodec}). The {@code ping} action
 * answers {@code ok}.
 *
 * <p>The worker holds no query state: any worker can run any task, which is what lets the
 * caller retry a dead worker's tasks elsewhere. With a {@link TlsIdentity} it serves over TLS
 * only (the tasks carry the lake's storage credentials).
 */
public final class ScanWorkerServer
        implements AutoCloseable
{
    public static final String PING = "ping";

    private static final System.Logger LOG = System.getLogger(ScanWorkerServer.class.getName());
    private static final long READY_WAIT_MILLIS = 1_000;

    private final BufferAllocator allocator;
    private final ScanFleet fleet;
    private final FlightServer server;
    private final ExecutorService callThreads;
    private final ExecutorService streamThreads;
    private final Map<Map<String, String>, WorkerFileIO> fileIOs = new ConcurrentHashMap<>();
    private final OptionalLong stallAfterBatches;
    private final PrintStream stallNotice;
    private final AtomicLong batchesSent = new AtomicLong();

    private ScanWorkerServer(String bindAddress, int port, int threads, Optional<TlsIdentity> tls, OptionalLong stallAfterBatches, PrintStream stallNotice)
    {
        this.stallAfterBatches = requireNonNull(stallAfterBatches, "stallAfterBatches is null");
        this.stallNotice = requireNonNull(stallNotice, "stallNotice is null");
        this.allocator = new RootAllocator();
        this.fleet = new ScanFleet(threads);
        this.callThreads = Executors.newCachedThreadPool(Thread.ofPlatform().name("spectrum-worker-call-", 0).daemon(true).factory());
        this.streamThreads = Executors.newCachedThreadPool(Thread.ofPlatform().name("spectrum-worker-stream-", 0).daemon(true).factory());
        FlightServer.Builder builder = FlightServer.builder(allocator, tls.isPresent() ? Location.forGrpcTls(bindAddress, port) : Location.forGrpcInsecure(bindAddress, port), new Producer())
                .executor(callThreads)
                // callers ping every RemoteWorker.KEEPALIVE_SECONDS; gRPC refuses pings more often than every 5 minutes by default
                .transportHint("grpc.builderConsumer", (Consumer<NettyServerBuilder>) nettyBuilder -> nettyBuilder
                        .permitKeepAliveTime(RemoteWorker.KEEPALIVE_SECONDS / 2, TimeUnit.SECONDS)
                        .permitKeepAliveWithoutCalls(true));
        try {
            this.server = build(builder, tls);
        }
        catch (IllegalArgumentException e) {
            close();
            throw e;
        }
        try {
            server.start();
        }
        catch (IOException e) {
            close();
            throw new UncheckedIOException("Cannot listen on %s:%d: %s".formatted(bindAddress, port, e.getMessage()), e);
        }
    }

    private static FlightServer build(FlightServer.Builder builder, Optional<TlsIdentity> tls)
    {
        if (tls.isEmpty()) {
            return builder.build();
        }
        try {
            // the certificate and key are read and checked here, before the port is taken
            return builder.useTls(tls.get().certificateChain().toFile(), tls.get().privateKey().toFile()).build();
        }
        catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot serve over TLS with %s and %s: %s".formatted(tls.get().certificateChain(), tls.get().privateKey(), e.getMessage()), e);
        }
    }

    /**
     * Starts a worker listening on {@code bindAddress:port} (port 0 picks a free one) that decodes
     * with {@code threads} threads.
     */
    public static ScanWorkerServer start(String bindAddress, int port, int threads)
    {
        return start(bindAddress, port, threads, Optional.empty());
    }

    /** A worker that serves over TLS with {@code tls}'s certificate and key when given. */
    public static ScanWorkerServer start(String bindAddress, int port, int threads, Optional<TlsIdentity> tls)
    {
        return new ScanWorkerServer(bindAddress, port, threads, tls, OptionalLong.empty(), System.out);
    }

    /**
     * A worker for failure tests: after sending {@code batches} record batches in all, it prints
     * {@code "stalled after N batches"} to {@code notice} and sends nothing more, so a test can
     * kill it at a known point in the middle of a scan.
     */
    public static ScanWorkerServer startStallingAfter(String bindAddress, int port, int threads, long batches, PrintStream notice)
    {
        return new ScanWorkerServer(bindAddress, port, threads, Optional.empty(), OptionalLong.of(batches), notice);
    }

    public int port()
    {
        return server.getPort();
    }

    /** Blocks until the server stops. */
    public void awaitTermination()
            throws InterruptedException
    {
        server.awaitTermination();
    }

    @Override
    public void close()
    {
        try {
            if (server != null) {
                server.shutdown();
                if (!server.awaitTermination(1, TimeUnit.SECONDS)) {
                    server.close();
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            fleet.close();
            callThreads.shutdownNow();
            streamThreads.shutdownNow();
            try {
                // the streams close their batches' buffers as they end
                streamThreads.awaitTermination(5, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            fileIOs.values().forEach(WorkerFileIO::close);
            fileIOs.clear();
            try {
                allocator.close();
            }
            catch (IllegalStateException e) {
                // a stream that did not end in time still holds buffers: they go with the process
                LOG.log(System.Logger.Level.WARNING, "Scan streams still hold Arrow memory at shutdown: " + e.getMessage());
            }
        }
    }

    private void afterBatchSent()
    {
        long sent = batchesSent.incrementAndGet();
        if (stallAfterBatches.isPresent() && sent >= stallAfterBatches.getAsLong()) {
            if (sent == stallAfterBatches.getAsLong()) {
                stallNotice.println("stalled after " + sent + " batches");
                stallNotice.flush();
            }
            try {
                Thread.sleep(Long.MAX_VALUE);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class Producer
            extends NoOpFlightProducer
    {
        @Override
        public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener)
        {
            RemoteScan scan;
            try {
                scan = RemoteScanCodec.decode(ticket.getBytes());
            }
            catch (IllegalArgumentException | TrinoException e) {
                listener.error(CallStatus.INVALID_ARGUMENT.withDescription(e.getMessage()).toRuntimeException());
                return;
            }
            // gRPC delivers a call's callbacks (among them "ready for more") one at a time on
            // the thread running this method: the batches are sent from another thread, or the
            // wait for the reader to catch up would never hear that it has
            streamThreads.execute(() -> {
                try {
                    stream(scan, listener);
                }
                catch (TrinoException e) {
                    listener.error(WorkerErrors.toFlight(e));
                }
                catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "Scan failed on this worker: " + scan, e);
                    listener.error(CallStatus.INTERNAL.withDescription("Scan worker failed: " + e).withCause(e).toRuntimeException());
                }
            });
        }

        private void stream(RemoteScan scan, ServerStreamListener listener)
        {
            List<Type> types = scan.request().outputTypes();
            ScanCounters counters = new ScanCounters();
            WorkerFileIO fileIO = fileIOs.computeIfAbsent(scan.storage(), WorkerFileIO::new);
            BackpressureStrategy backpressure = new BackpressureStrategy.CallbackBackpressureStrategy();
            backpressure.register(listener);
            try (VectorSchemaRoot root = VectorSchemaRoot.create(ArrowPages.schema(types), allocator);
                    PageStream pages = fleet.scan(scan.request(), fileIO, 1, counters)) {
                listener.start(root);
                long skip = scan.skipRows();
                for (Page page = pages.next(); page != null; page = pages.next()) {
                    int positions = page.getPositionCount();
                    if (skip >= positions) {
                        skip -= positions;
                        continue;
                    }
                    if (skip > 0) {
                        page = page.getRegion((int) skip, positions - (int) skip);
                        skip = 0;
                    }
                    if (page.getPositionCount() == 0) {
                        continue;
                    }
                    if (!awaitReady(listener, backpressure)) {
                        // the caller went away (a LIMIT was satisfied, or it failed): stop reading
                        return;
                    }
                    ArrowPages.write(page, types, root);
                    listener.putNext();
                    afterBatchSent();
                }
                ArrowBuf read = allocator.buffer(ScanCountersCodec.BYTES);
                ScanCountersCodec.write(counters.snapshot(), read);
                listener.putMetadata(read);
                listener.completed();
            }
        }

        private static boolean awaitReady(ServerStreamListener listener, BackpressureStrategy backpressure)
        {
            // the engine may leave a scan unread for long (while it builds the other side of a
            // join), so a slow reader is waited for as long as its call lives
            while (true) {
                BackpressureStrategy.WaitResult result = backpressure.waitForListener(READY_WAIT_MILLIS);
                switch (result) {
                    case READY -> {
                        return true;
                    }
                    case CANCELLED -> {
                        return false;
                    }
                    case TIMEOUT -> {
                        if (listener.isCancelled()) {
                            return false;
                        }
                    }
                    default -> {
                        return !listener.isCancelled();
                    }
                }
            }
        }

        @Override
        public void doAction(CallContext context, Action action, StreamListener<Result> listener)
        {
            if (!action.getType().equals(PING)) {
                listener.onError(CallStatus.UNIMPLEMENTED.withDescription("Unknown action " + action.getType()).toRuntimeException());
                return;
            }
            listener.onNext(new Result("ok".getBytes(StandardCharsets.UTF_8)));
            listener.onCompleted();
        }

        @Override
        public void listActions(CallContext context, StreamListener<ActionType> listener)
        {
            listener.onNext(new ActionType(PING, "answers ok while the worker is up"));
            listener.onCompleted();
        }
    }
}
