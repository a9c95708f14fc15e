package io.basin.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The status line printed for a statement that returns no rows, in the form of PostgreSQL's
 * command tags, which psql users (and scripts that grep psql output) know: {@code INSERT 0 3},
 * {@code CREATE TABLE}, {@code SELECT 25} for {@code CREATE TABLE ... AS}, {@code DROP SCHEMA}.
 *
 * <p>The engine reports only an update count, so the tag's words come from the statement's
 * leading keywords; the statement has already parsed and run, so they are reliable.
 */
public final class CommandTag
{
    /** Words between CREATE/DROP/ALTER and the object kind that PostgreSQL leaves out of the tag. */
    private static final Set<String> MODIFIERS = Set.of("OR", "REPLACE", "TEMP", "TEMPORARY", "UNLOGGED", "LOCAL", "GLOBAL", "EXTERNAL", "IF");
    private static final int MAX_WORDS = 6;

    private CommandTag() {}

    public static String of(String sql, long updateCount)
    {
        List<String> words = leadingWords(sql);
        if (words.isEmpty()) {
            return withCount("OK", updateCount);
        }
        String verb = words.getFirst();
        return switch (verb) {
            // the 0 is the OID PostgreSQL once reported for single-row inserts; psql users expect it
            case "INSERT" -> "INSERT 0 " + Math.max(updateCount, 0);
            case "UPDATE", "DELETE", "MERGE", "COPY", "FETCH", "MOVE" -> withCount(verb, updateCount);
            case "CREATE", "DROP", "ALTER" -> {
                String object = objectKind(words);
                // CREATE TABLE ... AS reports the rows it wrote; PostgreSQL tags that SELECT n
                if (verb.equals("CREATE") && object.equals("TABLE") && updateCount >= 0) {
                    yield "SELECT " + updateCount;
                }
                yield object.isEmpty() ? verb : verb + " " + object;
            }
            case "WITH", "SELECT", "VALUES", "TABLE" -> withCount("SELECT", updateCount);
            // PostgreSQL's synonyms report their own tags: END commits, ABORT rolls back
            case "START" -> "START TRANSACTION";
            case "END" -> "COMMIT";
            case "ABORT" -> "ROLLBACK";
            default -> withCount(verb, updateCount);
        };
    }

    private static String withCount(String tag, long updateCount)
    {
        return updateCount >= 0 ? tag + " " + updateCount : tag;
    }

    private static String objectKind(List<String> words)
    {
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (MODIFIERS.contains(word)) {
                continue;
            }
            if (word.equals("MATERIALIZED") && i + 1 < words.size()) {
                return word + " " + words.get(i + 1);
            }
            return word;
        }
        return "";
    }

    /** The first few words of the statement, upper-cased, skipping whitespace and comments before and between them. */
    private static List<String> leadingWords(String sql)
    {
        List<String> words = new ArrayList<>();
        int position = 0;
        while (position < sql.length() && words.size() < MAX_WORDS) {
            char c = sql.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            }
            else if (sql.startsWith("--", position)) {
                int newline = sql.indexOf('\n', position);
                position = newline < 0 ? sql.length() : newline;
            }
            else if (sql.startsWith("/*", position)) {
                int end = sql.indexOf("*/", position + 2);
                position = end < 0 ? sql.length() : end + 2;
            }
            else if (Character.isLetter(c) || c == '_') {
                int start = position;
                while (position < sql.length() && (Character.isLetter(sql.charAt(position)) || sql.charAt(position) == '_')) {
                    position++;
                }
                words.add(sql.substring(start, position).toUpperCase(Locale.ROOT));
            }
            else {
                break;
            }
        }
        return words;
    }
}
