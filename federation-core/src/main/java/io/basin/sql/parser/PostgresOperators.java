package io.basin.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's {@code ^} (power), bitwise {@code &}, {@code |}, {@code #} (xor), prefix {@code ~}
 * (not), {@code <<} and {@code >>}, rewritten before Calcite parses into calls with their
 * operands made explicit: {@code exponentiation(a, b)} (power), {@code bitwise_and(a, b)}, ... Calcite's parser
 * reads some of them with other precedences ({@code &} between + and *, {@code ^} as xor) and
 * the rest not at all, and a wrong precedence is a wrong answer, so the operands are found here
 * with PostgreSQL's grammar: {@code ^} binds tighter than {@code * / %}, which bind tighter than
 * {@code + -}, which bind tighter than every other operator ({@code & | # << >> ||} and prefix
 * {@code ~}, all left-associative), which bind tighter than comparison, LIKE, IN, BETWEEN, IS,
 * NOT, AND and OR. Unary minus binds tightest, after {@code ::} and subscripts.
 *
 * <p>Only expressions that contain one of these operators are rewritten; the binary operators
 * around them are parenthesized so Calcite groups them the same way. Everything else keeps its
 * text, so positions in errors stay right outside rewritten expressions.
 */
final class PostgresOperators
{
    private static final Map<String, String> BINARY_FUNCTIONS = Map.of(
            "^", "exponentiation",
            "&", "bitwise_and",
            "|", "bitwise_or",
            "#", "bitwise_xor",
            "<<", "bitwise_shift_left",
            ">>", "bitwise_shift_right");

    private static final String NOT_FUNCTION = "bitwise_not";

    private static final Set<String> COMPARISONS = Set.of("=", "<", ">", "<=", ">=", "<>", "!=", "=>");

    private static final String OPERATOR_CHARACTERS = "+-*/<>=~!@#%^&|`?";

    /** Words that end an operand or cannot start one (an operand may still be a call of some, see {@link #CALLABLE}). */
    private static final Set<String> RESERVED = Set.of(
            "ALL", "AND", "ANY", "ARRAY", "AS", "ASC", "ASYMMETRIC", "AT", "BETWEEN", "BOTH", "BY", "CASE", "CHECK", "COLLATE", "CROSS",
            "DEFAULT", "DESC", "DISTINCT", "DO", "ELSE", "END", "ESCAPE", "EXCEPT", "EXISTS", "FETCH", "FILTER", "FOR", "FROM", "FULL",
            "GROUP", "HAVING", "ILIKE", "IN", "INNER", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "LATERAL", "LEFT", "LIKE", "LIMIT",
            "NATURAL", "NOT", "NOTNULL", "NULLS", "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUTER", "OVER", "OVERLAPS", "PARTITION",
            "RETURNING", "RIGHT", "SELECT", "SET", "SIMILAR", "SOME", "SYMMETRIC", "TABLE", "THEN", "TO", "UNION", "USING", "VALUES",
            "WHEN", "WHERE", "WINDOW", "WITH", "WITHIN", "UPDATE", "DELETE", "INSERT", "CREATE", "ROWS", "RANGE", "UNBOUNDED",
            "PRECEDING", "FOLLOWING", "CURRENT", "ROW");

    /** Reserved words that are also functions when a parenthesis follows: left(s, 2), any(array). */
    private static final Set<String> CALLABLE = Set.of("LEFT", "RIGHT", "ANY", "SOME", "ALL", "ROW", "EXISTS");

    /** Words that continue a type name after {@code ::}: double precision, character varying, timestamp with time zone. */
    private static final Set<String> TYPE_WORDS = Set.of("PRECISION", "VARYING", "WITH", "WITHOUT", "TIME", "ZONE");

    private enum Kind { WORD, QUOTED, STRING, NUMBER, PARAMETER, OPERATOR, PUNCTUATION, PARENTHESES, BRACKETS }

    /** A token, or a parenthesized or bracketed group rendered already. */
    private record Item(Kind kind, String text, int start, int end)
    {
        String keyword()
        {
            return kind == Kind.WORD ? text.toUpperCase(Locale.ROOT) : "";
        }

        boolean is(Kind kind, String text)
        {
            return this.kind == kind && this.text.equals(text);
        }
    }

    /** A parsed operand: its items, or an operator applied to operands. */
    private sealed interface Node permits Leaf, Binary, Prefix {}

    private record Leaf(int from, int to) implements Node {}

    private record Binary(String operator, Node left, Node right) implements Node {}

    private record Prefix(String operator, Node operand) implements Node {}

    private final String sql;

    private PostgresOperators(String sql)
    {
        this.sql = sql;
    }

    static String rewrite(String sql)
    {
        if (!mayContainOperator(sql)) {
            return sql;
        }
        PostgresOperators rewriter = new PostgresOperators(sql);
        List<Token> tokens = rewriter.tokenize();
        if (tokens == null) {
            // unbalanced or unterminated: Calcite reports the syntax error
            return sql;
        }
        List<Item> items = rewriter.group(tokens, 0, tokens.size());
        if (items == null) {
            return sql;
        }
        return sql.substring(0, items.isEmpty() ? sql.length() : items.getFirst().start())
                + rewriter.render(items)
                + (items.isEmpty() ? "" : sql.substring(items.getLast().end()));
    }

    private static boolean mayContainOperator(String sql)
    {
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '^' || c == '&' || c == '#' || c == '~' || (c == '|' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '|') && (i == 0 || sql.charAt(i - 1) != '|'))) {
                return true;
            }
        }
        return sql.contains("<<") || sql.contains(">>");
    }

    // --- lexing -----------------------------------------------------------------------------

    private record Token(Kind kind, String text, int start, int end) {}

    private List<Token> tokenize()
    {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (sql.startsWith("--", i)) {
                while (i < length && sql.charAt(i) != '\n') {
                    i++;
                }
            }
            else if (sql.startsWith("/*", i)) {
                int depth = 0;
                do {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    }
                    else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    }
                    else {
                        i++;
                    }
                }
                while (depth > 0 && i < length);
                if (depth > 0) {
                    return null;
                }
            }
            else if (c == '\'' || c == '"') {
                i = quoted(i, c);
                if (i < 0) {
                    return null;
                }
                tokens.add(new Token(c == '"' ? Kind.QUOTED : Kind.STRING, sql.substring(start, i), start, i));
            }
            else if (c == '$' && i + 1 < length && Character.isDigit(sql.charAt(i + 1))) {
                i++;
                while (i < length && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.PARAMETER, sql.substring(start, i), start, i));
            }
            else if (c == '$') {
                // $tag$ ... $tag$: a dollar-quoted string
                int tagEnd = i + 1;
                while (tagEnd < length && (Character.isLetterOrDigit(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) {
                    tagEnd++;
                }
                if (tagEnd >= length || sql.charAt(tagEnd) != '$') {
                    return null;
                }
                String tag = sql.substring(i, tagEnd + 1);
                int close = sql.indexOf(tag, tagEnd + 1);
                if (close < 0) {
                    return null;
                }
                i = close + tag.length();
                tokens.add(new Token(Kind.STRING, sql.substring(start, i), start, i));
            }
            else if (Character.isDigit(c) || (c == '.' && i + 1 < length && Character.isDigit(sql.charAt(i + 1)))) {
                while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.' || sql.charAt(i) == '_'
                        || ((sql.charAt(i) == '+' || sql.charAt(i) == '-') && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')))) {
                    if (sql.charAt(i) == '.' && i + 1 < length && sql.charAt(i + 1) == '.') {
                        break;
                    }
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(start, i), start, i));
            }
            else if (Character.isLetter(c) || c == '_') {
                while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                String word = sql.substring(start, i);
                if (i < length && sql.charAt(i) == '&' && word.equalsIgnoreCase("U") && i + 1 < length && (sql.charAt(i + 1) == '\'' || sql.charAt(i + 1) == '"')) {
                    // U&'...' and U&"...": Unicode escapes, not an operator
                    char quote = sql.charAt(i + 1);
                    i = quoted(i + 1, quote);
                    if (i < 0) {
                        return null;
                    }
                    tokens.add(new Token(quote == '"' ? Kind.QUOTED : Kind.STRING, sql.substring(start, i), start, i));
                }
                else {
                    tokens.add(new Token(Kind.WORD, word, start, i));
                }
            }
            else if (sql.startsWith("::", i)) {
                i += 2;
                tokens.add(new Token(Kind.PUNCTUATION, "::", start, i));
            }
            else if (OPERATOR_CHARACTERS.indexOf(c) >= 0) {
                while (i < length && OPERATOR_CHARACTERS.indexOf(sql.charAt(i)) >= 0 && !sql.startsWith("--", i) && !sql.startsWith("/*", i)) {
                    i++;
                }
                String operator = sql.substring(start, i);
                // PostgreSQL's lexer: a trailing + or - belongs to the next token unless the
                // operator has one of ~ ! @ # % ^ & | ` ? (so 2*-3 is 2 * -3)
                if (operator.chars().noneMatch(ch -> "~!@#%^&|`?".indexOf(ch) >= 0)) {
                    while (operator.length() > 1 && (operator.endsWith("+") || operator.endsWith("-"))) {
                        operator = operator.substring(0, operator.length() - 1);
                    }
                    i = start + operator.length();
                }
                String leading = operator.replaceAll("[+-]+$", "");
                if (!leading.equals(operator) && (BINARY_FUNCTIONS.containsKey(leading) || leading.equals("~"))) {
                    // 2 ^-1, 5 &-1: PostgreSQL reads one operator (^-) it does not have, and fails;
                    // Calcite would read ^ as xor, so the sign is made the next operand's
                    operator = leading;
                    i = start + operator.length();
                }
                tokens.add(new Token(Kind.OPERATOR, operator, start, i));
            }
            else {
                i++;
                tokens.add(new Token(Kind.PUNCTUATION, String.valueOf(c), start, i));
            }
        }
        return tokens;
    }

    /** The end of a quoted string or identifier starting at {@code start}; -1 when unterminated. */
    private int quoted(int start, char quote)
    {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    // --- grouping: parentheses and brackets become single items, their contents rewritten ----

    private List<Item> group(List<Token> tokens, int from, int to)
    {
        List<Item> items = new ArrayList<>();
        int i = from;
        while (i < to) {
            Token token = tokens.get(i);
            if (token.kind() == Kind.PUNCTUATION && (token.text().equals("(") || token.text().equals("["))) {
                String close = token.text().equals("(") ? ")" : "]";
                int depth = 0;
                int j = i;
                for (; j < to; j++) {
                    Token candidate = tokens.get(j);
                    if (candidate.kind() == Kind.PUNCTUATION && (candidate.text().equals("(") || candidate.text().equals("["))) {
                        depth++;
                    }
                    else if (candidate.kind() == Kind.PUNCTUATION && (candidate.text().equals(")") || candidate.text().equals("]"))) {
                        depth--;
                        if (depth == 0) {
                            break;
                        }
                    }
                }
                if (j >= to || !tokens.get(j).text().equals(close)) {
                    return null;
                }
                List<Item> inner = group(tokens, i + 1, j);
                if (inner == null) {
                    return null;
                }
                String innerText = inner.isEmpty()
                        ? sql.substring(token.end(), tokens.get(j).start())
                        : sql.substring(token.end(), inner.getFirst().start()) + render(inner) + sql.substring(inner.getLast().end(), tokens.get(j).start());
                items.add(new Item(token.text().equals("(") ? Kind.PARENTHESES : Kind.BRACKETS, token.text() + innerText + close, token.start(), tokens.get(j).end()));
                i = j + 1;
            }
            else if (token.kind() == Kind.PUNCTUATION && (token.text().equals(")") || token.text().equals("]"))) {
                return null;
            }
            else {
                items.add(new Item(token.kind(), token.text(), token.start(), token.end()));
                i++;
            }
        }
        return items;
    }

    // --- one nesting level: expressions with a rewritten operator are emitted anew ----------

    /** The text of {@code items} (from the first's start to the last's end) with their operators rewritten. */
    private String render(List<Item> items)
    {
        StringBuilder result = new StringBuilder();
        Level level = new Level(items);
        int position = 0;
        while (position < items.size()) {
            level.position = position;
            Node node = level.startsOperand() && !isTestedValue(items, position) ? level.expression(0) : null;
            int end = node == null ? position + 1 : level.position;
            if (position > 0) {
                result.append(sql, items.get(position - 1).end(), items.get(position).start());
            }
            if (node != null && containsRewrite(node)) {
                result.append(level.emit(node));
            }
            else {
                result.append(level.text(position, end));
            }
            position = end;
        }
        return result.toString();
    }

    /** NULL, TRUE, FALSE or UNKNOWN after IS [NOT]: part of the test, not an operand. */
    private static boolean isTestedValue(List<Item> items, int position)
    {
        String keyword = items.get(position).keyword();
        if (!Set.of("NULL", "TRUE", "FALSE", "UNKNOWN").contains(keyword) || position == 0) {
            return false;
        }
        String previous = items.get(position - 1).keyword();
        return previous.equals("IS") || previous.equals("NOT") && position > 1 && items.get(position - 2).keyword().equals("IS");
    }

    private static boolean containsRewrite(Node node)
    {
        return switch (node) {
            case Leaf _ -> false;
            case Binary binary -> BINARY_FUNCTIONS.containsKey(binary.operator()) || containsRewrite(binary.left()) || containsRewrite(binary.right());
            case Prefix prefix -> prefix.operator().equals("~") || containsRewrite(prefix.operand());
        };
    }

    /** Binding strength of a binary operator; 0 for those that end an operand (comparison). */
    private static int precedence(String operator)
    {
        if (COMPARISONS.contains(operator)) {
            return 0;
        }
        return switch (operator) {
            case "^" -> 4;
            case "*", "/", "%" -> 3;
            case "+", "-" -> 2;
            default -> 1;
        };
    }

    /** A precedence-climbing parser over one level's items. */
    private final class Level
    {
        private final List<Item> items;
        private int position;

        Level(List<Item> items)
        {
            this.items = items;
        }

        boolean startsOperand()
        {
            if (position >= items.size()) {
                return false;
            }
            Item item = items.get(position);
            return switch (item.kind()) {
                case OPERATOR -> !COMPARISONS.contains(item.text()) && !item.text().equals("*");
                case WORD -> isOperandWord(position);
                case PUNCTUATION -> false;
                default -> true;
            };
        }

        private boolean isOperandWord(int index)
        {
            String keyword = items.get(index).keyword();
            if (keyword.equals("CASE")) {
                return true;
            }
            if (keyword.equals("ARRAY")) {
                return index + 1 < items.size() && (items.get(index + 1).kind() == Kind.BRACKETS || items.get(index + 1).kind() == Kind.PARENTHESES);
            }
            if (RESERVED.contains(keyword)) {
                return CALLABLE.contains(keyword) && index + 1 < items.size() && items.get(index + 1).kind() == Kind.PARENTHESES;
            }
            return true;
        }

        Node expression(int minimum)
        {
            Node left = unary();
            if (left == null) {
                return null;
            }
            while (position < items.size() && items.get(position).kind() == Kind.OPERATOR) {
                String operator = items.get(position).text();
                int precedence = precedence(operator);
                if (precedence == 0 || precedence < minimum) {
                    break;
                }
                int before = position;
                position++;
                Node right = startsOperand() ? expression(precedence + 1) : null;
                if (right == null) {
                    // a postfix use or a syntax error: leave it to Calcite
                    position = before;
                    break;
                }
                left = new Binary(operator, left, right);
            }
            return left;
        }

        private Node unary()
        {
            Item item = items.get(position);
            if (item.kind() == Kind.OPERATOR) {
                String operator = item.text();
                position++;
                if (!startsOperand()) {
                    position--;
                    return null;
                }
                // unary minus and plus bind tightest; any other prefix operator (~) takes what binds tighter than it
                Node operand = operator.equals("-") || operator.equals("+") ? unary() : expression(2);
                if (operand == null) {
                    position--;
                    return null;
                }
                return new Prefix(operator, operand);
            }
            return primary();
        }

        private Node primary()
        {
            int start = position;
            Item item = items.get(position);
            position++;
            if (item.kind() == Kind.WORD) {
                String keyword = item.keyword();
                if (keyword.equals("CASE")) {
                    int depth = 1;
                    while (position < items.size() && depth > 0) {
                        String word = items.get(position).keyword();
                        depth += word.equals("CASE") ? 1 : word.equals("END") ? -1 : 0;
                        position++;
                    }
                }
                else if (keyword.equals("ARRAY")) {
                    position++;
                }
                else if (position < items.size() && items.get(position).kind() == Kind.STRING) {
                    // a typed literal: DATE '2024-01-01', interval '1 day'
                    position++;
                }
                else {
                    while (position + 1 < items.size() && items.get(position).is(Kind.PUNCTUATION, ".")
                            && (items.get(position + 1).kind() == Kind.WORD || items.get(position + 1).kind() == Kind.QUOTED || items.get(position + 1).is(Kind.OPERATOR, "*"))) {
                        position += 2;
                    }
                    if (position < items.size() && items.get(position).kind() == Kind.PARENTHESES) {
                        position++;
                        callSuffixes();
                    }
                }
            }
            else if (item.kind() == Kind.QUOTED) {
                while (position + 1 < items.size() && items.get(position).is(Kind.PUNCTUATION, ".")) {
                    position += 2;
                }
                if (position < items.size() && items.get(position).kind() == Kind.PARENTHESES) {
                    position++;
                }
            }
            postfix();
            return new Leaf(start, position);
        }

        /** FILTER (...), WITHIN GROUP (...), OVER (...) or OVER name after a call. */
        private void callSuffixes()
        {
            while (position < items.size()) {
                String keyword = items.get(position).keyword();
                if (keyword.equals("FILTER") && next(Kind.PARENTHESES, 1)) {
                    position += 2;
                }
                else if (keyword.equals("WITHIN") && position + 2 < items.size() && items.get(position + 1).keyword().equals("GROUP") && next(Kind.PARENTHESES, 2)) {
                    position += 3;
                }
                else if (keyword.equals("OVER") && (next(Kind.PARENTHESES, 1) || next(Kind.WORD, 1))) {
                    position += 2;
                }
                else {
                    return;
                }
            }
        }

        private boolean next(Kind kind, int offset)
        {
            return position + offset < items.size() && items.get(position + offset).kind() == kind;
        }

        /** {@code ::type} casts and {@code [i]} subscripts. */
        private void postfix()
        {
            while (position < items.size()) {
                Item item = items.get(position);
                if (item.kind() == Kind.BRACKETS) {
                    position++;
                }
                else if (item.is(Kind.PUNCTUATION, "::") && position + 1 < items.size()) {
                    position += 2;
                    while (position + 1 < items.size() && items.get(position).is(Kind.PUNCTUATION, ".")) {
                        position += 2;
                    }
                    while (position < items.size() && TYPE_WORDS.contains(items.get(position).keyword())) {
                        position++;
                    }
                    if (position < items.size() && items.get(position).kind() == Kind.PARENTHESES) {
                        position++;
                    }
                }
                else {
                    return;
                }
            }
        }

        /** The items' text, the expressions between CASE and END rendered as a level of their own. */
        String text(int from, int to)
        {
            StringBuilder text = new StringBuilder();
            int i = from;
            while (i < to) {
                if (i > from) {
                    text.append(sql, items.get(i - 1).end(), items.get(i).start());
                }
                if (items.get(i).keyword().equals("CASE")) {
                    int end = i + 1;
                    int depth = 1;
                    while (end < to && depth > 0) {
                        String word = items.get(end).keyword();
                        depth += word.equals("CASE") ? 1 : word.equals("END") ? -1 : 0;
                        end++;
                    }
                    if (depth == 0 && end - 1 > i + 1) {
                        List<Item> inner = items.subList(i + 1, end - 1);
                        text.append(items.get(i).text())
                                .append(sql, items.get(i).end(), inner.getFirst().start())
                                .append(render(inner))
                                .append(sql, inner.getLast().end(), items.get(end - 1).start())
                                .append(items.get(end - 1).text());
                        i = end;
                        continue;
                    }
                }
                text.append(items.get(i).text());
                i++;
            }
            return text.toString();
        }

        String emit(Node node)
        {
            return switch (node) {
                case Leaf leaf -> text(leaf.from(), leaf.to());
                case Binary binary when BINARY_FUNCTIONS.containsKey(binary.operator()) ->
                        BINARY_FUNCTIONS.get(binary.operator()) + "(" + emit(binary.left()) + ", " + emit(binary.right()) + ")";
                case Binary binary -> "(" + emit(binary.left()) + " " + binary.operator() + " " + emit(binary.right()) + ")";
                case Prefix prefix when prefix.operator().equals("~") -> NOT_FUNCTION + "(" + emit(prefix.operand()) + ")";
                case Prefix prefix -> "(" + prefix.operator() + " " + emit(prefix.operand()) + ")";
            };
        }
    }
}
