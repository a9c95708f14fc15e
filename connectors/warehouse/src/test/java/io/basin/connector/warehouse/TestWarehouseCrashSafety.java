package io.basin.connector.warehouse;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a child JVM inserting, deleting and vacuuming with SIGKILL at random moments, many times, and checks after every
 * kill that the table holds exactly the last state the child reported committed (or the state it
 * was committing when killed, if that commit reached the disk), with every row intact.
 */
class TestWarehouseCrashSafety
{
    private static final int KILLS = 12;

    @TempDir
    Path directory;

    @Test
    void testTableShowsTheLastCommittedStateAfterEverySigkill()
            throws Exception
    {
        Random random = new Random(2024);
        int killsWhileCommitting = 0;
        int commits = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Child child = Child.start(directory, random.nextLong());
            String ready = child.awaitLine("READY", 60);
            Thread.sleep(150 + random.nextInt(900));
            child.kill();
            List<String> lines = child.lines();
            Optional<String> committed = lastState(lines, "COMMITTED").or(() -> Optional.of(ready.substring("READY ".length())));
            Optional<String> committing = pendingState(lines);
            commits += (int) lines.stream().filter(line -> line.startsWith("COMMITTED")).count();

            try (TestingWarehouse warehouse = new TestingWarehouse(directory)) {
                TreeSet<Long> ids = new TreeSet<>();
                for (List<Object> row : warehouse.readAll("t")) {
                    long id = (Long) row.getFirst();
                    assertThat(row).isEqualTo(CrashingWriter.row(id));
                    assertThat(ids.add(id)).as("id %s appears once", id).isTrue();
                }
                String actual = CrashingWriter.state(ids);
                if (committing.isPresent() && actual.equals(committing.get())) {
                    // killed after the commit was durable but before it was reported
                    killsWhileCommitting++;
                }
                else {
                    assertThat(actual).as("state after kill %s", kill).isEqualTo(committed.orElseThrow());
                }
            }
        }
        // the child did real work between kills
        assertThat(commits).isGreaterThan(KILLS);
        assertThat(killsWhileCommitting).isLessThanOrEqualTo(KILLS);
    }

    private static Optional<String> lastState(List<String> lines, String prefix)
    {
        Optional<String> state = Optional.empty();
        for (String line : lines) {
            if (line.startsWith(prefix + " ")) {
                state = Optional.of(line.substring(prefix.length() + 1));
            }
        }
        return state;
    }

    /** The state being committed when the child died: a COMMITTING line with no COMMITTED after it. */
    private static Optional<String> pendingState(List<String> lines)
    {
        if (!lines.isEmpty() && lines.getLast().startsWith("COMMITTING ")) {
            return Optional.of(lines.getLast().substring("COMMITTING ".length()));
        }
        return Optional.empty();
    }

    private record Child(Process process, List<String> output, CompletableFuture<Void> done)
    {
        static Child start(Path directory, long seed)
                throws IOException
        {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                    "-cp", System.getProperty("java.class.path"),
                    CrashingWriter.class.getName(), directory.toString(), Long.toString(seed))
                    .redirectErrorStream(true)
                    .start();
            List<String> output = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> done = new CompletableFuture<>();
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        output.add(line);
                    }
                    done.complete(null);
                }
                catch (IOException e) {
                    done.completeExceptionally(e);
                }
            });
            return new Child(process, output, done);
        }

        String awaitLine(String prefix, int seconds)
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
                if (!process.isAlive() && done.isDone()) {
                    throw new AssertionError("child exited before " + prefix + ": " + output);
                }
                Thread.sleep(10);
            }
            process.destroyForcibly();
            throw new AssertionError("child did not print " + prefix + ": " + output);
        }

        void kill()
                throws Exception
        {
            // SIGKILL through kill(1): Process.destroy may send SIGTERM, which lets the JVM run shutdown hooks
            Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(process.pid())).inheritIO().start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(137);
            done.get(30, TimeUnit.SECONDS);
        }

        List<String> lines()
        {
            synchronized (output) {
                List<String> lines = new ArrayList<>(output);
                for (String line : lines) {
                    if (line.contains("Exception") || line.contains("Error")) {
                        throw new AssertionError("child failed: " + lines);
                    }
                }
                return lines;
            }
        }
    }
}
