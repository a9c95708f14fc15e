package io.basin.warehouse;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a child JVM ({@link CrashingCopier}) running {@code COPY} (with a {@code DELETE} or
 * {@code VACUUM} now and then) through the whole engine with SIGKILL at random moments, many
 * times, and checks after every kill that the table holds exactly the last state the child
 * reported committed (or the state it was committing, if that commit reached the disk), every
 * row intact. The warehouse connector's own test does the same for INSERT, DELETE and VACUUM
 * through the SPI ({@code TestWarehouseCrashSafety}).
 */
class TestWarehouseCopyCrashSafety
{
    private static final int KILLS = 10;

    @TempDir
    Path directory;

    @Test
    void testTableShowsTheLastCommittedStateAfterEverySigkillDuringCopy()
            throws Exception
    {
        Random random = new Random(4711);
        Path data = directory.resolve("data");
        int commits = 0;
        int killsDuringAStatement = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            List<String> output = Collections.synchronizedList(new ArrayList<>());
            Process child = start(data, random.nextLong(), output);
            String ready = awaitLine(child, output, "READY", 120);
            Thread.sleep(300 + random.nextInt(1500));
            // SIGKILL through kill(1): Process.destroy may send SIGTERM, which lets the JVM run shutdown hooks
            Process signal = new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).inheritIO().start();
            assertThat(signal.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(137);
            List<String> lines;
            synchronized (output) {
                lines = new ArrayList<>(output);
            }
            assertThat(lines).as("child output").noneMatch(line -> line.contains("Exception") || line.contains("Error"));
            String committed = last(lines, "COMMITTED").orElse(ready.substring("READY ".length()));
            Optional<String> committing = !lines.isEmpty() && lines.getLast().startsWith("COMMITTING ") ? Optional.of(lines.getLast().substring("COMMITTING ".length())) : Optional.empty();
            commits += (int) lines.stream().filter(line -> line.startsWith("COMMITTED")).count();
            killsDuringAStatement += committing.isPresent() ? 1 : 0;

            try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(data));
                    BasinSession session = basin.newSession()) {
                TreeSet<Long> ids = new TreeSet<>();
                for (List<Object> row : session.execute("SELECT id, payload, half FROM t").rows()) {
                    long id = (Long) row.getFirst();
                    assertThat(row).isEqualTo(CrashingCopier.row(id));
                    assertThat(ids.add(id)).as("id %s appears once", id).isTrue();
                }
                String actual = CrashingCopier.state(ids);
                if (!(committing.isPresent() && actual.equals(committing.get()))) {
                    assertThat(actual).as("state after kill %s", kill).isEqualTo(committed);
                }
            }
        }
        // the child did real work between kills
        assertThat(commits).isGreaterThanOrEqualTo(KILLS);
        System.out.printf("%d kills, %d of them while a COPY, DELETE or VACUUM ran; %d statements committed%n", KILLS, killsDuringAStatement, commits);
    }

    private Process start(Path data, long seed, List<String> output)
            throws IOException
    {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"),
                CrashingCopier.class.getName(), data.toString(), directory.resolve("files").toString(), Long.toString(seed))
                .redirectErrorStream(true)
                .start();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.add(line);
                }
            }
            catch (IOException e) {
                output.add("Exception reading the child's output: " + e);
            }
        });
        return process;
    }

    private static String awaitLine(Process process, List<String> output, String prefix, int seconds)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            synchronized (output) {
                for (String line : output) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("child exited before " + prefix + ": " + output);
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new AssertionError("child did not print " + prefix + ": " + output);
    }

    private static Optional<String> last(List<String> lines, String prefix)
    {
        Optional<String> state = Optional.empty();
        for (String line : lines) {
            if (line.startsWith(prefix + " ")) {
                state = Optional.of(line.substring(prefix.length() + 1));
            }
        }
        return state;
    }
}
