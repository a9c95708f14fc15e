package io.basin.sql.parser;

import io.basin.error.BasinException;
import io.basin.sql.parser.SqlLexer.Kind;
import io.basin.sql.parser.SqlLexer.Token;
import io.basin.sql.parser.Statement.PasswordOption;
import io.basin.sql.parser.Statement.UserOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static io.basin.error.BasinErrorCode.SYNTAX_ERROR;

/**
 * Parses CREATE/ALTER/DROP USER and ROLE, in Redshift's syntax with PostgreSQL's spellings:
 * <pre>
 * CREATE { USER | ROLE } name [ WITH ] [ option ... ]
 * ALTER { USER | ROLE } name [ WITH ] [ option ... ]
 * ALTER { USER | ROLE } name RENAME TO new_name
 * DROP { USER | ROLE } [ IF EXISTS ] name [, ...]
 *
 * option: [ ENCRYPTED ] PASSWORD { 'password' | 'md5…' | 'SCRAM-SHA-256$…' | DISABLE | NULL }
 *       | CREATEDB | NOCREATEDB | CREATEUSER | NOCREATEUSER | SUPERUSER | NOSUPERUSER
 *       | LOGIN | NOLOGIN | VALID UNTIL 'timestamp' | CONNECTION LIMIT { n | UNLIMITED }
 * </pre>
 * PostgreSQL's INHERIT, NOCREATEROLE, NOREPLICATION and NOBYPASSRLS (as pg_dumpall writes them)
 * are accepted and mean nothing here; the opposite options are not supported. Error messages never
 * quote a string constant: it may be a password.
 */
final class UserStatementParser
{
    /** Options that state what Basin's users are anyway. */
    private static final Set<String> DEFAULT_OPTIONS = Set.of("INHERIT", "NOCREATEROLE", "NOREPLICATION", "NOBYPASSRLS");
    private static final Set<String> UNSUPPORTED_OPTIONS = Set.of("NOINHERIT", "CREATEROLE", "REPLICATION", "BYPASSRLS", "IN", "ROLE", "ADMIN", "USER", "SYSID", "SYSLOG", "SESSION", "EXTERNALID", "GROUP");

    private final String sql;
    private final List<Token> tokens;
    private int index;

    private UserStatementParser(String sql)
    {
        this.sql = sql;
        this.tokens = SqlLexer.tokenizeWithoutComments(sql);
    }

    /** Whether {@code first} and {@code second} (upper-cased keywords) start a statement parsed here. */
    static boolean handles(String first, String second)
    {
        return (first.equals("CREATE") || first.equals("ALTER") || first.equals("DROP"))
                && (second.equals("USER") || second.equals("ROLE"));
    }

    static Statement parse(String sql)
    {
        return new UserStatementParser(sql).statement();
    }

    private Statement statement()
    {
        String verb = next().keyword();
        boolean role = next().keyword().equals("ROLE");
        Statement statement = switch (verb) {
            case "CREATE" -> new Statement.CreateUser(name(), options(), role);
            case "ALTER" -> alter();
            case "DROP" -> drop();
            default -> throw new IllegalStateException("not a user statement: " + verb);
        };
        if (index < tokens.size()) {
            throw syntaxError(tokens.get(index));
        }
        return statement;
    }

    private Statement alter()
    {
        String name = name();
        if (acceptKeyword("RENAME")) {
            expectKeyword("TO");
            return new Statement.RenameUser(name, name());
        }
        if (peekKeyword("SET") || peekKeyword("RESET")) {
            throw unsupported("ALTER USER ... " + tokens.get(index).keyword() + " (per-user session defaults)");
        }
        return new Statement.AlterUser(name, options());
    }

    private Statement drop()
    {
        boolean ifExists = false;
        if (acceptKeyword("IF")) {
            expectKeyword("EXISTS");
            ifExists = true;
        }
        List<String> names = new ArrayList<>();
        names.add(name());
        while (index < tokens.size() && tokens.get(index).isSymbol(',')) {
            index++;
            names.add(name());
        }
        return new Statement.DropUser(names, ifExists);
    }

