package io.basin.sql.parser;

import io.basin.error.BasinException;
import io.basin.sql.parser.SqlTokenizer.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.basin.error.BasinErrorCode.SYNTAX_ERROR;

/**
 * Redshift's table attributes in {@code CREATE TABLE}, which Calcite's parser does not know:
 * {@code DISTSTYLE AUTO|EVEN|KEY|ALL}, {@code DISTKEY (col)}, {@code [COMPOUND|INTERLEAVED]
 * SORTKEY (cols)}, Basin's {@code SLICES n} (table property {@code slices}: the warehouse table's slice
 * count), {@code BACKUP YES|NO} after the column list (or before {@code AS} of a CREATE
 * TABLE AS), {@code PARTITIONED BY (fields)} for lake tables (table property {@code partitioning},
 * a list of fields such as {@code day(ts)}), and per column {@code ENCODE x}, {@code DISTKEY} and {@code SORTKEY}. They are taken
 * out of the text (blanked, so error positions stay right) and become table properties
 * ({@code diststyle}, {@code distkey}, {@code sortkey}, {@code sortstyle}) and the column property
 * {@code encode}, which the warehouse connector interprets. A column's {@code DEFAULT expression}
 * is taken out the same way (its text, up to the next column attribute or the end of the column),
 * so that it is kept as written.
 *
 * @param sql the statement without the attributes
 * @param tableProperties the table attributes as connector table properties
 * @param columnEncodings {@code ENCODE} per column name
 * @param columnDefaults the SQL text of {@code DEFAULT} per column name
 */
record RedshiftTableAttributes(String sql, Map<String, Object> tableProperties, Map<String, String> columnEncodings, Map<String, String> columnDefaults)
{
    /** Column attributes that end a DEFAULT expression. */
    private static final java.util.Set<String> COLUMN_ATTRIBUTES = java.util.Set.of(
            "ENCODE", "NOT", "NULL", "DISTKEY", "SORTKEY", "COLLATE", "PRIMARY", "UNIQUE", "REFERENCES", "CONSTRAINT", "CHECK", "IDENTITY", "GENERATED");

