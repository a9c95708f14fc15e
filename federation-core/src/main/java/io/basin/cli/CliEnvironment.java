package io.basin.cli;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a command reads and writes and what it knows of its surroundings: the process's standard
 * streams and terminal in {@link BasinMain#main}, captured streams and a scripted terminal in tests.
 *
 * @param interactive whether standard input and output are a terminal, so that {@code basin sql}
 *         without {@code -e}/{@code -f} starts the shell rather than reading a script from standard input
 * @param historyFile where the shell keeps its history; none to keep no history
 * @param terminals opens the terminal the shell runs on
 */
public record CliEnvironment(InputStream in, PrintStream out, PrintStream err, boolean interactive, Optional<Path> historyFile, TerminalFactory terminals)
{
    /** Like psql's {@code PSQL_HISTORY}: overrides where the shell's history is kept. */
    public static final String HISTORY_VARIABLE = "BASIN_HISTORY";

    public CliEnvironment
    {
        requireNonNull(in, "in is null");
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
        requireNonNull(historyFile, "historyFile is null");
        requireNonNull(terminals, "terminals is null");
    }

    /** Opens a terminal; called once, when the interactive shell starts. */
    @FunctionalInterface
    public interface TerminalFactory
    {
        Terminal open()
                throws IOException;
    }

    /** The process's own streams and terminal, with the history in {@code ~/.basin_history} unless {@value #HISTORY_VARIABLE} says otherwise. */
    public static CliEnvironment system()
    {
        Console console = System.console();
        boolean interactive = console != null && console.isTerminal();
        return new CliEnvironment(
                System.in,
                System.out,
                System.err,
                interactive,
                Optional.of(historyFile(System.getenv(), Path.of(System.getProperty("user.home")))),
                () -> TerminalBuilder.builder().system(true).name("basin").build());
    }

    static Path historyFile(Map<String, String> environment, Path homeDirectory)
    {
        String configured = environment.get(HISTORY_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return homeDirectory.resolve(".basin_history");
    }
}
