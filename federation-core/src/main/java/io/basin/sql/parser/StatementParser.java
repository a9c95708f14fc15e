package io.basin.sql.parser;

import io.basin.error.BasinException;
import io.basin.sql.parser.SqlTokenizer.Token;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static io.basin.error.BasinErrorCode.STATEMENT_TOO_COMPLEX;
import static io.basin.error.BasinErrorCode.SYNTAX_ERROR;

/**
 * Parses one SQL statement in Basin's PostgreSQL/Redshift dialect. Queries and most DML/DDL go
 * through Calcite's Babel parser; the few statements it lacks are parsed here from tokens.
 */
public final class StatementParser
{
    static {
        io.basin.sql.planner.CalciteCharset.useUtf8();
    }

    public static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
            .withParserFactory(SqlBabelParserImpl.FACTORY)
            .withConformance(SqlConformanceEnum.BABEL)
            .withUnquotedCasing(Casing.TO_LOWER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withIdentifierMaxLength(1024);

    private StatementParser() {}

    public static Statement parse(String sql)
    {
        try {
            Statement statement = parseStatement(sql);
            return statement instanceof Statement.Query query ? new Statement.Query(query.query(), Optional.of(sql)) : statement;
        }
        catch (StackOverflowError e) {
            throw tooDeeplyNested(e);
        }
    }

    /**
     * PostgreSQL's answer to a statement nested deeper than its stack allows; the connection and
     * the server go on.
     */
    public static BasinException tooDeeplyNested(Throwable cause)
    {
        return new BasinException(STATEMENT_TOO_COMPLEX, "stack depth limit exceeded", cause);
    }

    private static Statement parseStatement(String sql)
    {
        String text = stripTrailingSemicolons(sql);
        List<Token> tokens = SqlTokenizer.tokenize(text);
        if (tokens.isEmpty()) {
            throw new BasinException(SYNTAX_ERROR, "Empty statement");
        }
        String first = tokens.getFirst().keyword();
        String second = tokens.size() > 1 ? tokens.get(1).keyword() : "";
        if (UserStatementParser.handles(first, second)) {
            return UserStatementParser.parse(text);
        }
        if (ExternalSchemaStatementParser.handles(tokens)) {
            return ExternalSchemaStatementParser.parse(text);
        }
        switch (first) {
            case "EXPLAIN" -> {
                return ExplainStatementParser.parse(text, tokens);
            }
            case "DROP" -> {
                if (second.equals("TABLE") || second.equals("VIEW")) {
                    return parseDropTable(text, tokens);
                }
                if (second.equals("SCHEMA")) {
                    return parseDropSchema(text, tokens);
                }
            }
            case "CREATE" -> {
                if (second.equals("SCHEMA")) {
                    return parseCreateSchema(text, tokens);
                }
            }
            case "SHOW" -> {
                return new Statement.Show(showName(tokens));
            }
            case "RESET" -> {
                return new Statement.SetSession(settingName(text, tokens, 1).name(), Optional.empty());
            }
            case "SET" -> {
                return SetStatementParser.parse(text, tokens);
            }
            case "BEGIN", "START" -> {
                return parseTransaction(text, tokens, Statement.TransactionControl.Kind.BEGIN);
            }
            case "COMMIT", "END" -> {
                return parseTransaction(text, tokens, Statement.TransactionControl.Kind.COMMIT);
            }
            case "ROLLBACK", "ABORT" -> {
                return parseTransaction(text, tokens, Statement.TransactionControl.Kind.ROLLBACK);
            }
            case "COPY" -> {
                return CopyStatementParser.parse(text, tokens);
            }
            case "UNLOAD" -> {
                return CopyStatementParser.parseUnload(text, tokens);
            }
            case "TRUNCATE" -> {
                int index = second.equals("TABLE") ? 2 : 1;
                NameAndEnd name = parseName(text, tokens, index);
                expectEnd(text, tokens, name.end());
                return new Statement.Truncate(name.parts());
            }
            case "DELETE" -> {
                return parseDelete(text, tokens);
            }
            case "INSERT" -> {
                // INSERT INTO t DEFAULT VALUES, which Calcite does not parse; other INSERTs are Calcite's
                if (second.equals("INTO") && tokens.size() > 3) {
                    NameAndEnd name = parseName(text, tokens, 2);
                    if (matches(tokens, name.end(), "DEFAULT", "VALUES")) {
                        expectEnd(text, tokens, name.end() + 2);
                        return new Statement.Insert(name.parts(), Optional.of(List.of()), parseWithCalcite("VALUES (DEFAULT)"));
                    }
                }
            }
            case "UPDATE" -> {
                return parseUpdate(text, tokens);
            }
            case "ANALYZE", "ANALYSE" -> {
                int index = 1;
                if (matches(tokens, index, "VERBOSE")) {
                    index++;
                }
                if (index >= tokens.size() || matches(tokens, index, "PREDICATE", "COLUMNS") || matches(tokens, index, "ALL", "COLUMNS")) {
                    return new Statement.Analyze(Optional.empty());
                }
                NameAndEnd name = parseName(text, tokens, index);
                index = name.end();
                // a column list is accepted; every column is analyzed (ANALYZE reads whole rows anyway)
                if (index < tokens.size() && tokens.get(index).text().equals("(") && !tokens.get(index).quoted()) {
                    while (index < tokens.size() && !(tokens.get(index).text().equals(")") && !tokens.get(index).quoted())) {
                        index++;
                    }
                    index++;
                }
                if (matches(tokens, index, "PREDICATE", "COLUMNS") || matches(tokens, index, "ALL", "COLUMNS")) {
                    index += 2;
                }
                expectEnd(text, tokens, index);
                return new Statement.Analyze(Optional.of(name.parts()));
            }
            case "ALTER" -> {
                if (second.equals("TABLE")) {
                    return parseAlterTable(text, tokens);
                }
            }
            case "VACUUM" -> {
                int index = 1;
                // Redshift's variants all re-sort and reclaim here
                if (index < tokens.size() && tokens.get(index).keyword().equals("FULL")) {
                    index++;
                }
                else if (matches(tokens, index, "SORT", "ONLY") || matches(tokens, index, "DELETE", "ONLY")) {
                    index += 2;
                }
                if (index >= tokens.size()) {
                    return new Statement.Vacuum(Optional.empty());
                }
                NameAndEnd name = parseName(text, tokens, index);
                expectEnd(text, tokens, name.end());
                return new Statement.Vacuum(Optional.of(name.parts()));
            }
            default -> {
            }
        }
        ExpressionDepthGuard.check(tokens);
        Optional<RedshiftTableAttributes> attributes = RedshiftTableAttributes.extract(text, tokens);
        if (attributes.isPresent()) {
            return withAttributes(convert(parseWithCalcite(attributes.get().sql())), attributes.get());
        }
        try {
            return convert(parseWithCalcite(text));
        }
        catch (BasinException e) {
            // PostgreSQL allows WHERE without FROM (SELECT 1 WHERE false); Calcite does not
            Optional<String> withFrom = e.code() == SYNTAX_ERROR ? addMissingFrom(text, tokens) : Optional.empty();
            if (withFrom.isPresent()) {
                try {
                    return convert(parseWithCalcite(withFrom.get()));
                }
                catch (BasinException ignored) {
                    // report the error of the statement as written
                }
            }
            throw e;
        }
    }

    private static Statement withAttributes(Statement statement, RedshiftTableAttributes attributes)
    {
        return switch (statement) {
            case Statement.CreateTable create -> {
                List<Statement.ColumnDefinition> columns = new ArrayList<>();
                for (Statement.ColumnDefinition column : create.columns()) {
                    columns.add(new Statement.ColumnDefinition(column.name(), column.type(), column.nullable(),
                            Optional.ofNullable(attributes.columnEncodings().get(column.name())), Optional.ofNullable(attributes.columnDefaults().get(column.name()))));
                }
                yield new Statement.CreateTable(create.name(), columns, create.ifNotExists(), attributes.tableProperties());
            }
            case Statement.CreateTableAs create -> {
                if (!attributes.columnEncodings().isEmpty() || !attributes.columnDefaults().isEmpty()) {
                    throw new BasinException(SYNTAX_ERROR, "ENCODE and DEFAULT need a column list; CREATE TABLE AS has none");
                }
                yield new Statement.CreateTableAs(create.name(), create.query(), create.ifNotExists(), attributes.tableProperties());
            }
            default -> throw new BasinException(FEATURE_NOT_SUPPORTED, "Table attributes (DISTSTYLE, DISTKEY, SORTKEY, ENCODE) apply to CREATE TABLE only");
        };
    }

    /** Inserts a one-row FROM before a top-level WHERE of a SELECT that has no FROM. */
    private static Optional<String> addMissingFrom(String sql, List<Token> tokens)
    {
        if (!tokens.getFirst().keyword().equals("SELECT")) {
            return Optional.empty();
        }
        int depth = 0;
        Token where = null;
        for (Token token : tokens) {
            switch (token.text()) {
                case "(" -> depth++;
                case ")" -> depth--;
                default -> {
                    if (depth == 0 && token.keyword().equals("FROM")) {
                        return Optional.empty();
                    }
                    if (depth == 0 && token.keyword().equals("WHERE") && where == null) {
                        where = token;
                    }
                }
            }
        }
        if (where == null) {
            return Optional.empty();
        }
        return Optional.of(sql.substring(0, where.offset()) + "FROM (VALUES (0)) AS basin_no_from (basin_no_from) " + sql.substring(where.offset()));
    }

    public static SqlNode parseWithCalcite(String sql)
    {
        sql = TableVersionSyntax.rewrite(PostgresSyntax.rewrite(sql));
        try {
            SqlNode node = SqlParser.create(sql, PARSER_CONFIG).parseStmt();
            return node.accept(new DialectRewriter(sql)).accept(new CatalogTypeCasts());
        }
        catch (SqlParseException e) {
            if (causedByStackOverflow(e)) {
                // the generated parser reports its own stack overflow as a parse failure
                throw tooDeeplyNested(e);
            }
            if (e.getCause() instanceof org.apache.calcite.sql.parser.babel.ParseException parseException
                    && parseException.currentToken != null && parseException.currentToken.next != null) {
                // report the first token that does not fit, as PostgreSQL does ("at or near")
                org.apache.calcite.sql.parser.babel.Token offending = offendingToken(parseException);
                int line = offending.kind == 0 ? lastLine(sql) : offending.beginLine;
                int column = offending.kind == 0 ? lastColumn(sql) : offending.beginColumn;
                String near = offending.kind == 0 ? "at end of input" : "at or near \"" + offending.image + "\"";
                throw new BasinException(SYNTAX_ERROR, "Syntax error at line %d, column %d: syntax error %s".formatted(line, column, near),
                        OptionalInt.of(line), OptionalInt.of(column), e);
            }
            SqlParserPos pos = e.getPos();
            String message = firstLine(e.getMessage());
            java.util.regex.Matcher keyword = INCORRECT_SYNTAX_NEAR.matcher(message);
            if (keyword.find() && pos != null && pos.getLineNum() > 0) {
                // Babel names the keyword before the token that does not fit; point at that token
                BasinException located = errorAfterToken(sql, pos.getLineNum(), pos.getColumnNum());
                if (located != null) {
                    throw located;
                }
            }
            if (pos == null || pos.getLineNum() <= 0) {
                throw new BasinException(SYNTAX_ERROR, "Syntax error: " + message, e);
            }
            throw new BasinException(SYNTAX_ERROR, "Syntax error at line %d, column %d: %s".formatted(pos.getLineNum(), pos.getColumnNum(), message),
                    OptionalInt.of(pos.getLineNum()), OptionalInt.of(pos.getColumnNum()), e);
        }
    }

    private static boolean causedByStackOverflow(Throwable e)
    {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }

    private static Statement convert(SqlNode node)
    {
        if (node instanceof SqlCreateTable create) {
            return convertCreateTable(create);
        }
        if (node instanceof SqlInsert insert) {
            SqlIdentifier target = (SqlIdentifier) insert.getTargetTable();
            Optional<List<String>> columns = Optional.ofNullable(insert.getTargetColumnList())
                    .map(list -> list.stream().map(column -> ((SqlIdentifier) column).getSimple()).toList());
            return new Statement.Insert(target.names, columns, insert.getSource());
        }
        if (node instanceof SqlSetOption set) {
            String name = String.join(".", set.getName().names);
            if (set.getValue() == null) {
                return new Statement.SetSession(name, Optional.empty());
            }
            return new Statement.SetSession(name, Optional.of(List.of(literalText(set.getValue()))));
        }
        if (node.getKind().belongsTo(SqlKind.QUERY) || node.getKind() == SqlKind.ORDER_BY || node.getKind() == SqlKind.WITH || node.getKind() == SqlKind.VALUES) {
            return new Statement.Query(node);
        }
        throw new BasinException(FEATURE_NOT_SUPPORTED, "Statement " + node.getKind().toString().replace('_', ' ') + " is not supported",
                OptionalInt.of(node.getParserPosition().getLineNum()), OptionalInt.of(node.getParserPosition().getColumnNum()), null);
    }

    private static Statement convertCreateTable(SqlCreateTable create)
    {
        SqlIdentifier name = create.name;
        SqlNodeList columnList = create.columnList;
        SqlNode query = create.query;
        if (query != null) {
            if (columnList != null && !columnList.isEmpty()) {
                throw new BasinException(FEATURE_NOT_SUPPORTED, "CREATE TABLE AS with a column list is not supported");
            }
            return new Statement.CreateTableAs(name.names, query, create.ifNotExists);
        }
        if (columnList == null || columnList.isEmpty()) {
            throw new BasinException(SYNTAX_ERROR, "CREATE TABLE needs column definitions or AS query");
        }
        List<Statement.ColumnDefinition> columns = new ArrayList<>();
        for (SqlNode element : columnList) {
            if (element instanceof SqlColumnDeclaration declaration) {
                SqlDataTypeSpec type = declaration.dataType;
                boolean nullable = type.getNullable() == null || type.getNullable();
                columns.add(new Statement.ColumnDefinition(declaration.name.getSimple(), type, nullable));
            }
            else {
                throw new BasinException(FEATURE_NOT_SUPPORTED, "Table constraint is not supported: " + element);
            }
        }
        return new Statement.CreateTable(name.names, columns, create.ifNotExists);
    }

    /**
     * {@code DELETE FROM name [[AS] alias] [WHERE condition]}: the rows to delete are those of
     * {@code SELECT * FROM name [alias] [WHERE condition]}, parsed from the same text so that
     * error positions point into the statement as written.
     */
    private static Statement parseDelete(String sql, List<Token> tokens)
    {
        if (tokens.size() < 3 || !tokens.get(1).keyword().equals("FROM")) {
            throw syntaxError(sql, tokens.size() > 1 ? tokens.get(1).offset() : sql.length(), "expected FROM after DELETE");
        }
        NameAndEnd name = parseName(sql, tokens, 2);
        Token from = tokens.get(1);
        // "DELETE FROM" becomes "SELECT* FROM", keeping every later offset where it was
        String rest = blankPrefix(sql, from.offset()).substring(Math.min(7, from.offset()));
        String select = from.offset() >= 7 ? "SELECT*" + rest : "SELECT* " + rest;
        SqlNode rows = parseWithCalcite(select);
        if (!(rows instanceof org.apache.calcite.sql.SqlSelect)) {
            throw syntaxError(sql, sql.length(), "DELETE takes a table name and an optional WHERE condition");
        }
        return new Statement.Delete(name.parts(), rows);
    }

    /**
     * {@code UPDATE name [[AS] alias] SET column = expression [, ...] [FROM from_list] [WHERE
     * condition]}: the rows to change are those of {@code SELECT alias.*, expression, ... FROM
     * name AS alias [, from_list] [WHERE condition]}; the engine adds the table's row id column to
     * {@code alias.*} (see {@link Statement.Update}).
     */
    private static Statement parseUpdate(String sql, List<Token> tokens)
    {
        NameAndEnd name = parseName(sql, tokens, 1);
        int index = name.end();
        String alias = name.parts().getLast();
        if (matches(tokens, index, "AS")) {
            index++;
        }
        if (index < tokens.size() && !tokens.get(index).keyword().equals("SET")) {
            alias = tokens.get(index).identifier();
            index++;
        }
        if (!matches(tokens, index, "SET")) {
            throw syntaxError(sql, index < tokens.size() ? tokens.get(index).offset() : sql.length(), "expected SET");
        }
        index++;
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        while (true) {
            if (index >= tokens.size() || (tokens.get(index).text().equals("(") && !tokens.get(index).quoted())) {
                throw syntaxError(sql, index < tokens.size() ? tokens.get(index).offset() : sql.length(), "expected a column name (SET column = expression)");
            }
            columns.add(tokens.get(index).identifier());
            index++;
            if (index >= tokens.size() || !tokens.get(index).text().equals("=") || tokens.get(index).quoted()) {
                throw syntaxError(sql, index < tokens.size() ? tokens.get(index).offset() : sql.length(), "expected = after the column name");
            }
            index++;
            int start = index;
            int depth = 0;
            while (index < tokens.size()) {
                Token token = tokens.get(index);
                if (!token.quoted() && token.text().equals("(")) {
                    depth++;
                }
                else if (!token.quoted() && token.text().equals(")")) {
                    depth--;
                }
                else if (depth == 0 && (token.text().equals(",") && !token.quoted() || token.keyword().equals("WHERE")
                        || token.keyword().equals("FROM") && !tokens.get(index - 1).keyword().equals("DISTINCT"))) {
                    break;
                }
                index++;
            }
            if (index == start) {
                throw syntaxError(sql, index < tokens.size() ? tokens.get(index).offset() : sql.length(), "expected an expression");
            }
            values.add(sql.substring(tokens.get(start).offset(), index < tokens.size() ? tokens.get(index).offset() : sql.length()).strip());
            if (index < tokens.size() && tokens.get(index).text().equals(",") && !tokens.get(index).quoted()) {
                index++;
                continue;
            }
            break;
        }
        StringBuilder select = new StringBuilder("SELECT ").append(quoted(alias)).append(".*");
        for (String value : values) {
            select.append(", ").append(value);
        }
        select.append(" FROM ").append(String.join(".", name.parts().stream().map(StatementParser::quoted).toList())).append(" AS ").append(quoted(alias));
        if (index < tokens.size()) {
            String rest = sql.substring(tokens.get(index).offset());
            select.append(tokens.get(index).keyword().equals("FROM") ? ", " + rest.substring(4) : " " + rest);
        }
        SqlNode rows = parseWithCalcite(select.toString());
        if (!(rows instanceof org.apache.calcite.sql.SqlSelect)) {
            throw syntaxError(sql, sql.length(), "UPDATE takes SET assignments, an optional FROM list and an optional WHERE condition");
        }
        return new Statement.Update(name.parts(), columns, rows);
    }

    /** {@code ALTER TABLE [IF EXISTS] name ADD/DROP/RENAME ...} (see {@link Statement.AlterAction}). */
    private static Statement parseAlterTable(String sql, List<Token> tokens)
    {
        int index = 2;
        boolean ifExists = false;
        if (matches(tokens, index, "IF", "EXISTS")) {
            ifExists = true;
            index += 2;
        }
        NameAndEnd name = parseName(sql, tokens, index);
        index = name.end();
        if (index >= tokens.size()) {
            throw syntaxError(sql, sql.length(), "expected ADD, DROP or RENAME");
        }
        Statement.AlterAction action;
        switch (tokens.get(index).keyword()) {
            case "ADD" -> {
                index++;
                if (matches(tokens, index, "COLUMN")) {
                    index++;
                }
                boolean ifNotExists = false;
                if (matches(tokens, index, "IF", "NOT", "EXISTS")) {
                    ifNotExists = true;
                    index += 3;
                }
                if (index >= tokens.size()) {
                    throw syntaxError(sql, sql.length(), "expected a column definition");
                }
                if (List.of("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK").contains(tokens.get(index).keyword())) {
                    throw new BasinException(FEATURE_NOT_SUPPORTED, "ALTER TABLE ... ADD " + tokens.get(index).text() + " (table constraints) is not supported");
                }
                // DEFAULT runs to the next column attribute; the rest is a column definition as CREATE TABLE takes it
                int defaultStart = -1;
                int defaultEnd = tokens.size();
                int depth = 0;
                for (int i = index; i < tokens.size(); i++) {
                    Token token = tokens.get(i);
                    if (!token.quoted() && token.text().equals("(")) {
                        depth++;
                    }
                    else if (!token.quoted() && token.text().equals(")")) {
                        depth--;
                    }
                    else if (depth == 0 && token.keyword().equals("DEFAULT") && defaultStart < 0) {
                        defaultStart = i;
                    }
                    else if (depth == 0 && defaultStart >= 0 && defaultEnd == tokens.size() && i > defaultStart + 1
                            && List.of("ENCODE", "NOT", "NULL", "COLLATE").contains(token.keyword())) {
                        defaultEnd = i;
                    }
                }
                String definition;
                Optional<String> defaultValue = Optional.empty();
                int end = sql.length();
                if (defaultStart >= 0) {
                    if (defaultStart + 1 >= tokens.size()) {
                        throw syntaxError(sql, sql.length(), "DEFAULT needs an expression");
                    }
                    int valueEnd = defaultEnd < tokens.size() ? tokens.get(defaultEnd).offset() : end;
                    defaultValue = Optional.of(sql.substring(tokens.get(defaultStart + 1).offset(), valueEnd).strip());
                    definition = sql.substring(tokens.get(index).offset(), tokens.get(defaultStart).offset()) + " " + sql.substring(valueEnd);
                }
                else {
                    definition = sql.substring(tokens.get(index).offset());
                }
                Statement parsed = parse("CREATE TABLE basin_alter_table (" + definition + ")");
                if (!(parsed instanceof Statement.CreateTable create) || create.columns().size() != 1 || !create.properties().isEmpty()) {
                    throw syntaxError(sql, tokens.get(index).offset(), "expected one column definition: name type [DEFAULT expression] [ENCODE encoding] [NULL]");
                }
                action = new Statement.AlterAction.AddColumn(create.columns().getFirst(), defaultValue, ifNotExists);
                index = tokens.size();
            }
            case "DROP" -> {
                index++;
                if (matches(tokens, index, "COLUMN")) {
                    index++;
                }
                boolean ifColumnExists = false;
                if (matches(tokens, index, "IF", "EXISTS")) {
                    ifColumnExists = true;
                    index += 2;
                }
                if (index >= tokens.size()) {
                    throw syntaxError(sql, sql.length(), "expected a column name");
                }
                if (List.of("CONSTRAINT").contains(tokens.get(index).keyword())) {
                    throw new BasinException(FEATURE_NOT_SUPPORTED, "ALTER TABLE ... DROP CONSTRAINT is not supported");
                }
                action = new Statement.AlterAction.DropColumn(tokens.get(index).identifier(), ifColumnExists);
                index++;
                if (index < tokens.size() && (tokens.get(index).keyword().equals("RESTRICT") || tokens.get(index).keyword().equals("CASCADE"))) {
                    index++;
                }
            }
            case "RENAME" -> {
                index++;
                if (matches(tokens, index, "TO")) {
                    NameAndEnd newName = parseName(sql, tokens, index + 1);
                    action = new Statement.AlterAction.RenameTable(newName.parts());
                    index = newName.end();
                }
                else {
                    if (matches(tokens, index, "COLUMN")) {
                        index++;
                    }
                    if (index + 2 >= tokens.size() || !tokens.get(index + 1).keyword().equals("TO")) {
                        throw syntaxError(sql, index + 1 < tokens.size() ? tokens.get(index + 1).offset() : sql.length(), "expected RENAME [COLUMN] name TO new_name");
                    }
                    action = new Statement.AlterAction.RenameColumn(tokens.get(index).identifier(), tokens.get(index + 2).identifier());
                    index += 3;
                }
            }
            default -> throw new BasinException(FEATURE_NOT_SUPPORTED, "ALTER TABLE ... %s is not supported; warehouse tables take ADD COLUMN, DROP COLUMN, RENAME COLUMN and RENAME TO"
                    .formatted(tokens.get(index).text()));
        }
        expectEnd(sql, tokens, index);
        return new Statement.AlterTable(name.parts(), ifExists, action);
    }

    private static String quoted(String identifier)
    {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static Statement parseDropTable(String sql, List<Token> tokens)
    {
        int index = 2;
        boolean ifExists = false;
        if (matches(tokens, index, "IF", "EXISTS")) {
            ifExists = true;
            index += 2;
        }
        NameAndEnd name = parseName(sql, tokens, index);
        expectEnd(sql, tokens, name.end());
        return new Statement.DropTable(name.parts(), ifExists);
    }

    private static Statement parseDropSchema(String sql, List<Token> tokens)
    {
        int index = 2;
        boolean ifExists = false;
        if (matches(tokens, index, "IF", "EXISTS")) {
            ifExists = true;
            index += 2;
        }
        NameAndEnd name = parseName(sql, tokens, index);
        index = name.end();
        boolean cascade = false;
        if (index < tokens.size() && (tokens.get(index).keyword().equals("CASCADE") || tokens.get(index).keyword().equals("RESTRICT"))) {
            cascade = tokens.get(index).keyword().equals("CASCADE");
            index++;
        }
        expectEnd(sql, tokens, index);
        return new Statement.DropSchema(name.parts(), ifExists, cascade);
    }

    private static Statement parseCreateSchema(String sql, List<Token> tokens)
    {
        int index = 2;
        boolean ifNotExists = false;
        if (matches(tokens, index, "IF", "NOT", "EXISTS")) {
            ifNotExists = true;
            index += 3;
        }
        NameAndEnd name = parseName(sql, tokens, index);
        expectEnd(sql, tokens, name.end());
        return new Statement.CreateSchema(name.parts(), ifNotExists);
    }

    private static Statement parseTransaction(String sql, List<Token> tokens, Statement.TransactionControl.Kind kind)
    {
        int index = 1;
        if (tokens.getFirst().keyword().equals("START")) {
            if (!matches(tokens, index, "TRANSACTION")) {
                throw syntaxError(sql, index < tokens.size() ? tokens.get(index).offset() : sql.length(), "expected TRANSACTION after START");
            }
            index++;
        }
        else if (matches(tokens, index, "TRANSACTION") || matches(tokens, index, "WORK")) {
            index++;
        }
        if (kind == Statement.TransactionControl.Kind.BEGIN) {
            // transaction modes: ISOLATION LEVEL ..., READ WRITE, READ ONLY, [NOT] DEFERRABLE, commas
            // between them. Basin runs every transaction with snapshot isolation; the modes are accepted
            while (index < tokens.size()) {
                String word = tokens.get(index).keyword();
                if (!List.of("ISOLATION", "LEVEL", "SERIALIZABLE", "REPEATABLE", "READ", "COMMITTED", "UNCOMMITTED", "WRITE", "ONLY", "DEFERRABLE", "NOT", ",").contains(word.isEmpty() ? tokens.get(index).text() : word)) {
                    throw syntaxError(sql, tokens.get(index).offset(), "syntax error at or near \"" + tokens.get(index).text() + "\"");
                }
                index++;
            }
        }
        else if (matches(tokens, index, "AND") && (matches(tokens, index + 1, "NO", "CHAIN"))) {
            index += 3;
        }
        expectEnd(sql, tokens, index);
        return new Statement.TransactionControl(kind);
    }

    record NameAndEnd(List<String> parts, int end) {}

    static NameAndEnd parseName(String sql, List<Token> tokens, int index)
    {
        List<String> parts = new ArrayList<>();
        if (index >= tokens.size()) {
            throw syntaxError(sql, sql.length(), "expected a name");
        }
        parts.add(tokens.get(index++).identifier());
        while (index + 1 < tokens.size() && tokens.get(index).text().equals(".")) {
            parts.add(tokens.get(index + 1).identifier());
            index += 2;
        }
        return new NameAndEnd(parts, index);
    }

    static void expectEnd(String sql, List<Token> tokens, int index)
    {
        if (index < tokens.size()) {
            throw syntaxError(sql, tokens.get(index).offset(), "syntax error at or near \"" + tokens.get(index).text() + "\"");
        }
    }

    static boolean matches(List<Token> tokens, int index, String... keywords)
    {
        for (int i = 0; i < keywords.length; i++) {
            if (index + i >= tokens.size() || !tokens.get(index + i).keyword().equals(keywords[i])) {
                return false;
            }
        }
        return true;
    }

    /** SHOW name, SHOW ALL, SHOW TIME ZONE, SHOW TRANSACTION ISOLATION LEVEL. */
    private static String showName(List<Token> tokens)
    {
        if (matches(tokens, 1, "TIME", "ZONE")) {
            return "timezone";
        }
        if (matches(tokens, 1, "TRANSACTION", "ISOLATION", "LEVEL")) {
            return "transaction_isolation";
        }
        if (matches(tokens, 1, "SESSION", "AUTHORIZATION")) {
            return "session_authorization";
        }
        StringBuilder builder = new StringBuilder();
        for (int i = 1; i < tokens.size(); i++) {
            builder.append(tokens.get(i).identifier());
        }
        return builder.toString().replace(" ", "").toLowerCase(Locale.ROOT);
    }

    record SettingName(String name, int end) {}

    /** A setting's name (possibly dotted: myapp.flag) starting at token {@code index}; RESET ALL gives "all". */
    static SettingName settingName(String sql, List<Token> tokens, int index)
    {
        if (index >= tokens.size()) {
            throw syntaxError(sql, sql.length(), "expected a parameter name");
        }
        if (matches(tokens, index, "TIME", "ZONE")) {
            return new SettingName("timezone", index + 2);
        }
        if (matches(tokens, index, "SESSION", "AUTHORIZATION")) {
            return new SettingName("session_authorization", index + 2);
        }
        StringBuilder name = new StringBuilder(tokens.get(index++).identifier());
        while (index + 1 < tokens.size() && tokens.get(index).text().equals(".")) {
            name.append('.').append(tokens.get(index + 1).identifier());
            index += 2;
        }
        return new SettingName(name.toString(), index);
    }

    private static String literalText(SqlNode value)
    {
        if (value instanceof SqlLiteral literal) {
            Object v = literal.getValue();
            if (v instanceof org.apache.calcite.util.NlsString nls) {
                return nls.getValue();
            }
            return literal.toValue();
        }
        if (value instanceof SqlIdentifier identifier) {
            return String.join(".", identifier.names);
        }
        if (value instanceof SqlBasicCall call && call.getKind() == SqlKind.OTHER) {
            return call.toString();
        }
        if (value instanceof SqlCall call) {
            return call.toString();
        }
        return value.toString();
    }

    /** Replaces text before {@code offset} with spaces (keeping newlines) so parser positions stay right. */
    static String blankPrefix(String sql, int offset)
    {
        StringBuilder builder = new StringBuilder(sql.length());
        for (int i = 0; i < offset; i++) {
            builder.append(sql.charAt(i) == '\n' ? '\n' : ' ');
        }
        builder.append(sql, offset, sql.length());
        return builder.toString();
    }

    private static String stripTrailingSemicolons(String sql)
    {
        int end = sql.length();
        while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
            end--;
        }
        return sql.substring(0, end);
    }

    static BasinException syntaxError(String sql, int offset, String message)
    {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(offset, sql.length()); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                column = 1;
            }
            else {
                column++;
            }
        }
        return new BasinException(SYNTAX_ERROR, "Syntax error at line %d, column %d: %s".formatted(line, column, message),
                OptionalInt.of(line), OptionalInt.of(column), null);
    }

    private static final java.util.regex.Pattern INCORRECT_SYNTAX_NEAR = java.util.regex.Pattern.compile("Incorrect syntax near the keyword '([^']+)'");

    private static BasinException errorAfterToken(String sql, int line, int column)
    {
        int offset = 0;
        for (int current = 1; current < line; current++) {
            offset = sql.indexOf('\n', offset) + 1;
            if (offset <= 0) {
                return null;
            }
        }
        offset += column - 1;
        List<Token> tokens = SqlTokenizer.tokenize(sql);
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).offset() == offset) {
                if (i + 1 < tokens.size()) {
                    Token next = tokens.get(i + 1);
                    return syntaxError(sql, next.offset(), "syntax error at or near \"" + next.text() + "\"");
                }
                return syntaxError(sql, sql.length(), "syntax error at end of input");
            }
        }
        return null;
    }

    /**
     * The first token no alternative of the grammar accepts: javacc looks ahead several tokens, so
     * skip the tokens that some expected sequence still matched.
     */
    private static org.apache.calcite.sql.parser.babel.Token offendingToken(org.apache.calcite.sql.parser.babel.ParseException exception)
    {
        org.apache.calcite.sql.parser.babel.Token first = exception.currentToken.next;
        int matched = 0;
        if (exception.expectedTokenSequences != null) {
            for (int[] sequence : exception.expectedTokenSequences) {
                int count = 0;
                org.apache.calcite.sql.parser.babel.Token token = first;
                while (count < sequence.length - 1 && token != null && token.kind == sequence[count]) {
                    count++;
                    token = token.next;
                }
                matched = Math.max(matched, count);
            }
        }
        org.apache.calcite.sql.parser.babel.Token offending = first;
        for (int i = 0; i < matched && offending.next != null; i++) {
            offending = offending.next;
        }
        return offending;
    }

    private static int lastLine(String sql)
    {
        return (int) sql.chars().filter(c -> c == '\n').count() + 1;
    }

    private static int lastColumn(String sql)
    {
        return sql.length() - sql.lastIndexOf('\n');
    }

    private static String firstLine(String message)
    {
        if (message == null) {
            return "syntax error";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        // Calcite repeats the position ("at line 1, column 10.") which the caller already reports
        return line.replaceAll(" at line \\d+, column \\d+\\.?$", "").trim();
    }
}
