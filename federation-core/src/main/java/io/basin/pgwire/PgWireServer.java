package io.basin.pgwire;

import io.basin.engine.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.Objects.requireNonNull;

/**
 * The PostgreSQL wire-protocol server: accepts connections and serves each on its own virtual
 * thread (a connection mostly waits on its socket or on its query's drivers). Connections are
 * registered by backend process id so a CancelRequest, which arrives on a new connection, can
 * find the session to cancel.
 */
public final class PgWireServer
        implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(PgWireServer.class);

    private final Engine engine;
    private final PgWireConfig config;
    private final ServerSocket serverSocket;
    /**
     * Planning recurses over the statement's tree, so a connection's thread needs a deep stack: a
     * virtual thread's is capped at the JVM's thread stack size (1 MB), which a 2,000-term sum
     * overflows; PostgreSQL answers that. The reservation is virtual memory, committed as used.
     */
    private static final long CONNECTION_STACK_BYTES = 32L << 20;

    private final ExecutorService connectionThreads = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("pgwire-", 0).daemon(true).stackSize(CONNECTION_STACK_BYTES).factory());
    private final Map<Integer, PgConnection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final Map<String, AtomicInteger> userConnections = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Thread acceptor;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("pgwire-timer").daemon(true).factory());
    private volatile boolean stopping;

    private PgWireServer(Engine engine, PgWireConfig config, ServerSocket serverSocket)
    {
        this.engine = requireNonNull(engine, "engine is null");
        this.config = requireNonNull(config, "config is null");
        this.serverSocket = requireNonNull(serverSocket, "serverSocket is null");
        this.acceptor = Thread.ofPlatform().name("pgwire-accept").daemon(true).unstarted(this::acceptLoop);
    }

    /** Binds the port and starts accepting connections. */
    public static PgWireServer start(Engine engine, PgWireConfig config)
    {
        ServerSocket socket;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), 256);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot listen on %s:%d: %s".formatted(config.bindAddress(), config.port(), e.getMessage()), e);
        }
        PgWireServer server = new PgWireServer(engine, config, socket);
        server.acceptor.start();
        LOG.info("listening on {}:{} (tls {}, local auth {}, remote auth {})", config.bindAddress(), server.port(),
                config.sslMode().name().toLowerCase(java.util.Locale.ROOT), config.localAuthentication().configName(), config.remoteAuthentication().configName());
        return server;
    }

    public int port()
    {
        return serverSocket.getLocalPort();
    }

    Engine engine()
    {
        return engine;
    }

    PgWireConfig config()
    {
        return config;
    }

    boolean isStopping()
    {
        return stopping;
    }

    /** Live connections that have started a session; for tests and system tables. */
    public int sessionCount()
    {
        return connections.size();
    }

    private void acceptLoop()
    {
        while (!stopping) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            }
            catch (SocketException e) {
                if (!stopping) {
                    LOG.error("accept failed: {}", e.getMessage());
                }
                return;
            }
            catch (IOException e) {
                LOG.error("accept failed: {}", e.getMessage());
                continue;
            }
            try {
                socket.setTcpNoDelay(true);
                socket.setKeepAlive(true);
                boolean overLimit = connectionCount.incrementAndGet() > config.maxConnections();
                connectionThreads.execute(() -> {
                    try {
                        new PgConnection(this, socket, overLimit).run();
                    }
                    catch (IOException e) {
                        LOG.debug("connection from {} failed at start: {}", socket.getRemoteSocketAddress(), e.toString());
                        closeQuietly(socket);
                    }
                    finally {
                        connectionCount.decrementAndGet();
                    }
                });
            }
            catch (IOException | RuntimeException e) {
                LOG.error("cannot serve connection from {}: {}", socket.getRemoteSocketAddress(), e.toString());
                closeQuietly(socket);
            }
        }
    }

    /** A fresh (pid, secret) pair for BackendKeyData; the pid is the session's. */
    int newSecretKey()
    {
        return random.nextInt();
    }

    /** Counts a new connection of {@code user}; false when that would exceed the user's CONNECTION LIMIT. */
    boolean acquireUserConnection(String user, java.util.OptionalInt limit)
    {
        int count = userConnections.computeIfAbsent(user, _ -> new AtomicInteger()).incrementAndGet();
        if (limit.isPresent() && count > limit.getAsInt()) {
            userConnections.get(user).decrementAndGet();
            return false;
        }
        return true;
    }

    void releaseUserConnection(String user)
    {
        AtomicInteger count = userConnections.get(user);
        if (count != null) {
            count.decrementAndGet();
        }
    }

    void register(PgConnection connection)
    {
        connections.put(connection.backendPid(), connection);
    }

    void unregister(PgConnection connection)
    {
        connections.remove(connection.backendPid(), connection);
    }

    /** Handles a CancelRequest: cancels the statement of the session with that pid, if the key matches. */
    void cancel(int pid, int secretKey)
    {
        PgConnection connection = connections.get(pid);
        if (connection != null && connection.secretKey() == secretKey) {
            LOG.info("cancel request for pid {}", pid);
            connection.cancelStatement();
        }
    }

    /**
     * Stops accepting, lets running statements finish for the grace period, then closes every
     * connection (idle ones are told FATAL 57P01, as PostgreSQL does on a smart shutdown).
     */
    @Override
    public void close()
    {
        if (stopping) {
            return;
        }
        stopping = true;
        closeQuietly(serverSocket);
        long deadline = System.nanoTime() + config.shutdownGracePeriod().toNanos();
        for (PgConnection connection : connections.values()) {
            connection.shutdown(deadline);
        }
        connectionThreads.shutdown();
        try {
            if (!connectionThreads.awaitTermination(Math.max(0, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(2), TimeUnit.NANOSECONDS)) {
                for (PgConnection connection : connections.values()) {
                    connection.cancelStatement();
                    connection.closeSocket();
                }
                connectionThreads.shutdownNow();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connectionThreads.shutdownNow();
        }
        timers.shutdownNow();
        LOG.info("server stopped");
    }

    /** Runs {@code task} after {@code delay} on the server's timer thread, unless cancelled first. */
    ScheduledFuture<?> schedule(Duration delay, Runnable task)
    {
        return timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    static void closeQuietly(AutoCloseable closeable)
    {
        try {
            closeable.close();
        }
        catch (Exception e) {
            LOG.debug("close failed", e);
        }
    }
}
