package io.basin.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An S3-compatible endpoint for tests: S3Proxy (its jar copied to {@code target/s3proxy} by the
 * build) run as a separate process on 127.0.0.1 over a local directory, one directory per bucket.
 * {@link #close()} stops the process and deletes the directory.
 */
public final class TestingS3Proxy
        implements AutoCloseable
{
    public static final String ACCESS_KEY = "basin-access";
    public static final String SECRET_KEY = "basin-secret-0123456789";

    private final Path directory;
    private final int port;
    private final Process process;

    public TestingS3Proxy(List<String> buckets)
    {
        requireNonNull(buckets, "buckets is null");
        Path jar = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("S3Proxy is not at %s: the build copies it there (generate-test-resources)".formatted(jar));
        }
        try {
            Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
            Files.createDirectories(temporary);
            directory = Files.createTempDirectory(temporary, "s3proxy-");
            Path data = Files.createDirectories(directory.resolve("data"));
            for (String bucket : buckets) {
                Files.createDirectories(data.resolve(bucket));
            }
            port = freePort();
            Path properties = directory.resolve("s3proxy.properties");
            Files.writeString(properties, """
                    s3proxy.endpoint=http://127.0.0.1:%d
                    s3proxy.authorization=aws-v2-or-v4
                    s3proxy.identity=%s
                    s3proxy.credential=%s
                    jclouds.provider=filesystem-nio2
                    jclouds.filesystem.basedir=%s
                    """.formatted(port, ACCESS_KEY, SECRET_KEY, data));
            String java = ProcessHandle.current().info().command().orElse("java");
            process = new ProcessBuilder(java, "-jar", jar.toString(), "--properties", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("s3proxy.log").toFile())
                    .start();
            awaitReady(Duration.ofSeconds(60));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint()
    {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Duration timeout)
            throws IOException
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with %d: %s".formatted(process.exitValue(), Files.readString(directory.resolve("s3proxy.log"))));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            }
            catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while waiting for S3Proxy", e);
                }
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("S3Proxy did not listen on port %d within %s".formatted(port, timeout));
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close()
            throws IOException, InterruptedException
    {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        io.basin.testing.TestingDirectories.deleteRecursively(directory);
    }
}
