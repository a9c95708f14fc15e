package io.basin.sql.parser;

import io.basin.error.BasinException;
import io.basin.sql.parser.SqlLexer.Kind;
import io.basin.sql.parser.SqlLexer.Token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static io.basin.error.BasinErrorCode.SYNTAX_ERROR;

/**
 * Parses Redshift's {@code CREATE EXTERNAL SCHEMA} for federated databases:
 * <pre>
 * CREATE EXTERNAL SCHEMA [ IF NOT EXISTS ] name
 *     FROM { POSTGRES | MYSQL }
 *     DATABASE 'database' [ SCHEMA 'schema' ]
 *     URI 'host' [ PORT port ]
 *     USER 'user'
 *     [ PASSWORD 'password' | PASSWORD_ENV 'variable' | PASSWORD_FILE 'path' ]
 *     [ SSLMODE 'disable' | 'prefer' | 'require' | 'verify-ca' | 'verify-full' ]
 *     [ SSLROOTCERT 'path' ]
 *     [ READ_PARALLELISM n ]
 * </pre>
 * ({@code READ_PARALLELISM}, Basin's own: how many connections read one large table at once,
 * the connectors' {@code read-parallelism}), or, for Iceberg tables ({@code DATABASE} names the catalog's namespace):
 * <pre>
 * CREATE EXTERNAL SCHEMA [ IF NOT EXISTS ] name
 *     FROM DATA CATALOG TYPE { 'jdbc' | 'hadoop' | 'rest' }
 *     DATABASE 'namespace' WAREHOUSE 'file:///path' | 's3a://bucket/path'
 *     [ URI 'jdbc-or-rest-url' ] [ CATALOG_NAME 'name the catalog was written under' ] [ USER 'catalog-user' ] [ PASSWORD 'catalog-password' ]
 *     [ FILE_FORMAT 'parquet' | 'orc' ]
 *     [ S3_ENDPOINT 'url' ] [ S3_REGION 'region' ] [ S3_PATH_STYLE_ACCESS 'true' | 'false' ]
 *     [ S3_ACCESS_KEY 'key' ] [ S3_SECRET_KEY 'secret' ]
 * </pre>
 * The clauses after {@code FROM} may come in any order, each at most once. Redshift's
 * {@code IAM_ROLE} and {@code SECRET_ARN} need AWS and are reported as not supported. Error
 * messages never quote a string constant: it may be a password.
 */
final class ExternalSchemaStatementParser
{
    private static final Set<String> SOURCES = Set.of("POSTGRES", "MYSQL");
    private static final Set<String> STRING_CLAUSES = Set.of("DATABASE", "SCHEMA", "URI", "USER", "PASSWORD", "PASSWORD_ENV", "PASSWORD_FILE", "SSLMODE", "SSLROOTCERT");
    private static final Set<String> INTEGER_CLAUSES = Set.of("PORT", "READ_PARALLELISM");
    private static final Set<String> DATA_CATALOG_CLAUSES = Set.of(
            "TYPE", "DATABASE", "WAREHOUSE", "CATALOG_NAME", "URI", "USER", "PASSWORD", "FILE_FORMAT",
            "S3_ENDPOINT", "S3_REGION", "S3_PATH_STYLE_ACCESS", "S3_ACCESS_KEY", "S3_SECRET_KEY");

    private final String sql;
    private final List<Token> tokens;
    private int index;

    private ExternalSchemaStatementParser(String sql)
    {
        this.sql = sql;
        this.tokens = SqlLexer.tokenizeWithoutComments(sql);
    }

    /** Whether the statement starts with {@code CREATE EXTERNAL SCHEMA}. */
    static boolean handles(List<SqlTokenizer.Token> tokens)
    {
        return tokens.size() > 2 && tokens.get(0).keyword().equals("CREATE") && tokens.get(1).keyword().equals("EXTERNAL") && tokens.get(2).keyword().equals("SCHEMA");
    }

    static Statement parse(String sql)
    {
        return new ExternalSchemaStatementParser(sql).statement();
    }

