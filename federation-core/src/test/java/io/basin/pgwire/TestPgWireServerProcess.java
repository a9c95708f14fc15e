package io.basin.pgwire;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code basin server} as a separate process, as users run it: with a heap far smaller than a
 * 10-million-row result, which therefore must stream; and stopped with SIGTERM, which must end
 * it gracefully.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class TestPgWireServerProcess
{
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    private Process process;
    private Thread outputReader;
    private int port;
    private final List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void start()
            throws Exception
    {
        Path dataDirectory = Files.createTempDirectory("basin-server");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx160m", "-XX:+UseSerialGC",
                "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"),
                "io.basin.cli.BasinMain", "server", "--port", "0", "--data-dir", dataDirectory.toString());
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        outputReader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.add(line);
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find() && line.startsWith("Basin")) {
                        listening.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
                listening.completeExceptionally(new IllegalStateException("server exited: " + output));
            }
            catch (IOException e) {
                listening.completeExceptionally(e);
            }
        });
        port = listening.get(120, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop()
    {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private Connection connect()
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", "basin");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/dev", properties);
    }

    private void tenMillionRowsStreamThroughASmallHeap()
            throws SQLException
    {
        // the numbers 0 .. 9,999,999 from seven cross-joined digit lists: about 1 GB as materialized
        // rows, in a 160 MB heap
        long expectedRows = 10_000_000L;
        long expectedSum = expectedRows * (expectedRows - 1) / 2;
        String number = "d0.x";
        for (int i = 1; i < 7; i++) {
            number = "(" + number + ") * 10 + d" + i + ".x";
        }
        StringBuilder query = new StringBuilder("SELECT " + number + ", 'row' FROM ");
        for (int i = 0; i < 7; i++) {
            query.append(i == 0 ? "" : " CROSS JOIN ").append("(VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9) d").append(i).append("(x)");
        }

        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(5_000);
                long rows = 0;
                long sum = 0;
                try (ResultSet result = statement.executeQuery(query.toString())) {
                    while (result.next()) {
                        rows++;
                        sum += result.getLong(1);
                    }
                }
                assertThat(rows).isEqualTo(expectedRows);
                assertThat(sum).isEqualTo(expectedSum);
            }
            connection.commit();
        }
        assertThat(process.isAlive()).isTrue();
    }

    @Test
    void streamsTenMillionRowsInASmallHeapThenStopsOnSigterm()
            throws Exception
    {
        try (Connection idle = connect()) {
            try (Statement statement = idle.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
                assertThat(rows.next()).isTrue();
            }
            // while a session sits idle: a large result streams, then SIGTERM arrives
            tenMillionRowsStreamThroughASmallHeap();
            Thread.sleep(1000);
            new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            // 143 = 128 + SIGTERM: the JVM reports the signal after running its shutdown hooks
            assertThat(process.exitValue()).isIn(0, 143);
            outputReader.join(10_000);
            assertThat(output).as(String.join("\n", output)).anyMatch(line -> line.contains("server stopped"));
            assertThatThrownBy(() -> idle.createStatement().executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
        }
    }
}
