package io.basin.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Splits SQL text into tokens the way PostgreSQL's scanner does for the cases that matter when
 * a statement carries secrets: string constants in all their forms ({@code '…'} with {@code ''},
 * {@code E'…'} with backslash escapes, {@code U&'…'}, {@code $tag$…$tag$}, and the {@code B}, {@code X}
 * and {@code N} prefixes), quoted identifiers, nested block comments and line comments. Every token
 * keeps its offsets, so the text can be rewritten or errors pointed into it. Used to parse the
 * user statements and to redact secrets; queries are parsed by Calcite.
 */
final class SqlLexer
{
    enum Kind
    {
        WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL, COMMENT
    }

    /**
     * A token: {@code value} is the decoded string or identifier (unquoted, escapes resolved), the
     * word or symbol as written, or a comment's text. {@code terminated} is false for a string,
     * quoted identifier or block comment that runs to the end of the text.
     */
    record Token(Kind kind, int start, int end, String value, boolean terminated)
    {
        Token
        {
            requireNonNull(kind, "kind is null");
            requireNonNull(value, "value is null");
        }

        /** The word upper-cased, or empty for any other token. */
        String keyword()
        {
            return kind == Kind.WORD ? value.toUpperCase(Locale.ROOT) : "";
        }

        boolean isSymbol(char symbol)
        {
            return kind == Kind.SYMBOL && value.length() == 1 && value.charAt(0) == symbol;
        }

        /** Unsafe to show: a string constant's text may be a password. */
        String display()
        {
            return kind == Kind.STRING ? "'***'" : value;
        }
    }

    private final String sql;
    private int position;

    private SqlLexer(String sql)
    {
        this.sql = sql;
    }

    /** All tokens, comments included. */
    static List<Token> tokenize(String sql)
    {
        SqlLexer lexer = new SqlLexer(requireNonNull(sql, "sql is null"));
        List<Token> tokens = new ArrayList<>();
        Token token;
        while ((token = lexer.next()) != null) {
            tokens.add(token);
        }
        return tokens;
    }

    /** The tokens without comments. */
    static List<Token> tokenizeWithoutComments(String sql)
    {
        return tokenize(sql).stream().filter(token -> token.kind() != Kind.COMMENT).toList();
    }

    private Token next()
    {
        while (position < sql.length() && Character.isWhitespace(sql.charAt(position))) {
            position++;
        }
        if (position >= sql.length()) {
            return null;
        }
        int start = position;
        char c = sql.charAt(position);
        if (c == '-' && startsWith("--")) {
            int newline = sql.indexOf('\n', position);
            position = newline < 0 ? sql.length() : newline;
            return new Token(Kind.COMMENT, start, position, sql.substring(start, position), true);
        }
        if (c == '/' && startsWith("/*")) {
            return blockComment(start);
        }
        if (c == '\'') {
            return standardString(start, position);
        }
        if (c == '"') {
            return quotedIdentifier(start, position);
        }
        if (c == '$') {
            Token dollarQuoted = dollarQuotedString(start);
            if (dollarQuoted != null) {
                return dollarQuoted;
            }
            position++;
            return new Token(Kind.SYMBOL, start, position, "$", true);
        }
        if (isIdentifierStart(c)) {
            return wordOrPrefixedString(start);
        }
        if (Character.isDigit(c) || (c == '.' && position + 1 < sql.length() && Character.isDigit(sql.charAt(position + 1)))) {
            return number(start);
        }
        position++;
        return new Token(Kind.SYMBOL, start, position, String.valueOf(c), true);
    }

    private Token blockComment(int start)
    {
        // PostgreSQL's block comments nest
        int depth = 0;
        while (position < sql.length()) {
            if (startsWith("/*")) {
                depth++;
                position += 2;
            }
            else if (startsWith("*/")) {
                depth--;
                position += 2;
                if (depth == 0) {
                    return new Token(Kind.COMMENT, start, position, sql.substring(start, position), true);
                }
            }
            else {
                position++;
            }
        }
        return new Token(Kind.COMMENT, start, position, sql.substring(start, position), false);
    }

    private Token wordOrPrefixedString(int start)
    {
        char c = sql.charAt(position);
        char next = position + 1 < sql.length() ? sql.charAt(position + 1) : '\0';
        if ((c == 'E' || c == 'e') && next == '\'') {
            position++;
            return escapeString(start);
        }
        if ((c == 'B' || c == 'b' || c == 'X' || c == 'x' || c == 'N' || c == 'n') && next == '\'') {
            position++;
            return standardString(start, position);
        }
        if ((c == 'U' || c == 'u') && next == '&' && position + 2 < sql.length()) {
            char quote = sql.charAt(position + 2);
            if (quote == '\'' || quote == '"') {
                position += 2;
                Token quoted = quote == '\'' ? standardString(start, position) : quotedIdentifier(start, position);
                return new Token(quoted.kind(), start, quoted.end(), decodeUnicodeEscapes(quoted.value()), quoted.terminated());
            }
        }
        while (position < sql.length() && isIdentifierPart(sql.charAt(position))) {
            position++;
        }
        return new Token(Kind.WORD, start, position, sql.substring(start, position), true);
    }

