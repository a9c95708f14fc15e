package io.basin.sql.parser;

import io.basin.sql.parser.SqlTokenizer.Token;

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
            else if (token.text().equals("[") && !token.quoted() && next(tokens, i + 1, "]") && i > 0 && isTypeName(tokens.get(i - 1))) {
                replace(result, token.offset(), tokens.get(i + 1).offset() + 1, " ARRAY");
            }
        }
        return PostgresOperators.rewrite(result.toString());
    }

    private static boolean mayNeedRewrite(String sql)
    {
        String upper = sql.toUpperCase(Locale.ROOT);
        return upper.contains("OPERATOR") || upper.contains("COLLATE") || upper.contains("UNNEST") || sql.contains("[]") || sql.contains("[ ]");
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