    private UserOptions options()
    {
        acceptKeyword("WITH");
        Optional<PasswordOption> password = Optional.empty();
        Optional<Boolean> superuser = Optional.empty();
        Optional<Boolean> createDatabase = Optional.empty();
        Optional<Boolean> login = Optional.empty();
        Optional<String> validUntil = Optional.empty();
        OptionalInt connectionLimit = OptionalInt.empty();
        while (index < tokens.size()) {
            Token token = tokens.get(index);
            String keyword = token.keyword();
            switch (keyword) {
                case "PASSWORD", "ENCRYPTED", "UNENCRYPTED" -> {
                    index++;
                    if (!keyword.equals("PASSWORD")) {
                        if (keyword.equals("UNENCRYPTED")) {
                            throw unsupported("UNENCRYPTED PASSWORD");
                        }
                        expectKeyword("PASSWORD");
                    }
                    password = once(password, passwordValue(), token);
                }
                case "SUPERUSER", "CREATEUSER" -> {
                    index++;
                    superuser = once(superuser, true, token);
                }
                case "NOSUPERUSER", "NOCREATEUSER" -> {
                    index++;
                    superuser = once(superuser, false, token);
                }
                case "CREATEDB", "NOCREATEDB" -> {
                    index++;
                    createDatabase = once(createDatabase, keyword.equals("CREATEDB"), token);
                }
                case "LOGIN", "NOLOGIN" -> {
                    index++;
                    login = once(login, keyword.equals("LOGIN"), token);
                }
                case "VALID" -> {
                    index++;
                    expectKeyword("UNTIL");
                    validUntil = once(validUntil, string("VALID UNTIL needs a timestamp string"), token);
                }
                case "CONNECTION" -> {
                    index++;
                    expectKeyword("LIMIT");
                    if (connectionLimit.isPresent()) {
                        throw redundant(token);
                    }
                    connectionLimit = OptionalInt.of(connectionLimit());
                }
                default -> {
                    if (DEFAULT_OPTIONS.contains(keyword)) {
                        index++;
                    }
                    else if (UNSUPPORTED_OPTIONS.contains(keyword)) {
                        throw unsupported("option " + keyword);
                    }
                    else {
                        throw syntaxError(token);
                    }
                }
            }
        }
        return new UserOptions(password, superuser, createDatabase, login, validUntil, connectionLimit);
    }

    private PasswordOption passwordValue()
    {
        if (acceptKeyword("DISABLE") || acceptKeyword("NULL")) {
            return new PasswordOption.Disabled();
        }
        return new PasswordOption.Literal(string("PASSWORD needs a string, DISABLE or NULL"));
    }

    /** A string constant; constants separated by a line break are joined, as PostgreSQL does. */
    private String string(String expected)
    {
        if (index >= tokens.size() || tokens.get(index).kind() != Kind.STRING) {
            throw syntaxError(index < tokens.size() ? tokens.get(index).start() : sql.length(), expected);
        }
        Token first = tokens.get(index++);
        checkTerminated(first);
        StringBuilder value = new StringBuilder(first.value());
        Token previous = first;
        while (index < tokens.size() && tokens.get(index).kind() == Kind.STRING && sql.substring(previous.end(), tokens.get(index).start()).contains("\n")) {
            previous = tokens.get(index++);
            checkTerminated(previous);
            value.append(previous.value());
        }
        return value.toString();
    }

    private void checkTerminated(Token token)
    {
        if (!token.terminated()) {
            throw syntaxError(token.start(), "unterminated quoted string");
        }
    }

    private int connectionLimit()
    {
        if (acceptKeyword("UNLIMITED")) {
            return -1;
        }
        boolean negative = index < tokens.size() && tokens.get(index).isSymbol('-');
        if (negative) {
            index++;
        }
        if (index >= tokens.size() || tokens.get(index).kind() != Kind.NUMBER || !tokens.get(index).value().chars().allMatch(Character::isDigit)) {
            throw syntaxError(index < tokens.size() ? tokens.get(index).start() : sql.length(), "CONNECTION LIMIT needs an integer or UNLIMITED");
        }
        Token number = tokens.get(index++);
        int value;
        try {
            value = Integer.parseInt(number.value());
        }
        catch (NumberFormatException e) {
            throw syntaxError(number.start(), "CONNECTION LIMIT is out of range");
        }
        return negative ? -value : value;
    }

    private String name()
    {
        if (index >= tokens.size()) {
            throw syntaxError(sql.length(), "expected a user name");
        }
        Token token = tokens.get(index);
        if (token.kind() == Kind.QUOTED_IDENTIFIER) {
            if (!token.terminated()) {
                throw syntaxError(token.start(), "unterminated quoted identifier");
            }
            index++;
            return token.value();
        }
        if (token.kind() == Kind.WORD) {
            index++;
            // unquoted identifiers fold to lower case, as in PostgreSQL
            return token.value().toLowerCase(Locale.ROOT);
        }
        throw syntaxError(token);
    }

    private static <T> Optional<T> once(Optional<T> current, T value, Token option)
    {
        if (current.isPresent()) {
            throw redundant(option);
        }
        return Optional.of(value);
    }

    private static BasinException redundant(Token option)
    {
        return new BasinException(SYNTAX_ERROR, "conflicting or redundant options: " + option.keyword());
    }

    private boolean acceptKeyword(String keyword)
    {
        if (peekKeyword(keyword)) {
            index++;
            return true;
        }
        return false;
    }

    private boolean peekKeyword(String keyword)
    {
        return index < tokens.size() && tokens.get(index).keyword().equals(keyword);
    }

    private void expectKeyword(String keyword)
    {
        if (!acceptKeyword(keyword)) {
            throw syntaxError(index < tokens.size() ? tokens.get(index).start() : sql.length(), "expected " + keyword);
        }
    }

    private Token next()
    {
        return tokens.get(index++);
    }

    private BasinException syntaxError(Token token)
    {
        return syntaxError(token.start(), "syntax error at or near \"" + token.display() + "\"");
    }

    private BasinException syntaxError(int offset, String message)
    {
        String near = offset >= sql.length() ? "at end of input" : "";
        return StatementParser.syntaxError(sql, offset, near.isEmpty() ? message : message + " " + near);
    }

    private static BasinException unsupported(String what)
    {
        return new BasinException(FEATURE_NOT_SUPPORTED, what + " is not supported");
    }
}
