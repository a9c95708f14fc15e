package io.basin.cli;

import io.basin.embedded.Basin;
import io.basin.spectrum.flight.ScanWorkerServer;
import io.basin.spectrum.flight.TlsIdentity;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * {@code basin spectrum-worker}: a remote scan worker of the lake's scan fleet, serving Arrow
 * Flight until SIGTERM (or Ctrl-C). Servers list it in their config ({@code spectrum.remote-workers}).
 * It keeps no data and no catalog: each task names its files and how to reach them.
 */
final class SpectrumWorkerCommand
{
    static final String USAGE = """
            Usage: basin spectrum-worker [options]

            Runs a lake scan worker: servers with spectrum.remote-workers = host:port in their
            config send it file ranges to decode and get the rows back over Arrow Flight.

            Options:
              --port N           port to listen on (required; 0 picks a free one)
              --bind ADDRESS     address to listen on (default 127.0.0.1)
              --threads N        decoding threads (default: one per core)
              --tls-certificate FILE, --tls-key FILE
                                 serve over TLS only, with this PEM certificate chain and
                                 PKCS#8 key (servers trust it with spectrum.tls-trusted-certificates)
            """;

    // for failure tests only: send this many record batches, then stall (see ScanWorkerServer)
    private static final String STALL_PROPERTY = "basin.spectrum-worker.stall-after-batches";

    private SpectrumWorkerCommand() {}

    static int run(List<String> arguments, CliEnvironment environment)
    {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--") || i + 1 >= arguments.size()) {
                throw new UsageException("unexpected argument '%s' (options take a value: --port 7001)".formatted(argument));
            }
            String name = argument.substring(2);
            if (!Set.of("port", "bind", "threads", "tls-certificate", "tls-key").contains(name)) {
                throw new UsageException("unknown option '%s'".formatted(argument));
            }
            options.put(name, arguments.get(++i));
        }
        if (!options.containsKey("port")) {
            throw new UsageException("spectrum-worker needs --port N");
        }
        int port = number(options, "port", 0, 65535);
        int threads = options.containsKey("threads") ? number(options, "threads", 1, 4096) : Runtime.getRuntime().availableProcessors();
        String bind = options.getOrDefault("bind", "127.0.0.1");
        if (options.containsKey("tls-certificate") != options.containsKey("tls-key")) {
            throw new UsageException("spectrum-worker needs both --tls-certificate and --tls-key, or neither");
        }

        ScanWorkerServer worker;
        Optional<TlsIdentity> tls = Optional.empty();
        try {
            if (options.containsKey("tls-certificate")) {
                tls = Optional.of(new TlsIdentity(Path.of(options.get("tls-certificate")), Path.of(options.get("tls-key"))));
            }
            String stall = System.getProperty(STALL_PROPERTY);
            worker = stall == null
                    ? ScanWorkerServer.start(bind, port, threads, tls)
                    : ScanWorkerServer.startStallingAfter(bind, port, threads, Long.parseLong(stall), environment.out());
        }
        catch (UncheckedIOException | IllegalArgumentException e) {
            environment.err().println("basin: cannot start the spectrum worker: " + e.getMessage());
            return 1;
        }
        environment.out().printf("Basin %s spectrum worker listening on %s:%d (%d threads%s)%n", Basin.version(), bind, worker.port(), threads, tls.isPresent() ? ", TLS" : "");
        environment.out().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("basin-worker-shutdown").unstarted(() -> {
            try {
                worker.close();
                environment.err().println("basin: spectrum worker stopped");
            }
            catch (RuntimeException | Error e) {
                e.printStackTrace(environment.err());
            }
            finally {
                environment.err().flush();
                stopped.countDown();
            }
        }));
        try {
            stopped.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int number(Map<String, String> options, String name, int min, int max)
    {
        String value = options.get(name);
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        }
        catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--%s is '%s', expected a number from %d to %d".formatted(name, value, min, max));
    }
}
