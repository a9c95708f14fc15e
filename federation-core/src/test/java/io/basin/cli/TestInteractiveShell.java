package io.basin.cli;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** The shell driven through a JLine dumb terminal with scripted keyboard input. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TestInteractiveShell
{
    @TempDir
    Path directory;

    private Basin basin;
    private BasinSession session;

    @BeforeEach
    void setUp()
    {
        basin = Basin.open(BasinConfig.defaults().withDataDirectory(directory.resolve("data")));
        session = basin.newSession();
    }

    @AfterEach
    void tearDown()
    {
        session.close();
        basin.close();
    }

    @Test
    void testStatementAndQuit()
    {
        String output = runShell("select 1 as one;\n\\q\nselect 'never run';\n");
        assertThat(output).startsWith("basin " + Basin.version() + "\nType \"\\?\" for help.\n\nbasin=> ");
        assertThat(output).contains(" one\n-----\n   1\n(1 row)\n");
        assertThat(output).doesNotContain("never run\n(1 row)");
    }

    @Test
    void testMultiLineStatements()
    {
        // end of input (Ctrl-D) leaves the shell
        String output = runShell("select\n  2 as two\n;\nselect 'a\nb' as s; select (1 +\n2) as t;\n");
        assertThat(output).contains("basin-> ");
        assertThat(output).contains(" two\n-----\n   2\n(1 row)\n");
        // inside a literal the prompt says so, and the value keeps its line break
        assertThat(output).contains("basin'> ");
        assertThat(output).contains(" s\n---\n a+\n b\n(1 row)\n");
        assertThat(output).contains("basin(> ");
        assertThat(output).contains(" t\n---\n 3\n(1 row)\n");
    }

    @Test
    void testErrorsDoNotEndTheShell()
    {
        String output = runShell("selec 1;\nselect * from missing_table;\nselect 3 as c;\n");
        assertThat(output).contains("ERROR:  Syntax error at line 1, column 1").contains("LINE 1: selec 1\n        ^\nSQLSTATE: 42601\n");
        assertThat(output).contains("SQLSTATE: 42P01\n");
        assertThat(output).contains(" c\n---\n 3\n(1 row)\n");
    }

    @Test
    void testExpandedAndTiming()
    {
        String output = runShell("\\x\nselect 1 as a, 'x' as bb;\n\\timing on\n\\x off\nselect 2 as b;\n\\timing\nselect 3 as c;\n");
        assertThat(output).contains("Expanded display is on.\n");
        assertThat(output).contains("-[ RECORD 1 ]\na  | 1\nbb | x\n");
        assertThat(output).contains("Timing is on.\n");
        assertThat(output).contains("Expanded display is off.\n");
        assertThat(output).containsPattern(" b\n---\n 2\n\\(1 row\\)\n\nTime: \\d+\\.\\d{3} ms\n");
        assertThat(output).contains("Timing is off.\n");
        assertThat(output).contains(" c\n---\n 3\n(1 row)\n\nbasin=> ");
    }

    @Test
    void testMetaCommandErrorsAndHelp()
    {
        String output = runShell("\\frobnicate\n\\x maybe\n\\?\nhelp\nquit\nselect 'never run';\n");
        assertThat(output).contains("invalid command \\frobnicate\nTry \\? for help.\n");
        assertThat(output).contains("unrecognized value \"maybe\" for \"\\x\": Boolean expected\n");
        assertThat(output).contains("\\timing [on|off]");
        assertThat(output).doesNotContain("never run\n(1 row)");
    }

    @Test
    void testBackslashInsideLiteralIsText()
    {
        String output = runShell("select 'a\n\\q' as s;\n\\q\n");
        assertThat(output).contains(" a +\n \\q\n(1 row)");
    }

    @Test
    void testControlCDiscardsTheStatementBeingTyped()
            throws Exception
    {
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream input = new PipedInputStream(keyboard);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (keyboard; Terminal terminal = dumbTerminal(input, output)) {
            Thread shell = Thread.ofPlatform().name("shell").start(() -> newShell(terminal).run());
            type(keyboard, "select 'discarded' as d\nfrom");
            awaitConsumed(input);
            // what a terminal does on Ctrl-C
            terminal.raise(Terminal.Signal.INT);
            // type on only once the fresh prompt is out: keys typed while the reader unwinds can be lost
            awaitOutput(output, "basin-> basin=> ", TimeUnit.SECONDS.toNanos(60));
            type(keyboard, "select 2 as kept;\n\\q\n");
            shell.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(shell.isAlive()).isFalse();
        }
        String text = output.toString(UTF_8);
        assertThat(text).doesNotContain("discarded").doesNotContain("ERROR");
        assertThat(text).contains(" kept\n------\n    2\n(1 row)\n");
    }

    @Test
    void testHistoryHoldsWholeStatements()
            throws IOException
    {
        runShell("select 1\n  as one;\n\\x\nselect 2 as two; select 3 as three;\n");
        String history = Files.readString(directory.resolve("history"));
        // JLine escapes the line break of a multi-line entry
        assertThat(history).contains("select 1\\n  as one;\n");
        assertThat(history).contains("\\\\x\n");
        assertThat(history).contains("select 2 as two; select 3 as three;\n");
        assertThat(history.lines().count()).isEqualTo(3);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void testControlCCancelsTheRunningStatement()
            throws Exception
    {
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream input = new PipedInputStream(keyboard);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (keyboard; Terminal terminal = dumbTerminal(input, output)) {
            Thread shell = Thread.ofPlatform().name("shell").start(() -> newShell(terminal).run());
            // type only once the shell reads, and interrupt only once the line was taken: an
            // interrupt while the line is being read discards it instead of canceling a query
            awaitOutput(output, "basin=> ", TimeUnit.SECONDS.toNanos(30));
            // 600 million generated rows: it runs until canceled
            type(keyboard, "select count(*) from tpch.sf100.lineitem;\n");
            Thread.sleep(1000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // the statement is cancelable once it executes, after planning: keep pressing Ctrl-C until it stops
            while (!output.toString(UTF_8).contains("SQLSTATE: 57014") && System.nanoTime() < deadline) {
                terminal.raise(Terminal.Signal.INT);
                Thread.sleep(200);
            }
            type(keyboard, "select 4 as after_cancel;\n\\q\n");
            shell.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(shell.isAlive()).isFalse();
        }
        String text = output.toString(UTF_8);
        assertThat(text).contains("canceled").contains("SQLSTATE: 57014\n");
        assertThat(text).contains(" after_cancel\n--------------\n            4\n(1 row)\n");
    }

    private static void awaitOutput(ByteArrayOutputStream output, String text, long timeoutNanos)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + timeoutNanos;
        while (!output.toString(UTF_8).contains(text)) {
            assertThat(System.nanoTime()).as("waiting for %s", text).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void testShellThroughTheSqlCommand()
    {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream keyboard = new ByteArrayInputStream("select count(*) from tpch.tiny.region;\n".getBytes(UTF_8));
        CliEnvironment environment = new CliEnvironment(
                InputStream.nullInputStream(),
                new PrintStream(new ByteArrayOutputStream(), true, UTF_8),
                new PrintStream(err, true, UTF_8),
                true,
                Optional.of(directory.resolve("history")),
                () -> dumbTerminal(keyboard, output));
        // a data directory of its own: setUp's engine holds the lock of "data", as a running server would
        int status = BasinMain.run(new String[] {"sql", "--data-dir", directory.resolve("data-cli").toString()}, environment);
        assertThat(err.toString(UTF_8)).isEmpty();
        assertThat(status).isZero();
        assertThat(output.toString(UTF_8)).contains(" count\n-------\n     5\n(1 row)\n");
    }

    private String runShell(String keystrokes)
    {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (Terminal terminal = dumbTerminal(new ByteArrayInputStream(keystrokes.getBytes(UTF_8)), output)) {
            newShell(terminal).run();
        }
        catch (IOException e) {
            throw new RuntimeException(e);
        }
        return output.toString(UTF_8);
    }

    private InteractiveShell newShell(Terminal terminal)
    {
        return new InteractiveShell(terminal, session, Optional.of(directory.resolve("history")), DisplaySettings.of(OutputFormat.ALIGNED));
    }

    private static Terminal dumbTerminal(InputStream input, ByteArrayOutputStream output)
            throws IOException
    {
        return new DumbTerminal("basin-test", Terminal.TYPE_DUMB, input, output, UTF_8);
    }

    private static void type(PipedOutputStream keyboard, String keystrokes)
            throws IOException
    {
        keyboard.write(keystrokes.getBytes(UTF_8));
        keyboard.flush();
    }

    /** Waits until the line reader has taken everything typed so far. */
    private static void awaitConsumed(PipedInputStream input)
            throws IOException, InterruptedException
    {
        while (input.available() > 0) {
            Thread.sleep(20);
        }
        // the reader thread has the last character; give the line reader time to put it in its buffer
        Thread.sleep(1_000);
    }
}
