package io.basin.sql.parser;

import io.basin.sql.parser.SqlLexer.Kind;
import io.basin.sql.parser.SqlLexer.Token;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Time travel in a {@code FROM} clause, as in Trino: {@code t FOR VERSION AS OF 123} (a snapshot
 * id) and {@code t FOR TIMESTAMP AS OF '2024-05-01 12:00:00 UTC'}. Calcite has no such clause,
 * so the table name before it is rewritten to carry the version ({@code "t@version=123"},
 * {@code "t@timestamp=2024-05-01 12:00:00 UTC"}); {@link io.basin.metadata.TableVersions} reads it back when the
 * table is resolved and hands the version to the connector.
 */
final class TableVersionSyntax
{
    /** What a timestamp constant may contain, so that it cannot end the quoted name it goes into. */
    private static final Pattern AS_OF = Pattern.compile("(?i)\\bAS\\s+OF\\b");
    private static final Pattern TIMESTAMP_TEXT = Pattern.compile("[0-9A-Za-z:.+\\-/_ ]{1,64}");

    private TableVersionSyntax() {}

    static String rewrite(String sql)
    {
        if (!AS_OF.matcher(sql).find()) {
            return sql;
        }
        List<Token> tokens = SqlLexer.tokenizeWithoutComments(sql);
        StringBuilder result = new StringBuilder();
        int copied = 0;
        for (int i = 1; i + 4 < tokens.size(); i++) {
            Token name = tokens.get(i - 1);
            String kind = tokens.get(i + 1).keyword();
            if (!tokens.get(i).keyword().equals("FOR") || !(kind.equals("VERSION") || kind.equals("TIMESTAMP"))
                    || !tokens.get(i + 2).keyword().equals("AS") || !tokens.get(i + 3).keyword().equals("OF")) {
                continue;
            }
            if (name.kind() != Kind.WORD && name.kind() != Kind.QUOTED_IDENTIFIER) {
                throw StatementParser.syntaxError(sql, tokens.get(i).start(), "FOR " + kind + " AS OF must follow a table name");
            }
            Token value = tokens.get(i + 4);
            String suffix;
            if (kind.equals("VERSION")) {
                if (value.kind() != Kind.NUMBER || !value.value().chars().allMatch(Character::isDigit)) {
                    throw StatementParser.syntaxError(sql, value.start(), "FOR VERSION AS OF needs a snapshot id (an integer)");
                }
                suffix = io.basin.metadata.TableVersions.VERSION_MARKER + value.value();
            }
            else {
                if (value.kind() != Kind.STRING || !value.terminated() || !TIMESTAMP_TEXT.matcher(value.value()).matches()) {
                    throw StatementParser.syntaxError(sql, value.start(), "FOR TIMESTAMP AS OF needs a timestamp constant such as '2024-05-01 12:00:00 UTC'");
                }
                suffix = io.basin.metadata.TableVersions.TIMESTAMP_MARKER + value.value();
            }
            // unquoted names fold to lower case, as Calcite would have folded them
            String table = name.kind() == Kind.WORD ? name.value().toLowerCase(Locale.ROOT) : name.value();
            result.append(sql, copied, name.start()).append('"').append(table.replace("\"", "\"\"")).append(suffix).append('"');
            copied = value.end();
            i += 4;
        }
        return copied == 0 ? sql : result.append(sql, copied, sql.length()).toString();
    }
}