    private Statement statement()
    {
        index = 3;
        boolean ifNotExists = false;
        if (acceptKeyword("IF")) {
            expectKeyword("NOT");
            expectKeyword("EXISTS");
            ifNotExists = true;
        }
        String name = name();
        expectKeyword("FROM");
        String source = index < tokens.size() ? tokens.get(index).keyword() : "";
        if (source.equals("DATA")) {
            index++;
            expectKeyword("CATALOG");
            return dataCatalog(name, ifNotExists);
        }
        if (source.equals("POSTGRESQL")) {
            source = "POSTGRES";
        }
        if (!SOURCES.contains(source)) {
            throw syntaxError(index, "expected POSTGRES, MYSQL or DATA CATALOG");
        }
        index++;
        Map<String, String> options = new LinkedHashMap<>();
        while (index < tokens.size()) {
            Token token = tokens.get(index);
            String keyword = token.keyword();
            if (keyword.equals("IAM_ROLE") || keyword.equals("SECRET_ARN")) {
                throw unsupported(keyword + " (AWS credentials)");
            }
            if (!STRING_CLAUSES.contains(keyword) && !INTEGER_CLAUSES.contains(keyword)) {
                throw syntaxError(index, "syntax error at or near \"" + token.display() + "\"");
            }
            if (options.containsKey(keyword)) {
                throw new BasinException(SYNTAX_ERROR, "conflicting or redundant options: " + keyword);
            }
            index++;
            options.put(keyword, INTEGER_CLAUSES.contains(keyword) ? integer(keyword) : string(keyword + " needs a string constant"));
        }
        for (String required : List.of("DATABASE", "URI", "USER")) {
            if (!options.containsKey(required)) {
                throw syntaxError(tokens.size(), "CREATE EXTERNAL SCHEMA ... FROM " + source + " needs " + required);
            }
        }
        long passwords = options.keySet().stream().filter(key -> key.startsWith("PASSWORD")).count();
        if (passwords > 1) {
            throw new BasinException(SYNTAX_ERROR, "conflicting or redundant options: give one of PASSWORD, PASSWORD_ENV and PASSWORD_FILE");
        }
        return new Statement.CreateExternalSchema(name, source.toLowerCase(Locale.ROOT), options, ifNotExists);
    }

    private Statement dataCatalog(String name, boolean ifNotExists)
    {
        Map<String, String> options = new LinkedHashMap<>();
        while (index < tokens.size()) {
            Token token = tokens.get(index);
            String keyword = token.keyword();
            if (keyword.equals("IAM_ROLE") || keyword.equals("CATALOG_ROLE")) {
                throw unsupported(keyword + " (AWS credentials)");
            }
            if (!DATA_CATALOG_CLAUSES.contains(keyword)) {
                throw syntaxError(index, "syntax error at or near \"" + token.display() + "\"");
            }
            if (options.containsKey(keyword)) {
                throw new BasinException(SYNTAX_ERROR, "conflicting or redundant options: " + keyword);
            }
            index++;
            options.put(keyword, string(keyword + " needs a string constant"));
        }
        for (String required : List.of("TYPE", "DATABASE", "WAREHOUSE")) {
            if (!options.containsKey(required)) {
                throw syntaxError(tokens.size(), "CREATE EXTERNAL SCHEMA ... FROM DATA CATALOG needs " + required);
            }
        }
        return new Statement.CreateExternalSchema(name, "data_catalog", options, ifNotExists);
    }

    private String integer(String clause)
    {
        if (index >= tokens.size() || tokens.get(index).kind() != Kind.NUMBER || !tokens.get(index).value().chars().allMatch(Character::isDigit)) {
            throw syntaxError(index, clause + " needs an integer");
        }
        return tokens.get(index++).value();
    }

    private String string(String expected)
    {
        if (index >= tokens.size() || tokens.get(index).kind() != Kind.STRING) {
            throw syntaxError(index, expected);
        }
        Token token = tokens.get(index++);
        if (!token.terminated()) {
            throw syntaxError(index - 1, "unterminated quoted string");
        }
        return token.value();
    }

    private String name()
    {
        if (index >= tokens.size()) {
            throw syntaxError(index, "expected a schema name");
        }
        Token token = tokens.get(index);
        if (token.kind() == Kind.QUOTED_IDENTIFIER && token.terminated() && !token.value().isEmpty()) {
            index++;
            return token.value();
        }
        if (token.kind() == Kind.WORD) {
            index++;
            // unquoted identifiers fold to lower case, as in PostgreSQL
            return token.value().toLowerCase(Locale.ROOT);
        }
        throw syntaxError(index, "expected a schema name");
    }

    private boolean acceptKeyword(String keyword)
    {
        if (index < tokens.size() && tokens.get(index).keyword().equals(keyword)) {
            index++;
            return true;
        }
        return false;
    }

    private void expectKeyword(String keyword)
    {
        if (!acceptKeyword(keyword)) {
            throw syntaxError(index, "expected " + keyword);
        }
    }

    private BasinException syntaxError(int tokenIndex, String message)
    {
        int offset = tokenIndex < tokens.size() ? tokens.get(tokenIndex).start() : sql.length();
        return StatementParser.syntaxError(sql, offset, offset >= sql.length() ? message + " at end of input" : message);
    }

    private static BasinException unsupported(String what)
    {
        return new BasinException(FEATURE_NOT_SUPPORTED, what + " is not supported");
    }
}
