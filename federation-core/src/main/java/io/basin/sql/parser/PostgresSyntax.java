package io.basin.sql.parser;

import io.basin.sql.parser.SqlTokenizer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites the PostgreSQL spellings Calcite's parser does not read into ones it does, before
 * parsing: {@code OPERATOR(pg_catalog.~)} becomes {@code ~}; {@code COLLATE pg_catalog.default}
 * (and {@code "C"}, {@code "POSIX"}) is dropped, since Basin compares text by code point, which is
 * what those collations mean; {@code int2[]} becomes {@code int2 ARRAY}; an escape string
 * {@code E'a\nb'} becomes the plain string it denotes (Calcite reads it as a string of another
 * character set, which does not compare with text columns). Replacements are padded to the
 * length of what they replace where they are shorter, so error positions stay right.
 */
final class PostgresSyntax
{
    private PostgresSyntax() {}

    static String rewrite(String sql)
    {
        sql = EscapeStrings.rewrite(sql);
        sql = separateNumbersFromWords(sql);
        if (!mayNeedRewrite(sql)) {
            return PostgresOperators.rewrite(sql);
        }
        List<Token> tokens = SqlTokenizer.tokenize(sql);
        StringBuilder result = new StringBuilder(sql);
        // edit from the end so earlier offsets stay valid
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token token = tokens.get(i);
            String keyword = token.keyword();
            if (keyword.equals("OPERATOR") && next(tokens, i + 1, "(")) {
                int close = i + 2;
                StringBuilder operator = new StringBuilder();
                while (close < tokens.size() && !tokens.get(close).text().equals(")")) {
                    operator.append(tokens.get(close).text());
                    close++;
                }
                if (close >= tokens.size()) {
                    continue;
                }
                String symbol = operator.substring(operator.lastIndexOf(".") + 1);
                int end = tokens.get(close).offset() + 1;
                replace(result, token.offset(), end, symbol);
            }
            else if (keyword.equals("COLLATE") && i + 1 < tokens.size()) {
                int last = i + 1;
                while (last + 2 < tokens.size() && tokens.get(last + 1).text().equals(".") && !tokens.get(last + 1).quoted()) {
                    last += 2;
                }
                String collation = tokens.get(last).text().toLowerCase(Locale.ROOT);
                if (collation.equals("default") || collation.equals("c") || collation.equals("posix") || collation.equals("ucs_basic")) {
                    replace(result, token.offset(), end(sql, tokens.get(last)), "");
                }
            }
            else if (keyword.equals("UNNEST") && i >= 2 && tokens.get(i - 1).text().equals(".") && !tokens.get(i - 1).quoted()
                    && tokens.get(i - 2).keyword().equals("PG_CATALOG") && next(tokens, i + 1, "(")) {
                // pg_catalog.unnest(a): Calcite reads UNNEST only as a keyword, never qualified
                replace(result, tokens.get(i - 2).offset(), token.offset(), "");
            }
            else if (keyword.equals("PG_GET_LATE_BINDING_VIEW_COLS") && next(tokens, i + 1, "(") && next(tokens, i + 2, ")") && i + 4 < tokens.size()
                    && next(tokens, i + 4, "(")) {
                lateBindingViewColumns(sql, tokens, i, result);
            }
            else if (token.text().equals("[") && !token.quoted() && next(tokens, i + 1, "]") && i > 0 && isTypeName(tokens.get(i - 1))) {
                replace(result, token.offset(), tokens.get(i + 1).offset() + 1, " ARRAY");
            }
        }
        return PostgresOperators.rewrite(result.toString());
    }

    private static final java.util.regex.Pattern NUMBER_BEFORE_WORD = java.util.regex.Pattern.compile("[0-9][A-Za-z_]");

    /**
     * {@code THEN 1WHEN 'x'}: PostgreSQL (before 16) and Redshift read a number directly followed
     * by a word as two tokens, and Redshift's JDBC driver sends such text in getColumns; Calcite
     * does not, so a space is put between them (outside strings, quoted names and comments). An
     * exponent ({@code 1e5}, {@code 2.5E-3}) stays part of its number.
     */
    static String separateNumbersFromWords(String sql)
    {
        if (!NUMBER_BEFORE_WORD.matcher(sql).find()) {
            return sql;
        }
        StringBuilder result = new StringBuilder(sql.length() + 8);
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            int start = i;
            if (c == '\'' || c == '"') {
                i++;
                while (i < length && !(sql.charAt(i) == c && (i + 1 >= length || sql.charAt(i + 1) != c))) {
                    i += sql.charAt(i) == c ? 2 : 1;
                }
                i = Math.min(length, i + 1);
            }
            else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? length : end;
            }
            else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            }
            else if (c == '$' && dollarQuoteEnd(sql, i) > 0) {
                i = dollarQuoteEnd(sql, i);
            }
            else if (Character.isLetter(c) || c == '_' || c == '$') {
                while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
            }
            else if (Character.isDigit(c)) {
                while (i < length && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                if (i + 1 < length && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')
                        && (Character.isDigit(sql.charAt(i + 1)) || (sql.charAt(i + 1) == '+' || sql.charAt(i + 1) == '-') && i + 2 < length && Character.isDigit(sql.charAt(i + 2)))) {
                    i += 2;
                    while (i < length && Character.isDigit(sql.charAt(i))) {
                        i++;
                    }
                }
                result.append(sql, start, i);
                if (i < length && (Character.isLetter(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    result.append(' ');
                }
                continue;
            }
            else {
                i++;
            }
            result.append(sql, start, i);
        }
        return result.toString();
    }

    /** The end of a dollar-quoted string ({@code $$...$$}, {@code $tag$...$tag$}) starting at {@code start}, or -1. */
    private static int dollarQuoteEnd(String sql, int start)
    {
        int tagEnd = start + 1;
        while (tagEnd < sql.length() && (Character.isLetter(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) {
            tagEnd++;
        }
        if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$') {
            return -1;
        }
        String tag = sql.substring(start, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        return close < 0 ? -1 : close + tag.length();
    }

    /**
     * Redshift's {@code pg_get_late_binding_view_cols() alias(name type, ...)}, which Redshift's
     * JDBC driver reads in getColumns: the columns of late-binding views, of which Basin has none,
     * so an empty relation with those columns.
     */
    private static void lateBindingViewColumns(String sql, List<Token> tokens, int call, StringBuilder result)
    {
        int start = tokens.get(call).offset();
        if (call >= 2 && tokens.get(call - 1).text().equals(".") && tokens.get(call - 2).keyword().equals("PG_CATALOG")) {
            start = tokens.get(call - 2).offset();
        }
        String alias = tokens.get(call + 3).text();
        List<String> columns = new ArrayList<>();
        int i = call + 5;
        while (i < tokens.size() && !tokens.get(i).text().equals(")")) {
            String column = tokens.get(i).text();
            StringBuilder type = new StringBuilder();
            i++;
            while (i < tokens.size() && !tokens.get(i).text().equals(",") && !tokens.get(i).text().equals(")")) {
                type.append(type.isEmpty() ? "" : " ").append(tokens.get(i).text());
                i++;
            }
            String basinType = switch (type.toString().toLowerCase(Locale.ROOT)) {
                case "name", "text", "varchar", "character varying" -> "varchar";
                case "int", "integer", "int4" -> "integer";
                case "smallint", "int2" -> "smallint";
                case "bigint", "int8" -> "bigint";
                default -> type.toString();
            };
            columns.add("CAST(NULL AS " + basinType + ") AS \"" + column.replace("\"", "\"\"") + "\"");
            if (i < tokens.size() && tokens.get(i).text().equals(",")) {
                i++;
            }
        }
        if (i >= tokens.size()) {
            return;
        }
        replace(result, start, tokens.get(i).offset() + 1, "(SELECT " + String.join(", ", columns) + " LIMIT 0) " + alias);
    }

    private static boolean mayNeedRewrite(String sql)
    {
        String upper = sql.toUpperCase(Locale.ROOT);
        return upper.contains("OPERATOR") || upper.contains("PG_GET_LATE_BINDING_VIEW_COLS") || upper.contains("COLLATE") || upper.contains("UNNEST") || sql.contains("[]") || sql.contains("[ ]");
    }

    private static boolean isTypeName(Token token)
    {
        return token.quoted() || Character.isLetter(token.text().charAt(0));
    }

    private static boolean next(List<Token> tokens, int index, String text)
    {
        return index < tokens.size() && !tokens.get(index).quoted() && tokens.get(index).text().equals(text);
    }

    /** Where a token ends in the source (quoted identifiers are longer than their text). */
    private static int end(String sql, Token token)
    {
        if (!token.quoted()) {
            return token.offset() + token.text().length();
        }
        int i = token.offset() + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == '"') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static void replace(StringBuilder sql, int start, int end, String replacement)
    {
        String padded = replacement.length() < end - start ? replacement + " ".repeat(end - start - replacement.length()) : replacement;
        sql.replace(start, end, padded);
    }
}
