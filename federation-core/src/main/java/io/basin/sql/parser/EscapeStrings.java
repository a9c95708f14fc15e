package io.basin.sql.parser;

import io.basin.error.BasinException;

import static io.basin.error.BasinErrorCode.INVALID_ESCAPE_SEQUENCE;

/**
 * PostgreSQL's escape strings, {@code E'...'}: backslash escapes ({@code \n}, {@code \t},
 * {@code \\}, {@code \'}, octal {@code \123}, hexadecimal {@code \x41}, Unicode {@code \u00e9}
 * and {@code \U0001F600}) turned into a standard string literal with the characters they denote.
 * Other text (strings, quoted identifiers, comments) is left alone.
 */
final class EscapeStrings
{
    private EscapeStrings() {}

    static String rewrite(String sql)
    {
        if (sql.indexOf("E'") < 0 && sql.indexOf("e'") < 0) {
            return sql;
        }
        StringBuilder result = new StringBuilder(sql.length());
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? length : end;
                result.append(sql, i, end);
                i = end;
            }
            else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? length : end + 2;
                result.append(sql, i, end);
                i = end;
            }
            else if (c == '\'' || c == '"') {
                int end = closing(sql, i, c);
                result.append(sql, i, end);
                i = end;
            }
            else if ((c == 'E' || c == 'e') && i + 1 < length && sql.charAt(i + 1) == '\'' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
                i = escapeString(sql, i + 2, result);
            }
            else {
                result.append(c);
                i++;
            }
        }
        return result.toString();
    }

    /** The end (exclusive) of a quoted string or identifier starting at {@code start}; doubled quotes stay inside. */
    private static int closing(String sql, int start, char quote)
    {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** Reads the body of E'...' from {@code start} and appends it as a standard literal; returns the end. */
    private static int escapeString(String sql, int start, StringBuilder result)
    {
        StringBuilder value = new StringBuilder();
        int i = start;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            if (c != '\\' || i + 1 >= sql.length()) {
                value.append(c);
                i++;
                continue;
            }
            char next = sql.charAt(i + 1);
            i += 2;
            switch (next) {
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'x' -> {
                    int end = digits(sql, i, 2, 16);
                    if (end == i) {
                        value.append('x');
                    }
                    else {
                        value.append((char) Integer.parseInt(sql.substring(i, end), 16));
                        i = end;
                    }
                }
                case 'u', 'U' -> {
                    int count = next == 'u' ? 4 : 8;
                    int end = digits(sql, i, count, 16);
                    if (end - i != count) {
                        throw new BasinException(INVALID_ESCAPE_SEQUENCE, "invalid Unicode escape: \\" + next + " needs " + count + " hexadecimal digits");
                    }
                    value.appendCodePoint(Integer.parseInt(sql.substring(i, end), 16));
                    i = end;
                }
                default -> {
                    if (next >= '0' && next <= '7') {
                        int end = digits(sql, i - 1, 3, 8);
                        value.append((char) Integer.parseInt(sql.substring(i - 1, end), 8));
                        i = end;
                    }
                    else {
                        // \\ and \' and any other character stand for themselves
                        value.append(next);
                    }
                }
            }
        }
        result.append('\'').append(value.toString().replace("'", "''")).append('\'');
        return i;
    }

    private static int digits(String sql, int start, int maximum, int radix)
    {
        int end = start;
        while (end < sql.length() && end - start < maximum && Character.digit(sql.charAt(end), radix) >= 0) {
            end++;
        }
        return end;
    }

    private static boolean isIdentifierPart(char c)
    {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
