package io.basin.spectrum.flight;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.handler.ssl.SslContext;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightGrpcUtils;
import org.apache.arrow.memory.BufferAllocator;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/** The caller's side of one remote worker: its Flight client, and whether it is believed up. */
final class RemoteWorker
        implements AutoCloseable
{
    static final long KEEPALIVE_SECONDS = 20;
    static final long KEEPALIVE_TIMEOUT_SECONDS = 10;

    private final WorkerAddress address;
    private final FlightClient client;
    private final AtomicInteger activeScans = new AtomicInteger();
    private final AtomicLong tasksFinished = new AtomicLong();
    private final AtomicLong rowsReturned = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    // System.nanoTime() before which the worker is not given tasks; 0 while it is up
    private volatile long downUntil;
    // why the last ping failed, for the error when no worker answers
    private volatile String lastPingFailure;

    /** @param tls how the worker's certificate is checked; empty: plain text */
    RemoteWorker(WorkerAddress address, BufferAllocator allocator, Optional<SslContext> tls)
    {
        this.address = requireNonNull(address, "address is null");
        // keepalive pings find a worker whose host went away without closing the connection
        // (a crash, a network partition); a killed process closes it and is noticed at once
        NettyChannelBuilder builder = NettyChannelBuilder.forAddress(address.host(), address.port());
        if (tls.isPresent()) {
            builder.useTransportSecurity().sslContext(tls.get());
        }
        else {
            builder.usePlaintext();
        }
        ManagedChannel channel = builder
                .maxInboundMessageSize(Integer.MAX_VALUE)
                .keepAliveTime(KEEPALIVE_SECONDS, TimeUnit.SECONDS)
                .keepAliveTimeout(KEEPALIVE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .build();
        this.client = FlightGrpcUtils.createFlightClient(allocator, channel);
    }

    WorkerAddress address()
    {
        return address;
    }

    FlightClient client()
    {
        return client;
    }

    boolean isUp(long now)
    {
        long until = downUntil;
        return until == 0 || now - until >= 0;
    }

    void markDown(long now, long forNanos)
    {
        downUntil = now + forNanos == 0 ? 1 : now + forNanos;
    }

    void markUp()
    {
        downUntil = 0;
    }

    int activeScans()
    {
        return activeScans.get();
    }

    void scanStarted()
    {
        activeScans.incrementAndGet();
    }

    void scanEnded()
    {
        activeScans.decrementAndGet();
    }

    void taskFinished()
    {
        tasksFinished.incrementAndGet();
    }

    void rowsReturned(long rows)
    {
        rowsReturned.addAndGet(rows);
    }

    void failed()
    {
        failures.incrementAndGet();
    }

    /** Whether the worker answers a ping within {@code timeoutMillis}; the failure, if not. */
    FlightRuntimeException ping(long timeoutMillis)
    {
        try {
            Iterator<org.apache.arrow.flight.Result> results = client.doAction(new Action(ScanWorkerServer.PING), CallOptions.timeout(timeoutMillis, TimeUnit.MILLISECONDS));
            while (results.hasNext()) {
                results.next();
            }
            return null;
        }
        catch (FlightRuntimeException e) {
            lastPingFailure = describe(e);
            return e;
        }
    }

    /** The failure and its causes' messages: a TLS failure says what was wrong only in a cause. */
    private static String describe(Throwable failure)
    {
        StringBuilder description = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !description.toString().contains(cause.getMessage())) {
                description.append(": ").append(cause.getMessage());
            }
        }
        return description.toString();
    }

    /** Why the last ping failed, if one did. */
    Optional<String> lastPingFailure()
    {
        return Optional.ofNullable(lastPingFailure);
    }

    WorkerStatus status()
    {
        return new WorkerStatus(address, isUp(System.nanoTime()), activeScans.get(), tasksFinished.get(), rowsReturned.get(), failures.get());
    }

    @Override
    public void close()
            throws InterruptedException
    {
        client.close();
    }
}
