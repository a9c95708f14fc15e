package io.basin.cli;

import io.basin.embedded.Basin;

import java.util.Arrays;
import java.util.List;

/**
 * The {@code basin} command: {@code basin sql}, {@code basin server}, {@code basin spectrum-worker},
 * {@code basin version}, {@code basin help}.
 * {@link #run} holds the logic and returns the exit status, so tests call it with captured
 * streams; {@link #main} only adds the process around it.
 */
public final class BasinMain
{
    /** A bad command line, as for most Unix tools (and psql's own usage errors). */
    public static final int USAGE_ERROR = 2;

    private static final String USAGE = """
            Usage: basin <command> [options]

            Commands:
              sql        run SQL in this process: -e "SQL", -f FILE, or an interactive shell
              server     serve the PostgreSQL wire protocol on 127.0.0.1:5439 (psql, JDBC, BI tools)
              spectrum-worker
                         a remote lake scan worker for servers that list it (--port N)
              version    print the version
              help       print this help ('basin help sql' for the options of a command)

            Environment (bin/basin): BASIN_HEAP (e.g. 8g; default 50% of RAM), BASIN_JAVA_OPTS,
            JAVA_HOME (JDK 25 or newer), BASIN_HISTORY (shell history file, default ~/.basin_history).
            """;

    private BasinMain() {}

    public static void main(String[] args)
    {
        int status = run(args, CliEnvironment.system());
        // engine threads are daemons, but exit explicitly so the status reaches the shell
        System.exit(status);
    }

    /** Runs the command named by {@code args[0]} and returns the exit status. */
    public static int run(String[] args, CliEnvironment environment)
    {
        if (args.length == 0) {
            environment.err().print(USAGE);
            environment.err().flush();
            return USAGE_ERROR;
        }
        String command = args[0];
        List<String> arguments = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (command) {
                case "sql" -> SqlCommand.run(arguments, environment);
                case "server" -> ServerCommand.run(arguments, environment);
                case "spectrum-worker" -> SpectrumWorkerCommand.run(arguments, environment);
                case "version", "--version" -> {
                    environment.out().println("Basin " + Basin.version() + " (Java " + Runtime.version() + ")");
                    yield 0;
                }
                case "help", "--help", "-h" -> {
                    environment.out().print(arguments.equals(List.of("sql")) ? SqlCommandOptions.USAGE : arguments.equals(List.of("server")) ? ServerCommand.USAGE
                            : arguments.equals(List.of("spectrum-worker")) ? SpectrumWorkerCommand.USAGE : USAGE);
                    yield 0;
                }
                default -> throw new UsageException("unknown command '%s'".formatted(command));
            };
        }
        catch (UsageException e) {
            environment.err().println("basin: " + e.getMessage());
            environment.err().println("Try 'basin help' for more information.");
            return USAGE_ERROR;
        }
        finally {
            environment.out().flush();
            environment.err().flush();
        }
    }
}
