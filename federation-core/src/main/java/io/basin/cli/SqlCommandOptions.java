package io.basin.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The options of {@code basin sql}. {@code -e} and {@code -f} may be repeated and mixed; their SQL
 * runs in the order given, as with psql's {@code -c} and {@code -f}. Long options also take
 * their value after {@code =} ({@code --format=csv}).
 *
 * @param scripts the SQL to run; none to start the interactive shell (or read standard input)
 * @param dataDirectory the data directory; empty for the default ({@code ./basin-data})
 */
record SqlCommandOptions(List<ScriptSource> scripts, Optional<Path> dataDirectory, Optional<Path> pluginDirectory, OutputFormat format, boolean help)
{
    static final String USAGE = """
            Usage: basin sql [OPTIONS]

            Runs SQL in this process on the data directory: the statements given with -e or -f,
            else an interactive shell (or the script on standard input when it is not a terminal).

            Options:
              -e, --execute SQL    run SQL; several statements may be separated by ';'
              -f, --file FILE      run the SQL in FILE ('-' for standard input)
                                   (-e and -f may be repeated; they run in order and stop at the first error)
                  --data-dir DIR   data directory (default: ./basin-data)
                  --plugin-dir DIR load Trino plugins from DIR/<plugin>/*.jar
                  --format FORMAT  aligned (default), csv or tsv
              -h, --help           show this help

            Exit status: 0 on success, 1 when a statement fails, 2 for a bad command line.
            """;

    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-e", "--execute", "-f", "--file", "--data-dir", "--plugin-dir", "--format");

    SqlCommandOptions
    {
        scripts = List.copyOf(requireNonNull(scripts, "scripts is null"));
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(pluginDirectory, "pluginDirectory is null");
        requireNonNull(format, "format is null");
    }

    /** Where SQL comes from: text on the command line, or a file ({@code -} for standard input). */
    sealed interface ScriptSource
    {
        record Inline(String sql)
                implements ScriptSource
        {
            public Inline
            {
                requireNonNull(sql, "sql is null");
            }
        }

        record File(String path)
                implements ScriptSource
        {
            public File
            {
                requireNonNull(path, "path is null");
            }

            boolean isStandardInput()
            {
                return path.equals("-");
            }
        }
    }

    static SqlCommandOptions parse(List<String> arguments)
    {
        List<ScriptSource> scripts = new ArrayList<>();
        Optional<Path> dataDirectory = Optional.empty();
        Optional<Path> pluginDirectory = Optional.empty();
        OutputFormat format = OutputFormat.ALIGNED;
        boolean help = false;
        int index = 0;
        while (index < arguments.size()) {
            String argument = arguments.get(index++);
            String name = argument;
            String value = null;
            int equals = argument.indexOf('=');
            if (argument.startsWith("--") && equals > 0) {
                name = argument.substring(0, equals);
                value = argument.substring(equals + 1);
            }
            if (OPTIONS_WITH_VALUE.contains(name)) {
                if (value == null) {
                    if (index == arguments.size()) {
                        throw new UsageException("option '%s' needs a value".formatted(name));
                    }
                    value = arguments.get(index++);
                }
            }
            else if (value != null) {
                throw new UsageException("option '%s' takes no value".formatted(name));
            }
            switch (name) {
                case "-h", "--help" -> help = true;
                case "-e", "--execute" -> scripts.add(new ScriptSource.Inline(value));
                case "-f", "--file" -> scripts.add(new ScriptSource.File(value));
                case "--data-dir" -> dataDirectory = Optional.of(Path.of(value));
                case "--plugin-dir" -> pluginDirectory = Optional.of(Path.of(value));
                case "--format" -> format = OutputFormat.fromName(value);
                default -> throw new UsageException(argument.startsWith("-")
                        ? "unknown option '%s' for 'basin sql'".formatted(argument)
                        : "unexpected argument '%s' for 'basin sql' (SQL goes after -e)".formatted(argument));
            }
        }
        return new SqlCommandOptions(scripts, dataDirectory, pluginDirectory, format, help);
    }
}
