package io.basin.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real {@code bin/basin} as a subprocess. When {@code federation-core/target/lib} and the
 * jar exist the launcher is told to use that build as it is, which keeps the test fast; otherwise
 * the launcher builds the distribution first, as on a user's first run.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class TestBasinLauncher
{
    private static final Path REPOSITORY = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().getParent();

    @TempDir
    Path directory;

    @Test
    void testQuery()
            throws Exception
    {
        Result result = launch("sql", "--data-dir", directory.resolve("data").toString(), "-e", "select count(*) from tpch.tiny.region");
        assertThat(result.stderrWithoutBuildNotice()).as("standard error, where JVM warnings would appear").isEmpty();
        assertThat(result.status()).isZero();
        assertThat(result.stdout().lines().map(String::strip).toList()).contains("5");
    }

    @Test
    void testFailures()
            throws Exception
    {
        Result error = launch("sql", "--data-dir", directory.resolve("data").toString(), "--format", "csv", "-e", "select * from no_such_table");
        assertThat(error.status()).isEqualTo(1);
        assertThat(error.stdout()).isEmpty();
        assertThat(error.stderrWithoutBuildNotice()).startsWith("ERROR:  ").endsWith("SQLSTATE: 42P01\n");

        Result usage = launch("no-such-command");
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.stderrWithoutBuildNotice()).contains("unknown command 'no-such-command'");
    }

    private Result launch(String... arguments)
            throws IOException, InterruptedException
    {
        Path launcher = REPOSITORY.resolve("bin/basin");
        assertThat(launcher).isExecutable();
        Path stdout = directory.resolve("stdout");
        Path stderr = directory.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString())
                .directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.command().addAll(List.of(arguments));
        // the JDK running the tests is a JDK 25
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        if (hasBuild()) {
            builder.environment().put("BASIN_SKIP_BUILD", "1");
        }
        Process process = builder.start();
        if (!process.waitFor(14, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("bin/basin did not finish: " + Files.readString(stderr, UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(stdout, UTF_8), Files.readString(stderr, UTF_8));
    }

    /** Whether federation-core's jar and its target/lib exist, as {@code ./mvnw package} leaves them. */
    private static boolean hasBuild()
            throws IOException
    {
        Path target = REPOSITORY.resolve("federation-core/target");
        if (!Files.isDirectory(target.resolve("lib"))) {
            return false;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.map(file -> file.getFileName().toString())
                    .anyMatch(name -> name.startsWith("basin-federation-core-") && name.endsWith(".jar") && !name.endsWith("-tests.jar"));
        }
    }

    private record Result(int status, String stdout, String stderr)
    {
        /**
         * Standard error without the launcher's notice that it built Basin first, and without the
         * JVM's announcement of the Vector API incubator module: bin/basin resolves that module on
         * purpose once trino-parquet (the lake's Parquet decoder) is on the class path, and the JVM
         * has no option to keep quiet about it. Any other warning still shows.
         */
        String stderrWithoutBuildNotice()
        {
            return stderr.replaceFirst("^(Building|Rebuilding) Basin [^\n]*\n", "")
                    .replaceFirst("^WARNING: Using incubator modules: jdk\\.incubator\\.vector\n", "");
        }
    }
}
