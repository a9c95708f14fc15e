package io.basin.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits the start of a statement into words, identifiers and symbols, for the few statements
 * Calcite's parser does not know (EXPLAIN, DROP, CREATE SCHEMA, SET/SHOW with PostgreSQL syntax).
 * Offsets are kept so errors can point into the original text.
 */
final class SqlTokenizer
{
    record Token(String text, boolean quoted, int offset)
    {
        String keyword()
        {
            return quoted ? "" : text.toUpperCase(Locale.ROOT);
        }

        /** The identifier as PostgreSQL folds it: unquoted lower-cased, quoted kept. */
        String identifier()
        {
            return quoted ? text : text.toLowerCase(Locale.ROOT);
        }
    }

    private SqlTokenizer() {}

    static List<Token> tokenize(String sql)
    {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                while (i < length && sql.charAt(i) != '\n') {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            }
            else if (c == '"') {
                StringBuilder text = new StringBuilder();
                int start = i++;
                while (i < length) {
                    if (sql.charAt(i) == '"') {
                        if (i + 1 < length && sql.charAt(i + 1) == '"') {
                            text.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    text.append(sql.charAt(i++));
                }
                tokens.add(new Token(text.toString(), true, start));
            }
            else if (c == '\'') {
                StringBuilder text = new StringBuilder();
                int start = i++;
                while (i < length) {
                    if (sql.charAt(i) == '\'') {
                        if (i + 1 < length && sql.charAt(i + 1) == '\'') {
                            text.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    text.append(sql.charAt(i++));
                }
                tokens.add(new Token("'" + text + "'", false, start));
            }
            else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int start = i;
                while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$' || sql.charAt(i) == '.')) {
                    i++;
                }
                // split dotted names into parts with "." tokens between them
                String word = sql.substring(start, i);
                int offset = start;
                for (String part : word.split("\\.", -1)) {
                    if (!part.isEmpty()) {
                        tokens.add(new Token(part, false, offset));
                    }
                    offset += part.length();
                    if (offset < i) {
                        tokens.add(new Token(".", false, offset));
                        offset++;
                    }
                }
            }
            else {
                tokens.add(new Token(String.valueOf(c), false, i));
                i++;
            }
        }
        return tokens;
    }
}
