package io.basin.cli;

import io.basin.cli.SqlCommandOptions.ScriptSource;
import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import org.jline.terminal.Terminal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code basin sql}: opens the engine in this process on the data directory and runs the SQL of
 * {@code -e}/{@code -f}, the interactive shell, or the script piped to standard input.
 */
final class SqlCommand
{
    private static final String STANDARD_INPUT_NAME = "<stdin>";

    private SqlCommand() {}

    /** Returns the exit status: 0 when everything ran, 1 when a statement (or opening the engine) failed. */
    static int run(List<String> arguments, CliEnvironment environment)
    {
        SqlCommandOptions options = SqlCommandOptions.parse(arguments);
        if (options.help()) {
            environment.out().print(SqlCommandOptions.USAGE);
            environment.out().flush();
            return 0;
        }
        PrintWriter out = writer(environment.out());
        PrintWriter err = writer(environment.err());
        try {
            return run(options, environment, out, err);
        }
        finally {
            out.flush();
            err.flush();
        }
    }

    private static int run(SqlCommandOptions options, CliEnvironment environment, PrintWriter out, PrintWriter err)
    {
        BasinConfig config = BasinConfig.defaults();
        config = config.withDataDirectory(options.dataDirectory().orElse(config.dataDirectory()));
        config = options.pluginDirectory().map(config::withPluginDirectory).orElse(config);
        try {
            // nothing is stored there yet, but the directory is what a later server would lock and fill
            Files.createDirectories(config.dataDirectory());
        }
        catch (IOException e) {
            err.append("basin: cannot create data directory ").append(config.dataDirectory().toString()).append(": ").append(describe(e)).append('\n');
            return 1;
        }

        Basin basin;
        try {
            basin = Basin.open(config);
        }
        catch (RuntimeException e) {
            // e.g. a plugin directory that cannot be loaded: a failure the user can act on, reported like a statement's
            err.append(ErrorReport.format(e, Optional.empty(), Optional.empty()));
            return 1;
        }
        try (basin; BasinSession session = basin.newSession()) {
            DisplaySettings settings = DisplaySettings.of(options.format());
            if (!options.scripts().isEmpty()) {
                return runScripts(options.scripts(), new StatementRunner(session, out, err), settings, environment, err);
            }
            if (!environment.interactive()) {
                return runScripts(List.of(new ScriptSource.File("-")), new StatementRunner(session, out, err), settings, environment, err);
            }
            return runShell(session, settings, environment, err);
        }
    }

    private static int runScripts(List<ScriptSource> scripts, StatementRunner runner, DisplaySettings settings, CliEnvironment environment, PrintWriter err)
    {
        for (ScriptSource script : scripts) {
            boolean succeeded = switch (script) {
                case ScriptSource.Inline inline -> runner.runScript(inline.sql(), Optional.empty(), settings);
                case ScriptSource.File file -> {
                    Optional<String> text = read(file, environment, err);
                    yield text.isPresent() && runner.runScript(text.get(), Optional.of(file.isStandardInput() ? STANDARD_INPUT_NAME : file.path()), settings);
                }
            };
            if (!succeeded) {
                return 1;
            }
        }
        return 0;
    }

    private static Optional<String> read(ScriptSource.File file, CliEnvironment environment, PrintWriter err)
    {
        try {
            if (file.isStandardInput()) {
                return Optional.of(new String(environment.in().readAllBytes(), StandardCharsets.UTF_8));
            }
            return Optional.of(Files.readString(Path.of(file.path())));
        }
        catch (IOException e) {
            err.append("basin: cannot read ").append(file.path()).append(": ").append(describe(e)).append('\n');
            return Optional.empty();
        }
    }

    private static int runShell(BasinSession session, DisplaySettings settings, CliEnvironment environment, PrintWriter err)
    {
        try (Terminal terminal = environment.terminals().open()) {
            new InteractiveShell(terminal, session, environment.historyFile(), settings).run();
            return 0;
        }
        catch (IOException e) {
            err.append("basin: terminal failure: ").append(describe(e)).append('\n');
            return 1;
        }
    }

    /** Buffered, in the stream's own charset: results can be millions of lines. */
    private static PrintWriter writer(PrintStream stream)
    {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, stream.charset())), false);
    }

    /** An I/O failure in words: NoSuchFileException's message is only the path, so name the exception too. */
    private static String describe(IOException e)
    {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
