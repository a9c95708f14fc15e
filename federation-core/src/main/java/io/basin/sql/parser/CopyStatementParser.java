package io.basin.sql.parser;

import io.basin.error.BasinException;
import io.basin.sql.parser.SqlTokenizer.Token;

import java.util.List;
import java.util.Locale;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;
import static io.basin.sql.parser.StatementParser.expectEnd;
import static io.basin.sql.parser.StatementParser.matches;
import static io.basin.sql.parser.StatementParser.syntaxError;

/**
 * PostgreSQL's {@code COPY ... TO STDOUT}: a query or a table (optionally some of its columns),
 * with the options of the current syntax ({@code WITH (FORMAT csv, HEADER, DELIMITER ',', NULL '')})
 * and of the old one ({@code WITH CSV HEADER DELIMITER AS ','}) that psql's {@code \copy} and many
 * scripts still use.
 */
final class CopyStatementParser
{
    /** Redshift's largest (and default) UNLOAD part: 6.2 GB. */
    private static final long DEFAULT_MAX_FILE_BYTES = (long) (6.2 * (1L << 30));

    private CopyStatementParser() {}

    static Statement parse(String sql, List<Token> tokens)
    {
        int index = 1;
        String query;
        List<String> tableName = null;
        List<String> columnNames = null;
        if (index < tokens.size() && tokens.get(index).text().equals("(") && !tokens.get(index).quoted()) {
            int close = matchingParenthesis(sql, tokens, index);
            query = StatementParser.blankPrefix(sql.substring(0, tokens.get(close).offset()), tokens.get(index).offset() + 1);
            index = close + 1;
        }
        else {
            StatementParser.NameAndEnd name = StatementParser.parseName(sql, tokens, index);
            index = name.end();
            tableName = name.parts();
            String columns = "*";
            if (index < tokens.size() && tokens.get(index).text().equals("(") && !tokens.get(index).quoted()) {
                int close = matchingParenthesis(sql, tokens, index);
                StringBuilder list = new StringBuilder();
                for (int i = index + 1; i < close; i++) {
                    Token token = tokens.get(i);
                    if (token.text().equals(",") && !token.quoted()) {
                        list.append(", ");
                    }
                    else {
                        list.append(quoteIdentifier(token.identifier()));
                        if (columnNames == null) {
                            columnNames = new java.util.ArrayList<>();
                        }
                        columnNames.add(token.identifier());
                    }
                }
                columns = list.toString();
                index = close + 1;
            }
            query = "SELECT " + columns + " FROM " + String.join(".", name.parts().stream().map(CopyStatementParser::quoteIdentifier).toList());
        }
        if (matches(tokens, index, "FROM")) {
            if (tableName == null) {
                throw syntaxError(sql, tokens.get(index).offset(), "COPY FROM needs a table, not a query");
            }
            return parseCopyFrom(sql, tokens, index + 1, tableName, columnNames);
        }
        if (!matches(tokens, index, "TO")) {
            throw syntaxError(sql, index < tokens.size() ? tokens.get(index).offset() : sql.length(), "expected TO STDOUT");
        }
        index++;
        if (!matches(tokens, index, "STDOUT")) {
            throw new BasinException(FEATURE_NOT_SUPPORTED, "COPY TO a file is not supported; use COPY ... TO STDOUT (psql: \\copy)");
        }
        index++;
        Options options = new Options();
        if (matches(tokens, index, "WITH")) {
            index++;
        }
        if (index < tokens.size() && tokens.get(index).text().equals("(") && !tokens.get(index).quoted()) {
            int close = matchingParenthesis(sql, tokens, index);
            index++;
            while (index < close) {
                String option = tokens.get(index++).keyword();
                String value = null;
                if (index < close && !tokens.get(index).text().equals(",")) {
                    value = unquote(tokens.get(index++).text());
                }
                options.set(option, value);
                if (index < close) {
                    if (!tokens.get(index).text().equals(",")) {
                        throw syntaxError(sql, tokens.get(index).offset(), "syntax error at or near \"" + tokens.get(index).text() + "\"");
                    }
                    index++;
                }
            }
            index = close + 1;
        }
        else {
            while (index < tokens.size()) {
                String option = tokens.get(index++).keyword();
                switch (option) {
                    case "CSV", "BINARY" -> options.set("FORMAT", option.toLowerCase(Locale.ROOT));
                    case "HEADER" -> options.set("HEADER", null);
                    case "DELIMITER", "NULL", "QUOTE", "ESCAPE" -> {
                        if (matches(tokens, index, "AS")) {
                            index++;
                        }
                        if (index >= tokens.size()) {
                            throw syntaxError(sql, sql.length(), option + " needs a value");
                        }
                        options.set(option, unquote(tokens.get(index++).text()));
                    }
                    default -> throw syntaxError(sql, tokens.get(index - 1).offset(), "syntax error at or near \"" + tokens.get(index - 1).text() + "\"");
                }
            }
        }
        expectEnd(sql, tokens, index);
        return new Statement.CopyTo((Statement.Query) StatementParser.parse(query), options.build());
    }

