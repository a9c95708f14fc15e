package io.basin.cli;

import io.basin.sql.parser.SqlStatement;
import io.basin.sql.parser.StatementSplitter;
import io.basin.embedded.Basin;
import io.basin.embedded.BasinSession;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The interactive shell of {@code basin sql}, modeled on psql: the prompt {@code basin=> }, and
 * while a statement is unfinished {@code basin-> } (or {@code '}, {@code "}, {@code $}, {@code *},
 * {@code (} in place of {@code -} when inside a literal, comment or parentheses); statements end
 * with {@code ;} and may span lines; history is kept across sessions, one entry per statement.
 *
 * <p>Ctrl-C while typing discards the statement being typed; while a statement runs it cancels
 * the statement. Ctrl-D, {@code \q}, {@code quit} and {@code exit} leave. {@code \timing} and
 * {@code \x} toggle the elapsed-time line and the expanded display; {@code \?} lists the commands.
 */
final class InteractiveShell
{
    private static final String PROMPT = "basin=> ";
    private static final String HELP = """
            General
              \\q                     quit (also Ctrl-D, quit, exit)
              \\? or help             show this help
            Formatting
              \\x [on|off]            toggle expanded output (one line per column)
              \\timing [on|off]       toggle the time each statement takes
            Statements end with ';' and may span several lines. Ctrl-C cancels the running
            statement, or discards the one being typed.
            """;

    private final Terminal terminal;
    private final Optional<Path> historyFile;
    private final PrintWriter out;
    private final StatementRunner runner;
    private DisplaySettings settings;

    InteractiveShell(Terminal terminal, BasinSession session, Optional<Path> historyFile, DisplaySettings settings)
    {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.historyFile = requireNonNull(historyFile, "historyFile is null");
        this.settings = requireNonNull(settings, "settings is null");
        // errors go to the terminal too: on screen they interleave correctly with results
        this.out = terminal.writer();
        this.runner = new StatementRunner(requireNonNull(session, "session is null"), out, out);
    }

    /** Reads and runs statements until the user quits. */
    void run()
    {
        LineReader reader = newLineReader();
        // while a statement runs, Ctrl-C cancels it; the line reader installs its own handler while reading
        Terminal.SignalHandler previousHandler = terminal.handle(Terminal.Signal.INT, _ -> cancelRunningStatement());
        try {
            out.append("basin ").append(Basin.version()).append('\n')
                    .append("Type \"\\?\" for help.\n\n")
                    .flush();
            readStatements(reader);
        }
        finally {
            terminal.handle(Terminal.Signal.INT, previousHandler);
            saveHistory(reader.getHistory());
        }
    }

    /**
     * Runs on JLine's signal thread. The statement stops at its next cancellation check; one still
     * being planned is not running yet and finishes planning first.
     */
    private void cancelRunningStatement()
    {
        runner.cancel();
        out.append("Cancel request sent\n").flush();
    }

    private LineReader newLineReader()
    {
        // the shell finds statement ends itself; JLine must not treat quotes or backslashes specially
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(null);
        parser.setQuoteChars(new char[0]);
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("basin")
                .parser(parser)
                // history holds whole statements, added by the shell, rather than each line typed
                .variable(LineReader.DISABLE_HISTORY, true)
                // '!' is SQL (!=, !~), not a history reference
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                // a pasted tab is text, not a completion request
                .option(LineReader.Option.INSERT_TAB, true);
        historyFile.ifPresent(file -> builder.variable(LineReader.HISTORY_FILE, file));
        return builder.build();
    }

    private void readStatements(LineReader reader)
    {
        String buffer = "";
        StatementSplitter.Continuation continuation = StatementSplitter.Continuation.NONE;
        while (true) {
            String prompt = buffer.isEmpty() ? PROMPT : "basin" + continuation.promptMarker() + "> ";
            String line;
            try {
                line = reader.readLine(prompt);
            }
            catch (UserInterruptException e) {
                // Ctrl-C while typing: drop the unfinished statement, as psql does
                buffer = "";
                continuation = StatementSplitter.Continuation.NONE;
                continue;
            }
            catch (EndOfFileException e) {
                // Ctrl-D, or the end of piped input
                out.append('\n').flush();
                return;
            }
            String command = line.strip();
            if (command.startsWith("\\") && !continuation.insideLiteral()) {
                addHistory(reader, command);
                if (!runMetaCommand(command)) {
                    return;
                }
                continue;
            }
            if (buffer.isEmpty() && isShellWord(command)) {
                if (!command.equalsIgnoreCase("help")) {
                    return;
                }
                out.append(HELP).flush();
                continue;
            }

            String text = buffer.isEmpty() ? line : buffer + "\n" + line;
            StatementSplitter.Split split = StatementSplitter.split(text);
            if (!split.statements().isEmpty()) {
                addHistory(reader, text.substring(0, text.length() - split.remainder().length()).strip());
                for (SqlStatement statement : split.statements()) {
                    runner.run(statement, Optional.empty(), settings);
                }
            }
            buffer = split.hasPendingInput() ? split.remainder().stripLeading() : "";
            continuation = split.continuation();
        }
    }

    /** {@code help}, {@code quit} and {@code exit} typed alone at the start of a statement, as psql accepts them. */
    private static boolean isShellWord(String command)
    {
        return command.equalsIgnoreCase("help") || command.equalsIgnoreCase("quit") || command.equalsIgnoreCase("exit");
    }

    /** Runs a backslash command; returns false when the shell should quit. */
    private boolean runMetaCommand(String command)
    {
        List<String> words = List.of(command.split("\\s+"));
        String name = words.getFirst();
        Optional<String> argument = words.size() > 1 ? Optional.of(words.get(1).toLowerCase(Locale.ROOT)) : Optional.empty();
        switch (name) {
            case "\\q" -> {
                return false;
            }
            case "\\?" -> out.append(HELP);
            case "\\timing" -> {
                Optional<Boolean> timing = toggle(argument, settings.timing(), name);
                timing.ifPresent(value -> {
                    settings = settings.withTiming(value);
                    out.append("Timing is ").append(value ? "on" : "off").append(".\n");
                });
            }
            case "\\x" -> {
                Optional<Boolean> expanded = toggle(argument, settings.expanded(), name);
                expanded.ifPresent(value -> {
                    settings = settings.withExpanded(value);
                    out.append("Expanded display is ").append(value ? "on" : "off").append(".\n");
                });
            }
            default -> out.append("invalid command ").append(name).append("\nTry \\? for help.\n");
        }
        out.flush();
        return true;
    }

    /** The new value of an on/off setting: the argument if given, else the opposite of the current one. */
    private Optional<Boolean> toggle(Optional<String> argument, boolean current, String command)
    {
        if (argument.isEmpty()) {
            return Optional.of(!current);
        }
        return switch (argument.get()) {
            case "on", "true", "1" -> Optional.of(true);
            case "off", "false", "0" -> Optional.of(false);
            default -> {
                out.append("unrecognized value \"").append(argument.get()).append("\" for \"").append(command).append("\": Boolean expected\n");
                yield Optional.empty();
            }
        };
    }

    private static void addHistory(LineReader reader, String entry)
    {
        if (entry.isEmpty()) {
            return;
        }
        // DISABLE_HISTORY keeps the reader from adding each line, but JLine's history honors it too
        reader.setVariable(LineReader.DISABLE_HISTORY, false);
        try {
            reader.getHistory().add(entry);
        }
        finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, true);
        }
    }

    private void saveHistory(History history)
    {
        if (historyFile.isEmpty()) {
            return;
        }
        try {
            history.save();
        }
        catch (IOException e) {
            // losing history must not fail the session, but the user should know why it is missing next time
            out.append("could not save history to ").append(historyFile.get().toString()).append(": ").append(String.valueOf(e.getMessage())).append('\n').flush();
        }
    }
}
