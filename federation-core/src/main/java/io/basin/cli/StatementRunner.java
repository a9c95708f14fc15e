package io.basin.cli;

import io.basin.sql.parser.CommandTag;
import io.basin.sql.parser.SqlStatement;
import io.basin.sql.parser.StatementSplitter;
import io.basin.embedded.BasinSession;
import io.basin.embedded.QueryResult;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Runs statements on one session and prints what each produced: its rows in the chosen format, or
 * a command tag ({@code INSERT 0 3}) for statements without rows, then the elapsed time when timing
 * is on. A failure is printed psql-style on the error stream and does not end the session.
 */
final class StatementRunner
{
    private final BasinSession session;
    private final PrintWriter out;
    private final PrintWriter err;

    StatementRunner(BasinSession session, PrintWriter out, PrintWriter err)
    {
        this.session = requireNonNull(session, "session is null");
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
    }

    /**
     * Runs a script's statements in order and stops at the first failure, as psql does with
     * {@code ON_ERROR_STOP}: later statements usually depend on earlier ones.
     *
     * @param fileName the file the script was read from, to locate errors in it
     * @return whether every statement succeeded
     */
    boolean runScript(String script, Optional<String> fileName, DisplaySettings settings)
    {
        for (SqlStatement statement : StatementSplitter.splitScript(script)) {
            if (!run(statement, fileName, settings)) {
                return false;
            }
        }
        return true;
    }

    /** Runs one statement and prints its outcome; returns whether it succeeded. */
    boolean run(SqlStatement statement, Optional<String> fileName, DisplaySettings settings)
    {
        long start = System.nanoTime();
        QueryResult result;
        try {
            result = session.execute(statement.text());
        }
        catch (RuntimeException e) {
            // the engine reports every failure as an exception: it is the statement's outcome, shown to the user
            out.flush();
            err.append(ErrorReport.format(e, Optional.of(statement), fileName));
            err.flush();
            return false;
        }
        long elapsedNanos = System.nanoTime() - start;
        print(statement, result, settings);
        if (settings.timing()) {
            out.append(formatElapsed(elapsedNanos)).append('\n');
        }
        out.flush();
        return true;
    }

    /** Asks the running statement to stop; safe to call from another thread at any time. */
    void cancel()
    {
        session.cancel();
    }

    private void print(SqlStatement statement, QueryResult result, DisplaySettings settings)
    {
        if (!result.columns().isEmpty()) {
            settings.format().formatter(settings.expanded()).format(result, out);
            return;
        }
        // tags are for people reading a session; CSV and TSV output is for programs
        if (settings.format() == OutputFormat.ALIGNED) {
            out.append(CommandTag.of(statement.text(), result.updateCount())).append('\n');
        }
    }

    /** psql's timing line: {@code Time: 12.345 ms}, plus a clock reading from one second on. */
    static String formatElapsed(long nanos)
    {
        double millis = nanos / 1_000_000.0;
        String line = String.format(Locale.ROOT, "Time: %.3f ms", millis);
        if (millis < 1_000) {
            return line;
        }
        long totalMillis = Math.round(millis);
        long hours = totalMillis / 3_600_000;
        long minutes = totalMillis / 60_000 % 60;
        double seconds = totalMillis % 60_000 / 1_000.0;
        String clock = hours > 0
                ? String.format(Locale.ROOT, "%02d:%02d:%06.3f", hours, minutes, seconds)
                : String.format(Locale.ROOT, "%02d:%06.3f", minutes, seconds);
        return line + " (" + clock + ")";
    }
}
