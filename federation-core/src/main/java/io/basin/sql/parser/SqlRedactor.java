package io.basin.sql.parser;

import io.basin.sql.parser.SqlLexer.Kind;
import io.basin.sql.parser.SqlLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes SQL text safe to log: the string constants that may be secrets become {@code '***'}.
 * Log statements through this, never as received, and never log a {@code PASSWORD} clause's value.
 * <p>
 * A string constant is redacted when it follows (optionally after {@code =}) the keyword
 * {@code PASSWORD} or a word, quoted identifier or string naming a secret: anything containing
 * {@code password}, {@code passwd}, {@code secret}, {@code credential}, {@code session_token} or {@code access_key}
 * ({@code SECRET_ACCESS_KEY '…'}, {@code CREDENTIALS '…'}, {@code 's3.secret-access-key' = '…'}).
 * String constants in every PostgreSQL form are recognized, adjacent constants (which PostgreSQL
 * joins) are redacted together, an unterminated one to the end of the text, and comments are
 * redacted by the same rules. It errs towards redacting too much: {@code WHERE password = 'x'}
 * loses its {@code 'x'} too.
 */
public final class SqlRedactor
{
    public static final String REDACTED = "'***'";

    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "secret", "credential", "session_token", "access_key", "access-key");

    private SqlRedactor() {}

    public static String redact(String sql)
    {
        List<Token> tokens = SqlLexer.tokenize(sql);
        record Replacement(int start, int end, String text) {}
        List<Replacement> replacements = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Kind.COMMENT) {
                replacements.add(new Replacement(token.start(), token.end(), redactComment(token)));
                continue;
            }
            if (!namesSecret(token)) {
                continue;
            }
            int next = nextNonComment(tokens, i + 1);
            if (next < tokens.size() && tokens.get(next).isSymbol('=')) {
                next = nextNonComment(tokens, next + 1);
            }
            if (next >= tokens.size() || tokens.get(next).kind() != Kind.STRING) {
                continue;
            }
            int last = next;
            for (int following = nextNonComment(tokens, last + 1); following < tokens.size() && tokens.get(following).kind() == Kind.STRING; following = nextNonComment(tokens, last + 1)) {
                last = following;
            }
            // comments between joined constants go with them
            int start = tokens.get(next).start();
            int end = tokens.get(last).end();
            replacements.removeIf(replacement -> replacement.start() >= start && replacement.end() <= end);
            replacements.add(new Replacement(start, end, REDACTED));
            i = last;
        }
        replacements.sort((a, b) -> Integer.compare(a.start(), b.start()));
        StringBuilder result = new StringBuilder(sql.length());
        int copied = 0;
        for (Replacement replacement : replacements) {
            result.append(sql, copied, replacement.start()).append(replacement.text());
            copied = replacement.end();
        }
        return result.append(sql, copied, sql.length()).toString();
    }

    private static boolean namesSecret(Token token)
    {
        String name = switch (token.kind()) {
            case WORD, QUOTED_IDENTIFIER, STRING -> token.value().toLowerCase(Locale.ROOT);
            default -> "";
        };
        return !name.isEmpty() && SECRET_WORDS.stream().anyMatch(name::contains);
    }

    private static int nextNonComment(List<Token> tokens, int index)
    {
        while (index < tokens.size() && tokens.get(index).kind() == Kind.COMMENT) {
            index++;
        }
        return index;
    }

    private static String redactComment(Token comment)
    {
        String text = comment.value();
        if (text.startsWith("--")) {
            return "--" + redact(text.substring(2));
        }
        int bodyEnd = comment.terminated() ? text.length() - 2 : text.length();
        return "/*" + redact(text.substring(2, bodyEnd)) + (comment.terminated() ? "*/" : "");
    }
}
