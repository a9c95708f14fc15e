package io.basin.pgwire;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * The {@code psql} command-line client as a subprocess, connecting over TCP to one server.
 *
 * <p>There is no skipping when psql is missing: {@link #executable()} fails with instructions,
 * since these tests are the evidence that Basin works with the real client ({@code .ci/run}
 * installs Debian's {@code postgresql-client} when it can).
 *
 * <p>Runs are isolated from the caller's environment: no {@code ~/.psqlrc} ({@code -X}), no
 * inherited {@code PG*} variables, UTF-8 client encoding and untranslated messages.
 */
final class TestingPsql
{
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Where psql connects to. */
    record Target(int port, String user, String database, Map<String, String> environment)
    {
        Target
        {
            requireNonNull(user, "user is null");
            requireNonNull(database, "database is null");
            environment = Map.copyOf(environment);
        }
    }

    /** A finished psql run. */
    record Result(int exitCode, String stdout, String stderr)
    {
        @Override
        public String toString()
        {
            return "psql exit code %d%n--- stdout ---%n%s%n--- stderr ---%n%s".formatted(exitCode, stdout, stderr);
        }
    }

    private final Path executable;
    private final Target target;

    TestingPsql(Target target)
    {
        this.executable = executable();
        this.target = requireNonNull(target, "target is null");
    }

    /** psql on the {@code PATH}, or in Debian's PostgreSQL directories; fails when there is none. */
    static Path executable()
    {
        List<Path> candidates = new ArrayList<>();
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                candidates.add(Path.of(directory, "psql"));
            }
        }
        candidates.add(Path.of("/usr/bin/psql"));
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.sorted().forEach(version -> candidates.add(version.resolve("bin/psql")));
        }
        catch (IOException e) {
            // no Debian PostgreSQL directory: only PATH counts
        }
        return candidates.stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("psql not found on PATH or in /usr/lib/postgresql/*/bin: these tests need the PostgreSQL " +
                        "command-line client (Debian/Ubuntu: apt-get install postgresql-client; .ci/run installs it when it runs as root)"));
    }

    /** Runs psql with {@code arguments} after the connection options. */
    Result run(String... arguments)
    {
        return run(Optional.empty(), arguments);
    }

    /** Runs psql with {@code stdin} as its standard input. */
    Result run(Optional<String> stdin, String... arguments)
    {
        Process process = start(arguments);
        CompletableFuture<byte[]> stdout = drain(process.getInputStream());
        CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            if (stdin.isPresent()) {
                in.write(stdin.get().getBytes(UTF_8));
            }
        }
        catch (IOException e) {
            // psql may exit before reading its input (e.g. a failed connection); its output says why
        }
        return await(process, stdout, stderr);
    }

    /** Starts psql without waiting; for tests that interrupt it. */
    Process start(String... arguments)
    {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-X",
                "-h", "127.0.0.1", "-p", String.valueOf(target.port()), "-U", target.user(), "-d", target.database()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("LC_") || name.equals("LANG") || name.equals("PSQLRC"));
        environment.put("LC_ALL", "C.UTF-8");
        environment.put("PGCLIENTENCODING", "UTF8");
        environment.put("PGCONNECT_TIMEOUT", "10");
        environment.put("PAGER", "cat");
        environment.putAll(target.environment());
        try {
            return builder.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Waits for a process started with {@link #start}, killing it after the timeout. */
    static Result await(Process process, CompletableFuture<byte[]> stdout, CompletableFuture<byte[]> stderr)
    {
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("psql did not finish within " + TIMEOUT + "; output so far: " + new String(stdout.getNow(new byte[0]), UTF_8));
            }
            return new Result(process.exitValue(), new String(stdout.get(), UTF_8), new String(stderr.get(), UTF_8));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while waiting for psql", e);
        }
        catch (ExecutionException e) {
            throw new UncheckedIOException("cannot read psql's output", new IOException(e.getCause()));
        }
    }

    /** Reads a stream to its end on a thread of its own, so neither of a process's pipes can fill up and block it. */
    static CompletableFuture<byte[]> drain(InputStream stream)
    {
        CompletableFuture<byte[]> bytes = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (stream) {
                bytes.complete(stream.readAllBytes());
            }
            catch (IOException e) {
                bytes.completeExceptionally(e);
            }
        });
        return bytes;
    }
}