    /**
     * Redshift's options after {@code FROM 'location'}: {@code [FORMAT [AS]] CSV},
     * {@code DELIMITER [AS] 'c'}, {@code IGNOREHEADER [AS] n}, {@code HEADER},
     * {@code NULL [AS] 'text'}, {@code QUOTE [AS] 'c'}, in any order; without CSV the file is
     * pipe-delimited text as Redshift's default.
     */
    private static Statement parseCopyFrom(String sql, List<Token> tokens, int index, List<String> table, List<String> columns)
    {
        if (index >= tokens.size() || !tokens.get(index).text().startsWith("'")) {
            throw syntaxError(sql, index < tokens.size() ? tokens.get(index).offset() : sql.length(), "expected the quoted location of the file to copy from");
        }
        String location = unquote(tokens.get(index++).text()).replace("''", "'");
        boolean csv = false;
        boolean parquet = false;
        Character delimiter = null;
        Character quote = null;
        String nullString = null;
        int skipLines = 0;
        ObjectStoreAccessParser access = new ObjectStoreAccessParser();
        if (matches(tokens, index, "WITH")) {
            index++;
        }
        while (index < tokens.size()) {
            Token token = tokens.get(index++);
            String option = token.keyword();
            int afterAccess = access.parse(sql, tokens, option, index);
            if (afterAccess >= 0) {
                index = afterAccess;
                continue;
            }
            switch (option) {
                case "CSV" -> csv = true;
                case "FORMAT" -> {
                    if (matches(tokens, index, "AS")) {
                        index++;
                    }
                    String format = index < tokens.size() ? tokens.get(index++).keyword() : "";
                    switch (format) {
                        case "CSV" -> csv = true;
                        case "PARQUET" -> parquet = true;
                        default -> throw new BasinException(INVALID_PARAMETER_VALUE, "COPY format \"" + format.toLowerCase(Locale.ROOT) + "\" not recognized");
                    }
                }
                case "HEADER" -> skipLines = 1;
                case "IGNOREHEADER", "DELIMITER", "NULL", "QUOTE" -> {
                    if (matches(tokens, index, "AS")) {
                        index++;
                    }
                    if (index >= tokens.size()) {
                        throw syntaxError(sql, sql.length(), option + " needs a value");
                    }
                    String value = unquote(tokens.get(index++).text());
                    switch (option) {
                        case "IGNOREHEADER" -> {
                            try {
                                skipLines = Integer.parseInt(value);
                            }
                            catch (NumberFormatException e) {
                                throw new BasinException(INVALID_PARAMETER_VALUE, "IGNOREHEADER needs a number of lines, not \"" + value + "\"");
                            }
                            if (skipLines < 0) {
                                throw new BasinException(INVALID_PARAMETER_VALUE, "IGNOREHEADER must not be negative");
                            }
                        }
                        case "DELIMITER" -> delimiter = Options.singleCharacter(option, value);
                        case "QUOTE" -> quote = Options.singleCharacter(option, value);
                        default -> nullString = value;
                    }
                }
                default -> throw syntaxError(sql, token.offset(), "syntax error at or near \"" + token.text() + "\"");
            }
        }
        if (parquet && (csv || delimiter != null || quote != null || nullString != null || skipLines > 0)) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "FORMAT PARQUET takes none of CSV, DELIMITER, QUOTE, NULL AS, IGNOREHEADER");
        }
        if (!csv && quote != null) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "COPY QUOTE is available only with FORMAT CSV");
        }
        char separator = delimiter != null ? delimiter : csv ? ',' : '|';
        char quoteCharacter = quote == null ? '"' : quote;
        Statement.CopyFormat format = new Statement.CopyFormat(csv, separator, nullString == null ? (csv ? "" : "\\N") : nullString, skipLines > 0, quoteCharacter, quoteCharacter);
        return new Statement.CopyFrom(table, java.util.Optional.ofNullable(columns), location, format, skipLines, parquet, access.build(location));
    }

    /**
     * {@code UNLOAD ('query') TO 'location' [FORMAT [AS]] PARQUET [MAXFILESIZE [AS] n [MB | GB]]
     * [ALLOWOVERWRITE] [PARALLEL [ON | OFF]]} and the authorization options of
     * {@link ObjectStoreAccessParser}; quotes inside the query are doubled. Parts are cut at
     * {@code MAXFILESIZE} (default 6.2 GB, as Redshift).
     */
    static Statement parseUnload(String sql, List<Token> tokens)
    {
        int index = 1;
        if (!(index + 2 < tokens.size() && tokens.get(index).text().equals("(") && tokens.get(index + 1).text().startsWith("'") && tokens.get(index + 2).text().equals(")"))) {
            throw syntaxError(sql, index < tokens.size() ? tokens.get(index).offset() : sql.length(), "expected UNLOAD ('select ...') TO 'location' FORMAT PARQUET");
        }
        String query = unquote(tokens.get(index + 1).text()).replace("''", "'");
        index += 3;
        if (!matches(tokens, index, "TO") || index + 1 >= tokens.size() || !tokens.get(index + 1).text().startsWith("'")) {
            throw syntaxError(sql, index < tokens.size() ? tokens.get(index).offset() : sql.length(), "expected TO 'location'");
        }
        String location = unquote(tokens.get(index + 1).text()).replace("''", "'");
        index += 2;
        boolean parquet = false;
        long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
        ObjectStoreAccessParser access = new ObjectStoreAccessParser();
        while (index < tokens.size()) {
            Token token = tokens.get(index++);
            int afterAccess = access.parse(sql, tokens, token.keyword(), index);
            if (afterAccess >= 0) {
                index = afterAccess;
                continue;
            }
            switch (token.keyword()) {
                case "FORMAT", "AS" -> { }
                case "PARQUET" -> parquet = true;
                case "ALLOWOVERWRITE" -> { }
                case "PARALLEL" -> {
                    if (matches(tokens, index, "ON") || matches(tokens, index, "OFF") || matches(tokens, index, "TRUE") || matches(tokens, index, "FALSE")) {
                        index++;
                    }
                }
                case "MAXFILESIZE" -> {
                    if (matches(tokens, index, "AS")) {
                        index++;
                    }
                    if (index >= tokens.size()) {
                        throw syntaxError(sql, sql.length(), "MAXFILESIZE needs a size");
                    }
                    double size;
                    try {
                        size = Double.parseDouble(tokens.get(index++).text());
                    }
                    catch (NumberFormatException e) {
                        throw new BasinException(INVALID_PARAMETER_VALUE, "MAXFILESIZE needs a number of MB or GB, not \"" + tokens.get(index - 1).text() + "\"");
                    }
                    long unit = 1L << 20;
                    if (matches(tokens, index, "GB")) {
                        unit = 1L << 30;
                        index++;
                    }
                    else if (matches(tokens, index, "MB")) {
                        index++;
                    }
                    maxFileBytes = (long) (size * unit);
                    if (maxFileBytes < (5L << 20) || maxFileBytes > (long) (6.2 * (1L << 30))) {
                        throw new BasinException(INVALID_PARAMETER_VALUE, "MAXFILESIZE must be between 5 MB and 6.2 GB");
                    }
                }
                case "CSV" -> throw new BasinException(FEATURE_NOT_SUPPORTED, "UNLOAD writes FORMAT PARQUET only so far");
                default -> throw syntaxError(sql, token.offset(), "syntax error at or near \"" + token.text() + "\"");
            }
        }
        if (!parquet) {
            throw new BasinException(FEATURE_NOT_SUPPORTED, "UNLOAD writes FORMAT PARQUET only so far; add FORMAT PARQUET");
        }
        if (!(StatementParser.parse(query) instanceof Statement.Query parsed)) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "UNLOAD needs a SELECT statement");
        }
        return new Statement.Unload(parsed, location, access.build(location), maxFileBytes);
    }

    private static final class Options
    {
        private boolean csv;
        private Character delimiter;
        private String nullString;
        private boolean header;
        private Character quote;
        private Character escape;

        void set(String option, String value)
        {
            switch (option) {
                case "FORMAT" -> {
                    String format = value == null ? "" : value.toLowerCase(Locale.ROOT);
                    switch (format) {
                        case "csv" -> csv = true;
                        case "text" -> csv = false;
                        case "binary" -> throw new BasinException(FEATURE_NOT_SUPPORTED, "COPY format \"binary\" is not supported; use text or csv");
                        default -> throw new BasinException(INVALID_PARAMETER_VALUE, "COPY format \"" + value + "\" not recognized");
                    }
                }
                case "HEADER" -> header = value == null || List.of("true", "on", "1", "match").contains(value.toLowerCase(Locale.ROOT));
                case "DELIMITER" -> delimiter = singleCharacter(option, value);
                case "QUOTE" -> quote = singleCharacter(option, value);
                case "ESCAPE" -> escape = singleCharacter(option, value);
                case "NULL" -> {
                    if (value == null) {
                        throw new BasinException(INVALID_PARAMETER_VALUE, "COPY NULL needs a value");
                    }
                    nullString = value;
                }
                case "ENCODING" -> {
                    if (value == null || !value.replace("-", "").equalsIgnoreCase("UTF8")) {
                        throw new BasinException(FEATURE_NOT_SUPPORTED, "COPY encoding must be UTF8");
                    }
                }
                default -> throw new BasinException(INVALID_PARAMETER_VALUE, "option \"" + option.toLowerCase(Locale.ROOT) + "\" not recognized");
            }
        }

        Statement.CopyFormat build()
        {
            Statement.CopyFormat defaults = csv ? Statement.CopyFormat.csvDefaults() : Statement.CopyFormat.textDefaults();
            if (!csv && (quote != null || escape != null)) {
                throw new BasinException(INVALID_PARAMETER_VALUE, "COPY quote and escape are available only in CSV mode");
            }
            return new Statement.CopyFormat(
                    csv,
                    delimiter == null ? defaults.delimiter() : delimiter,
                    nullString == null ? defaults.nullString() : nullString,
                    header,
                    quote == null ? defaults.quote() : quote,
                    escape == null ? (quote == null ? defaults.escape() : quote) : escape);
        }

        private static char singleCharacter(String option, String value)
        {
            if (value == null || value.length() != 1) {
                throw new BasinException(INVALID_PARAMETER_VALUE, "COPY " + option.toLowerCase(Locale.ROOT) + " must be a single one-byte character");
            }
            return value.charAt(0);
        }
    }

    private static int matchingParenthesis(String sql, List<Token> tokens, int open)
    {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.quoted()) {
                continue;
            }
            if (token.text().equals("(")) {
                depth++;
            }
            else if (token.text().equals(")") && --depth == 0) {
                return i;
            }
        }
        throw syntaxError(sql, sql.length(), "unbalanced parentheses");
    }

    private static String unquote(String text)
    {
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    private static String quoteIdentifier(String identifier)
    {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
