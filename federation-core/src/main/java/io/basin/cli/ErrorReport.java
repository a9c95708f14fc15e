package io.basin.cli;

import io.basin.sql.parser.SqlStatement;
import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A failed statement as psql shows it: the message, for errors with a position the offending line
 * with a caret under the column, and the SQLSTATE.
 * <pre>
 * basin:load.sql:12: ERROR:  Syntax error at line 2, column 6: ...
 * LINE 2: FROM WHERE x = 1
 *              ^
 * SQLSTATE: 42601
 * </pre>
 * The {@code basin:FILE:LINE:} prefix appears for statements from a file; LINE is the line of the
 * error in that file.
 */
final class ErrorReport
{
    /** Longest part of a statement line shown around the caret; psql also shortens long lines. */
    private static final int MAX_CONTEXT = 76;
    private static final String ELLIPSIS = "...";

    private ErrorReport() {}

    /**
     * @param statement the statement that failed, or empty when the failure is not about one (opening the engine)
     * @param fileName the script file the statement comes from, for the location prefix
     */
    static String format(RuntimeException failure, Optional<SqlStatement> statement, Optional<String> fileName)
    {
        requireNonNull(failure, "failure is null");
        StringBuilder report = new StringBuilder();
        BasinException basinFailure = failure instanceof BasinException exception ? exception : null;
        Optional<Position> position = Optional.empty();
        if (basinFailure != null && basinFailure.line().isPresent() && basinFailure.column().isPresent()) {
            position = Optional.of(new Position(basinFailure.line().getAsInt(), basinFailure.column().getAsInt()));
        }
        if (fileName.isPresent() && statement.isPresent()) {
            int line = statement.get().line() + position.map(Position::line).orElse(1) - 1;
            report.append("basin:").append(fileName.get()).append(':').append(line).append(": ");
        }
        report.append("ERROR:  ").append(message(failure)).append('\n');
        if (position.isPresent() && statement.isPresent()) {
            appendContext(report, statement.get().text(), position.get());
        }
        report.append("SQLSTATE: ").append(sqlState(failure)).append('\n');
        return report.toString();
    }

    private static String message(RuntimeException failure)
    {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getName() : message;
    }

    /**
     * Errors from the engine carry Basin's code. Anything else escaped the engine's error
     * handling (a plugin's own TrinoException, a bug), which PostgreSQL would call internal.
     */
    private static String sqlState(RuntimeException failure)
    {
        if (failure instanceof BasinException exception) {
            return exception.sqlState();
        }
        if (failure instanceof io.trino.spi.TrinoException trino) {
            return io.basin.error.ConnectorErrorCodes.basinCode(trino.getErrorCode()).orElse(BasinErrorCode.INTERNAL_ERROR_CODE).sqlState();
        }
        return BasinErrorCode.INTERNAL_ERROR_CODE.sqlState();
    }

    private static void appendContext(StringBuilder report, String text, Position position)
    {
        String[] lines = text.split("\n", -1);
        if (position.line() < 1 || position.line() > lines.length) {
            return;
        }
        // one column per character, so the caret lines up with what the parser counted
        String line = lines[position.line() - 1].replace('\t', ' ').replace('\r', ' ');
        int caret = Math.clamp(position.column() - 1, 0, line.length());
        if (line.length() > MAX_CONTEXT) {
            int from = Math.clamp(caret - MAX_CONTEXT / 2, 0, line.length() - MAX_CONTEXT);
            int to = from + MAX_CONTEXT;
            String shown = (from > 0 ? ELLIPSIS : "") + line.substring(from, to) + (to < line.length() ? ELLIPSIS : "");
            caret = caret - from + (from > 0 ? ELLIPSIS.length() : 0);
            line = shown;
        }
        String label = "LINE " + position.line() + ": ";
        report.append(label).append(line.stripTrailing()).append('\n');
        report.repeat(' ', label.length() + DisplayWidth.of(line.substring(0, Math.min(caret, line.length())))).append("^\n");
    }

    private record Position(int line, int column) {}
}
