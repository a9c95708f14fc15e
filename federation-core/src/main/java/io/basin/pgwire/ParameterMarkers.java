package io.basin.pgwire;

import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static java.util.Objects.requireNonNull;

/**
 * The {@code $n} parameter markers of a statement, found the way PostgreSQL's lexer finds them:
 * not inside string literals ({@code '…'}, {@code E'…'}, dollar-quoted), quoted identifiers or
 * comments, and not as part of an identifier ({@code a$1}).
 */
record ParameterMarkers(String sql, List<Marker> markers)
{
    /** The marker {@code $index} (1-based) at {@code [start, end)}. */
    record Marker(int start, int end, int index) {}

    ParameterMarkers
    {
        requireNonNull(sql, "sql is null");
        markers = List.copyOf(markers);
    }

    static ParameterMarkers scan(String sql)
    {
        List<Marker> markers = new ArrayList<>();
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e') && (i < 2 || !isIdentifierPart(sql.charAt(i - 2)));
                i = skipQuoted(sql, i, '\'', escapes);
            }
            else if (c == '"') {
                i = skipQuoted(sql, i, '"', false);
            }
            else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                while (i < length && sql.charAt(i) != '\n') {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                i = skipBlockComment(sql, i);
            }
            else if (c == '$') {
                int end = i + 1;
                while (end < length && Character.isDigit(sql.charAt(end))) {
                    end++;
                }
                if (end > i + 1 && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
                    int index;
                    try {
                        index = Integer.parseInt(sql, i + 1, end, 10);
                    }
                    catch (NumberFormatException e) {
                        throw new BasinException(BasinErrorCode.SYNTAX_ERROR, "parameter number too large: " + sql.substring(i, end));
                    }
                    if (index < 1) {
                        throw new BasinException(BasinErrorCode.UNDEFINED_PARAMETER, "there is no parameter $" + index);
                    }
                    markers.add(new Marker(i, end, index));
                    i = end;
                }
                else {
                    i = skipDollarQuoted(sql, i);
                }
            }
            else if (isIdentifierPart(c)) {
                while (i < length && (isIdentifierPart(sql.charAt(i)) || sql.charAt(i) == '$')) {
                    i++;
                }
            }
            else {
                i++;
            }
        }
        return new ParameterMarkers(sql, markers);
    }

    /** The highest marker number; 0 when there are none. */
    int maxIndex()
    {
        return markers.stream().mapToInt(Marker::index).max().orElse(0);
    }

    /** The statement with every {@code $n} replaced by {@code replacement.apply(n)}. */
    String replace(IntFunction<String> replacement)
    {
        if (markers.isEmpty()) {
            return sql;
        }
        StringBuilder builder = new StringBuilder(sql.length() + markers.size() * 16);
        int last = 0;
        for (Marker marker : markers) {
            builder.append(sql, last, marker.start());
            builder.append(replacement.apply(marker.index()));
            last = marker.end();
        }
        builder.append(sql, last, sql.length());
        return builder.toString();
    }

    private static boolean isIdentifierPart(char c)
    {
        return Character.isLetterOrDigit(c) || c == '_' || c >= 0x80;
    }

    private static int skipQuoted(String sql, int start, char quote, boolean backslashEscapes)
    {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            }
            else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                }
                else {
                    return i + 1;
                }
            }
            else {
                i++;
            }
        }
        return sql.length();
    }

    private static int skipBlockComment(String sql, int start)
    {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            }
            else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            }
            else {
                i++;
            }
        }
        return sql.length();
    }

    /** Skips {@code $tag$ … $tag$} when {@code start} opens one; otherwise just the {@code $}. */
    private static int skipDollarQuoted(String sql, int start)
    {
        int i = start + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i >= sql.length() || sql.charAt(i) != '$' || (i > start + 1 && Character.isDigit(sql.charAt(start + 1)))) {
            return start + 1;
        }
        String tag = sql.substring(start, i + 1);
        int close = sql.indexOf(tag, i + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }
}
