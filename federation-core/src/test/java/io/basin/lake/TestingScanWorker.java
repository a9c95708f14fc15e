package io.basin.lake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote scan worker as users start it ({@code basin spectrum-worker --port 0}), in its own JVM
 * on the test class path. {@link #stallingAfter} starts one that stops sending after a number of
 * record batches, so a test can kill it at a known point in the middle of a scan.
 */
public final class TestingScanWorker
        implements AutoCloseable
{
    private static final Pattern LISTENING = Pattern.compile("spectrum worker listening on 127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> stalled = new CompletableFuture<>();
    private final int port;

    private TestingScanWorker(List<String> extraJvmOptions)
            throws Exception
    {
        this(extraJvmOptions, List.of());
    }

    private TestingScanWorker(List<String> extraJvmOptions, List<String> extraArguments)
            throws Exception
    {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                "--add-modules=jdk.incubator.vector", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
        command.addAll(extraJvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "io.basin.cli.BasinMain", "spectrum-worker", "--port", "0", "--threads", "2"));
        command.addAll(extraArguments);
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.add(line);
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        listening.complete(Integer.parseInt(matcher.group(1)));
                    }
                    if (line.startsWith("stalled after ")) {
                        stalled.complete(null);
                    }
                }
            }
            catch (IOException e) {
                // the process was killed
            }
            listening.completeExceptionally(new IllegalStateException("worker exited: " + output));
            stalled.completeExceptionally(new IllegalStateException("worker exited without stalling: " + output));
        });
        try {
            port = listening.get(120, TimeUnit.SECONDS);
        }
        catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    public static TestingScanWorker start()
            throws Exception
    {
        return new TestingScanWorker(List.of());
    }

    /** A worker serving over TLS only, with this PEM certificate and PKCS#8 key. */
    public static TestingScanWorker withTls(Path certificate, Path privateKey)
            throws Exception
    {
        return new TestingScanWorker(List.of(), List.of("--tls-certificate", certificate.toString(), "--tls-key", privateKey.toString()));
    }

    public static TestingScanWorker stallingAfter(long batches)
            throws Exception
    {
        return new TestingScanWorker(List.of("-Dbasin.spectrum-worker.stall-after-batches=" + batches));
    }

    public String address()
    {
        return "127.0.0.1:" + port;
    }

    /** Waits until the worker has sent its batches and stalls. */
    public void awaitStalled(long timeout, TimeUnit unit)
            throws Exception
    {
        stalled.get(timeout, unit);
    }

    /** SIGKILL: the worker dies at once, in the middle of whatever it sends. */
    public void kill()
            throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public List<String> output()
    {
        return List.copyOf(output);
    }

    @Override
    public void close()
            throws InterruptedException
    {
        kill();
    }
}