    /** {@code '…'} with {@code ''} for a quote; {@code quote} is the offset of the opening quote. */
    private Token standardString(int start, int quote)
    {
        position = quote + 1;
        StringBuilder value = new StringBuilder();
        while (position < sql.length()) {
            char c = sql.charAt(position++);
            if (c == '\'') {
                if (position < sql.length() && sql.charAt(position) == '\'') {
                    value.append('\'');
                    position++;
                    continue;
                }
                return new Token(Kind.STRING, start, position, value.toString(), true);
            }
            value.append(c);
        }
        return new Token(Kind.STRING, start, position, value.toString(), false);
    }

    /** {@code E'…'}: backslash escapes as in PostgreSQL, and {@code ''}. */
    private Token escapeString(int start)
    {
        position++;
        StringBuilder value = new StringBuilder();
        while (position < sql.length()) {
            char c = sql.charAt(position++);
            if (c == '\'') {
                if (position < sql.length() && sql.charAt(position) == '\'') {
                    value.append('\'');
                    position++;
                    continue;
                }
                return new Token(Kind.STRING, start, position, value.toString(), true);
            }
            if (c != '\\' || position >= sql.length()) {
                value.append(c);
                continue;
            }
            char escaped = sql.charAt(position++);
            switch (escaped) {
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'x' -> value.appendCodePoint(readDigits(16, 2, 0));
                case 'u' -> value.appendCodePoint(readDigits(16, 4, 4));
                case 'U' -> value.appendCodePoint(readDigits(16, 8, 8));
                default -> {
                    if (escaped >= '0' && escaped <= '7') {
                        position--;
                        value.appendCodePoint(readDigits(8, 3, 0));
                    }
                    else {
                        value.append(escaped);
                    }
                }
            }
        }
        return new Token(Kind.STRING, start, position, value.toString(), false);
    }

    /** Up to {@code max} digits in {@code radix}; exactly {@code exact} when it is not 0. */
    private int readDigits(int radix, int max, int exact)
    {
        int value = 0;
        int count = 0;
        while (count < max && position < sql.length() && Character.digit(sql.charAt(position), radix) >= 0) {
            value = value * radix + Character.digit(sql.charAt(position), radix);
            position++;
            count++;
        }
        if ((exact != 0 && count != exact) || count == 0 || !Character.isValidCodePoint(value)) {
            // not a valid escape: PostgreSQL rejects the string; keep a replacement character so the error shows later
            return 0xFFFD;
        }
        return value;
    }

    /** {@code "…"} with {@code ""} for a quote; {@code quote} is the offset of the opening quote. */
    private Token quotedIdentifier(int start, int quote)
    {
        position = quote + 1;
        StringBuilder value = new StringBuilder();
        while (position < sql.length()) {
            char c = sql.charAt(position++);
            if (c == '"') {
                if (position < sql.length() && sql.charAt(position) == '"') {
                    value.append('"');
                    position++;
                    continue;
                }
                return new Token(Kind.QUOTED_IDENTIFIER, start, position, value.toString(), true);
            }
            value.append(c);
        }
        return new Token(Kind.QUOTED_IDENTIFIER, start, position, value.toString(), false);
    }

    /** {@code $tag$…$tag$}, or null when the {@code $} does not open one ({@code $1} is a parameter). */
    private Token dollarQuotedString(int start)
    {
        int tagEnd = position + 1;
        if (tagEnd < sql.length() && isIdentifierStart(sql.charAt(tagEnd)) && sql.charAt(tagEnd) != '$') {
            tagEnd++;
            while (tagEnd < sql.length() && isIdentifierPart(sql.charAt(tagEnd)) && sql.charAt(tagEnd) != '$') {
                tagEnd++;
            }
        }
        if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$') {
            return null;
        }
        String tag = sql.substring(position, tagEnd + 1);
        int bodyStart = tagEnd + 1;
        int close = sql.indexOf(tag, bodyStart);
        if (close < 0) {
            position = sql.length();
            return new Token(Kind.STRING, start, position, sql.substring(bodyStart), false);
        }
        position = close + tag.length();
        return new Token(Kind.STRING, start, position, sql.substring(bodyStart, close), true);
    }

    private Token number(int start)
    {
        while (position < sql.length() && (Character.isLetterOrDigit(sql.charAt(position)) || sql.charAt(position) == '.' || sql.charAt(position) == '_')) {
            char c = sql.charAt(position);
            position++;
            // an exponent's sign belongs to the number
            if ((c == 'e' || c == 'E') && position < sql.length() && (sql.charAt(position) == '+' || sql.charAt(position) == '-')) {
                position++;
            }
        }
        return new Token(Kind.NUMBER, start, position, sql.substring(start, position), true);
    }

    /** Resolves {@code \XXXX} and {@code \+XXXXXX} of a U&amp; string (with the default escape character). */
    private static String decodeUnicodeEscapes(String text)
    {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                value.append(c);
                continue;
            }
            if (text.charAt(i + 1) == '\\') {
                value.append('\\');
                i++;
                continue;
            }
            int digits = text.charAt(i + 1) == '+' ? 6 : 4;
            int from = text.charAt(i + 1) == '+' ? i + 2 : i + 1;
            if (from + digits <= text.length() && text.substring(from, from + digits).chars().allMatch(d -> Character.digit(d, 16) >= 0)) {
                int code = Integer.parseInt(text.substring(from, from + digits), 16);
                value.appendCodePoint(Character.isValidCodePoint(code) ? code : 0xFFFD);
                i = from + digits - 1;
            }
            else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private boolean startsWith(String prefix)
    {
        return sql.startsWith(prefix, position);
    }

    private static boolean isIdentifierStart(char c)
    {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c)
    {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
