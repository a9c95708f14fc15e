package io.basin.pgwire;

import io.basin.error.BasinErrorCode;
import io.basin.error.ConnectorErrorCodes;
import io.basin.error.BasinException;
import io.trino.spi.TrinoException;

import java.io.IOException;
import java.util.OptionalInt;

/**
 * ErrorResponse and NoticeResponse messages: severity, SQLSTATE, message and, for errors in the
 * SQL text, the 1-based character position PostgreSQL clients use to point at the error.
 */
final class PgErrors
{
    private PgErrors() {}

    /** What a client is told about a failure: SQLSTATE, message and the position in the statement, if known. */
    record ErrorReport(String sqlState, String message, OptionalInt position) {}

    static ErrorReport report(Throwable failure, String statementText, int statementOffset)
    {
        return switch (failure) {
            case BasinException basin -> new ErrorReport(basin.sqlState(), basin.getMessage(), position(statementText, statementOffset, basin.line(), basin.column()));
            case TrinoException trino -> new ErrorReport(sqlState(trino), trino.getMessage(), OptionalInt.empty());
            default -> new ErrorReport(BasinErrorCode.INTERNAL_ERROR_CODE.sqlState(), "internal error: " + failure, OptionalInt.empty());
        };
    }

    private static String sqlState(TrinoException trino)
    {
        return ConnectorErrorCodes.basinCode(trino.getErrorCode())
                .map(BasinErrorCode::sqlState)
                .orElseGet(() -> switch (trino.getErrorCode().getType()) {
                    case USER_ERROR -> "42000";
                    case INSUFFICIENT_RESOURCES -> "53000";
                    case EXTERNAL -> "58000";
                    case INTERNAL_ERROR -> "XX000";
                });
    }

    /** Converts a line/column in {@code text} to PostgreSQL's character position in the whole query string. */
    private static OptionalInt position(String text, int offset, OptionalInt line, OptionalInt column)
    {
        if (text == null || line.isEmpty() || column.isEmpty()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(characterOffset(text, line.getAsInt(), column.getAsInt()) + offset + 1);
    }

    /**
     * How many characters (code points: PostgreSQL counts characters, not UTF-16 units) of
     * {@code text} come before 1-based {@code line} and {@code column}.
     */
    static int characterOffset(String text, int line, int column)
    {
        int currentLine = 1;
        int index = 0;
        while (currentLine < line && index < text.length()) {
            if (text.charAt(index) == '\n') {
                currentLine++;
            }
            index++;
        }
        return text.codePointCount(0, Math.min(index + column - 1, text.length()));
    }

    static void writeError(PgOutput out, String severity, ErrorReport report)
            throws IOException
    {
        write(out, 'E', severity, report);
    }

    static void writeNotice(PgOutput out, String severity, String sqlState, String message)
            throws IOException
    {
        write(out, 'N', severity, new ErrorReport(sqlState, message, OptionalInt.empty()));
    }

    private static void write(PgOutput out, char type, String severity, ErrorReport report)
            throws IOException
    {
        out.beginMessage(type);
        out.writeByte('S');
        out.writeCString(severity);
        out.writeByte('V');
        out.writeCString(severity);
        out.writeByte('C');
        out.writeCString(report.sqlState());
        out.writeByte('M');
        out.writeCString(report.message() == null ? "" : report.message());
        if (report.position().isPresent()) {
            out.writeByte('P');
            out.writeCString(Integer.toString(report.position().getAsInt()));
        }
        out.writeByte(0);
        out.endMessage();
    }
}