    static Optional<RedshiftTableAttributes> extract(String sql, List<Token> tokens)
    {
        if (tokens.size() < 3 || !tokens.get(0).keyword().equals("CREATE")
                || !(tokens.get(1).keyword().equals("TABLE") || tokens.get(2).keyword().equals("TABLE"))) {
            return Optional.empty();
        }
        char[] text = sql.toCharArray();
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, String> encodings = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        List<String> sortKey = new ArrayList<>();
        int depth = 0;
        boolean columnListSeen = false;
        boolean inColumnList = false;
        boolean elementStart = false;
        String column = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String keyword = token.keyword();
            if (token.text().equals("(") && !token.quoted()) {
                depth++;
                if (depth == 1 && !columnListSeen) {
                    columnListSeen = true;
                    inColumnList = true;
                    elementStart = true;
                }
                continue;
            }
            if (token.text().equals(")") && !token.quoted()) {
                depth--;
                if (depth == 0) {
                    inColumnList = false;
                }
                continue;
            }
            if (depth == 1 && inColumnList) {
                if (token.text().equals(",") && !token.quoted()) {
                    elementStart = true;
                    continue;
                }
                if (elementStart) {
                    column = token.identifier();
                    elementStart = false;
                    continue;
                }
                switch (keyword) {
                    case "DEFAULT" -> {
                        int last = defaultEnd(tokens, i);
                        if (last == i) {
                            throw syntaxError(sql, token, "DEFAULT needs an expression");
                        }
                        defaults.put(column, sql.substring(tokens.get(i + 1).offset(), end(sql, tokens.get(last))).strip());
                        blank(text, sql, token, tokens.get(last));
                        i = last;
                    }
                    case "ENCODE" -> {
                        Token encoding = next(sql, tokens, i, "ENCODE needs an encoding name");
                        encodings.put(column, encoding.text().toUpperCase(java.util.Locale.ROOT));
                        blank(text, sql, token, encoding);
                        i++;
                    }
                    case "DISTKEY" -> {
                        properties.put("distkey", column);
                        blank(text, sql, token, token);
                    }
                    case "SORTKEY" -> {
                        sortKey.add(column);
                        blank(text, sql, token, token);
                    }
                    default -> { }
                }
                continue;
            }
            if (depth != 0) {
                continue;
            }
            if (keyword.equals("AS")) {
                // the query of CREATE TABLE AS follows
                break;
            }
            switch (keyword) {
                case "DISTSTYLE" -> {
                    Token style = next(sql, tokens, i, "DISTSTYLE needs AUTO, EVEN, KEY or ALL");
                    properties.put("diststyle", style.text().toUpperCase(java.util.Locale.ROOT));
                    blank(text, sql, token, style);
                    i++;
                }
                case "PARTITIONED" -> {
                    // lake tables: PARTITIONED BY (col, day(ts), bucket(id, 16), ...) becomes the
                    // connector's partitioning property, one partition field per element
                    if (i + 2 >= tokens.size() || !tokens.get(i + 1).keyword().equals("BY") || !tokens.get(i + 2).text().equals("(")) {
                        throw syntaxError(sql, token, "PARTITIONED must be followed by BY (partition fields)");
                    }
                    List<String> fields = new ArrayList<>();
                    int nesting = 0;
                    int fieldStart = tokens.get(i + 2).offset() + 1;
                    int end = -1;
                    for (int j = i + 3; j < tokens.size(); j++) {
                        Token inner = tokens.get(j);
                        boolean symbol = !inner.quoted();
                        if (symbol && inner.text().equals("(")) {
                            nesting++;
                        }
                        else if (symbol && inner.text().equals(")") && nesting > 0) {
                            nesting--;
                        }
                        else if (symbol && (inner.text().equals(",") && nesting == 0 || inner.text().equals(")"))) {
                            String field = sql.substring(fieldStart, inner.offset()).strip();
                            if (field.isEmpty()) {
                                throw syntaxError(sql, inner, "expected a partition field");
                            }
                            fields.add(field);
                            fieldStart = inner.offset() + 1;
                            if (inner.text().equals(")")) {
                                end = j;
                                break;
                            }
                        }
                    }
                    if (end < 0) {
                        throw syntaxError(sql, token, "PARTITIONED BY needs a closing parenthesis");
                    }
                    properties.put("partitioning", List.copyOf(fields));
                    blank(text, sql, token, tokens.get(end));
                    i = end;
                }
                // only before a number: a table may be named slices
                case "SLICES" -> {
                    if (i + 1 < tokens.size() && !tokens.get(i + 1).quoted() && tokens.get(i + 1).text().matches("[0-9]+")) {
                        Token count = tokens.get(i + 1);
                        properties.put("slices", count.text());
                        blank(text, sql, token, count);
                        i++;
                    }
                }
                case "BACKUP" -> {
                    Token value = next(sql, tokens, i, "BACKUP needs YES or NO");
                    blank(text, sql, token, value);
                    i++;
                }
                case "DISTKEY" -> {
                    List<String> names = new ArrayList<>();
                    int end = parenthesizedNames(sql, tokens, i + 1, names);
                    if (names.size() != 1) {
                        throw syntaxError(sql, token, "DISTKEY names exactly one column");
                    }
                    properties.put("distkey", names.getFirst());
                    blank(text, sql, token, tokens.get(end));
                    i = end;
                }
                case "COMPOUND", "INTERLEAVED", "SORTKEY" -> {
                    int start = i;
                    if (!keyword.equals("SORTKEY")) {
                        properties.put("sortstyle", keyword);
                        i++;
                        if (i >= tokens.size() || !tokens.get(i).keyword().equals("SORTKEY")) {
                            throw syntaxError(sql, token, keyword + " must be followed by SORTKEY");
                        }
                    }
                    int end = parenthesizedNames(sql, tokens, i + 1, sortKey);
                    blank(text, sql, tokens.get(start), tokens.get(end));
                    i = end;
                }
                default -> { }
            }
        }
        if (!sortKey.isEmpty()) {
            properties.put("sortkey", String.join(",", sortKey));
        }
        if (properties.isEmpty() && encodings.isEmpty() && defaults.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RedshiftTableAttributes(new String(text), properties, encodings, defaults));
    }

    /**
     * The index of the last token of the expression after {@code DEFAULT} at {@code index}: up
     * to a comma or closing parenthesis of the column list or a column attribute (the first token
     * is always taken, so {@code DEFAULT NULL} works); {@code index} itself when there is none.
     */
    private static int defaultEnd(List<Token> tokens, int index)
    {
        int nesting = 0;
        int last = index;
        for (int i = index + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean symbol = !token.quoted();
            if (symbol && token.text().equals("(")) {
                nesting++;
            }
            else if (symbol && token.text().equals(")")) {
                if (nesting == 0) {
                    break;
                }
                nesting--;
            }
            else if (nesting == 0 && i > index + 1 && (symbol && token.text().equals(",") || COLUMN_ATTRIBUTES.contains(token.keyword()))) {
                break;
            }
            else if (nesting == 0 && i == index + 1 && symbol && token.text().equals(",")) {
                break;
            }
            last = i;
        }
        return last;
    }

    /** Reads {@code ( name [, name ...] )} starting at {@code index}; returns the index of the closing parenthesis. */
    private static int parenthesizedNames(String sql, List<Token> tokens, int index, List<String> names)
    {
        if (index >= tokens.size() || !tokens.get(index).text().equals("(")) {
            throw syntaxError(sql, tokens.get(Math.min(index, tokens.size() - 1)), "expected a parenthesized list of columns");
        }
        int i = index + 1;
        while (i < tokens.size()) {
            Token name = tokens.get(i);
            names.add(name.identifier());
            i++;
            if (i >= tokens.size()) {
                break;
            }
            if (tokens.get(i).text().equals(")")) {
                return i;
            }
            if (!tokens.get(i).text().equals(",")) {
                throw syntaxError(sql, tokens.get(i), "expected , or ) in the column list");
            }
            i++;
        }
        throw syntaxError(sql, tokens.getLast(), "unterminated column list");
    }

    private static Token next(String sql, List<Token> tokens, int index, String message)
    {
        if (index + 1 >= tokens.size()) {
            throw syntaxError(sql, tokens.get(index), message);
        }
        return tokens.get(index + 1);
    }

    private static void blank(char[] text, String sql, Token first, Token last)
    {
        int end = end(sql, last);
        for (int i = first.offset(); i < end; i++) {
            if (text[i] != '\n') {
                text[i] = ' ';
            }
        }
    }

    /** One past the token's last character in the source text. */
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

    private static BasinException syntaxError(String sql, Token token, String message)
    {
        return new BasinException(SYNTAX_ERROR, "Syntax error at or near \"%s\": %s".formatted(token.text(), message));
    }
}
