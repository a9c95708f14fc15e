package io.basin.sql.parser;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlPrefixOperator;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

import java.math.BigDecimal;
import java.math.RoundingMode;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives {@code ::} PostgreSQL's precedence. Calcite's Babel parser binds it more loosely than
 * arithmetic, reading {@code i * 2::bigint} as {@code (i * 2)::bigint}; PostgreSQL casts only
 * {@code 2}. A cast whose operand is an unparenthesized operator expression is pushed down to
 * that expression's last operand (parentheses are recognized from the source positions).
 */
final class DialectRewriter
        extends SqlShuttle
{
    private static final java.util.Set<SqlTypeName> ROUNDED_TYPES = java.util.EnumSet.of(
            SqlTypeName.DECIMAL, SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER, SqlTypeName.BIGINT);

    private static final java.util.regex.Pattern FOUR_DIGIT_YEAR = java.util.regex.Pattern.compile("\\s*\\d{1,4}-");

    private final String sql;
    private final List<Integer> lineStarts = new ArrayList<>();

    DialectRewriter(String sql)
    {
        this.sql = sql;
        lineStarts.add(0);
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
    }

    /**
     * A typed date or timestamp literal that Calcite cannot hold becomes a cast of its text, which
     * Basin evaluates with its own date functions. Calcite's literals hold years up to 9999 and
     * read {@code TIMESTAMP '12000-01-01 10:00'} as the year 2000; PostgreSQL accepts such years,
     * and its errors for bad text are 22007 and 22008, not internal ones. Other literals stay
     * literals (a VALUES list of literals is planned as one Values node, with casts as a union).
     */
    @Override
    public SqlNode visit(SqlLiteral literal)
    {
        if (literal instanceof SqlUnknownLiteral unknown) {
            SqlTypeName type = SqlTypeName.get(unknown.tag.toUpperCase(java.util.Locale.ROOT));
            if ((type == SqlTypeName.DATE || type == SqlTypeName.TIMESTAMP) && !calciteReads(unknown, type)) {
                SqlParserPos pos = unknown.getParserPosition();
                return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createCharString(unknown.getValue(), pos),
                        new SqlDataTypeSpec(new SqlBasicTypeNameSpec(type, pos), pos));
            }
        }
        return literal;
    }

    private static boolean calciteReads(SqlUnknownLiteral literal, SqlTypeName type)
    {
        if (!FOUR_DIGIT_YEAR.matcher(literal.getValue()).lookingAt()) {
            return false;
        }
        try {
            literal.resolve(type);
            return true;
        }
        catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public SqlNode visit(SqlCall call)
    {
        SqlNode visited = super.visit(call);
        if (!(visited instanceof SqlCall result)) {
            return visited;
        }
        if (result.getKind() == SqlKind.CAST && result.operandCount() == 2) {
            roundLiteralForDecimalCast(result);
        }
        if (result.getOperator() == SqlLibraryOperators.INFIX_CAST) {
            return pushDown(result.operand(0), result.operand(1), result.getParserPosition());
        }
        if (result.getKind() == SqlKind.ARRAY_QUERY_CONSTRUCTOR && result.operandCount() == 1 && isUnnestOfColumn(result.operand(0))) {
            // ARRAY(SELECT e FROM unnest(col) x): an array column is one of the catalogs' (Basin's
            // tables have none), and those are always NULL, so the subquery has no rows and the
            // array is empty. psql's \d+ asks for the options of a table's TOAST table this way.
            SqlParserPos pos = result.getParserPosition();
            return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createCharString("{}", pos),
                    new SqlDataTypeSpec(new SqlCollectionTypeNameSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos), SqlTypeName.ARRAY, pos), pos));
        }
        if (isArrayToStringOfQuery(result)) {
            return arrayToStringAsAggregate(result);
        }
        return visited;
    }

    private static boolean isUnnestOfColumn(SqlNode query)
    {
        if (!(query instanceof SqlSelect select) || select.getFrom() == null || select.getSelectList().size() != 1) {
            return false;
        }
        SqlNode from = select.getFrom();
        if (from.getKind() == SqlKind.AS) {
            from = ((SqlCall) from).operand(0);
        }
        return from.getKind() == SqlKind.UNNEST && ((SqlCall) from).operandCount() == 1 && ((SqlCall) from).operand(0) instanceof SqlIdentifier;
    }

    /** array_to_string(ARRAY(SELECT e FROM ... [ORDER BY ...]), delimiter) with a plain one-column query. */
    private static boolean isArrayToStringOfQuery(SqlCall call)
    {
        if (!call.getOperator().getName().equalsIgnoreCase("ARRAY_TO_STRING") || call.operandCount() != 2
                || call.operand(0).getKind() != SqlKind.ARRAY_QUERY_CONSTRUCTOR) {
            return false;
        }
        SqlNode query = ((SqlCall) call.operand(0)).operand(0);
        if (query instanceof SqlOrderBy orderBy) {
            if (orderBy.offset != null || orderBy.fetch != null) {
                return false;
            }
            query = orderBy.query;
        }
        if (!(query instanceof SqlSelect select) || select.getSelectList().size() != 1 || select.isDistinct() || select.getGroup() != null
                || select.getHaving() != null || select.getFetch() != null || select.getOffset() != null || !select.getWindowList().isEmpty()) {
            return false;
        }
        if (select.getSelectList().get(0) instanceof SqlIdentifier identifier && identifier.isStar()) {
            return false;
        }
        SqlNodeList orderBy = ((SqlCall) call.operand(0)).operand(0) instanceof SqlOrderBy ordered ? ordered.orderList : select.getOrderList();
        // an ordered string_agg loses its order when the planner decorrelates it, so an ordered
        // subquery is rewritten only where it has no rows to order: a test x = ANY(array column)
        // (array columns are the catalogs' and always NULL), as in psql's \dp
        return orderBy == null || orderBy.isEmpty() || hasAnyOfArrayColumn(select.getWhere());
    }

    private static boolean hasAnyOfArrayColumn(SqlNode condition)
    {
        if (!(condition instanceof SqlCall call)) {
            return false;
        }
        if (call.getKind() == SqlKind.AND) {
            return call.getOperandList().stream().anyMatch(DialectRewriter::hasAnyOfArrayColumn);
        }
        if (call.getKind() != SqlKind.SOME || call.operandCount() != 2) {
            return false;
        }
        // ANY (col) is parsed with its parenthesized operand as a list of one
        SqlNode array = call.operand(1) instanceof SqlNodeList list && list.size() == 1 ? list.get(0) : call.operand(1);
        return array instanceof SqlIdentifier;
    }

    /**
     * array_to_string(ARRAY(SELECT e FROM t WHERE w ORDER BY o), d) becomes
     * {@code coalesce((SELECT string_agg(e, d ORDER BY o) FROM t WHERE w), '')}: the same text
     * (both skip NULL elements; an empty array gives the empty string), and a correlated scalar
     * aggregate is a subquery the planner decorrelates, which an ARRAY subquery is not. psql's
     * \dp lists column privileges and policies this way.
     */
    private static SqlNode arrayToStringAsAggregate(SqlCall call)
    {
        SqlParserPos pos = call.getParserPosition();
        SqlNode query = ((SqlCall) call.operand(0)).operand(0);
        SqlNodeList orderBy = null;
        if (query instanceof SqlOrderBy ordered) {
            orderBy = ordered.orderList;
            query = ordered.query;
        }
        SqlSelect select = (SqlSelect) query;
        if (orderBy == null) {
            orderBy = select.getOrderList();
        }
        SqlNode element = select.getSelectList().get(0);
        if (element.getKind() == SqlKind.AS) {
            element = ((SqlCall) element).operand(0);
        }
        SqlNode aggregate = SqlLibraryOperators.STRING_AGG.createCall(pos, element, call.operand(1));
        if (orderBy != null && !orderBy.isEmpty()) {
            List<SqlNode> keys = new ArrayList<>();
            for (SqlNode key : orderBy) {
                keys.add(withOrdinalResolved(key, element));
            }
            // string_agg(e, d ORDER BY k): Calcite's parser holds the keys as a last operand
            aggregate = SqlLibraryOperators.STRING_AGG.createCall(pos, element, call.operand(1), new SqlNodeList(keys, pos));
        }
        SqlSelect scalar = new SqlSelect(pos, null, SqlNodeList.of(aggregate), select.getFrom(), select.getWhere(), null, null, null, null, null, null, null);
        return SqlStdOperatorTable.COALESCE.createCall(pos, scalar, SqlLiteral.createCharString("", pos));
    }

    /** ORDER BY 1 [DESC] of a one-column query: the column's expression. */
    private static SqlNode withOrdinalResolved(SqlNode key, SqlNode element)
    {
        if (key instanceof SqlNumericLiteral literal && literal.intValue(false) == 1) {
            return element;
        }
        if (key instanceof SqlCall wrapper && (key.getKind() == SqlKind.DESCENDING || key.getKind() == SqlKind.NULLS_FIRST || key.getKind() == SqlKind.NULLS_LAST)) {
            return wrapper.getOperator().createCall(wrapper.getParserPosition(), withOrdinalResolved(wrapper.operand(0), element));
        }
        return key;
    }

    /**
     * CAST(2.345 AS decimal(5,2)) and CAST(2.5 AS integer): Calcite converts the literal itself
     * and truncates (2.34, 2); PostgreSQL rounds half away from zero (2.35, 3). Rounding the literal's text first gives the
     * same value either way.
     */
    private static void roundLiteralForDecimalCast(SqlCall cast)
    {
        if (!(cast.operand(1) instanceof SqlDataTypeSpec spec) || !(spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec typeName)) {
            return;
        }
        SqlTypeName target = SqlTypeName.get(typeName.getTypeName().getSimple().toUpperCase(java.util.Locale.ROOT));
        if (!ROUNDED_TYPES.contains(target)) {
            return;
        }
        BigDecimal value = switch (cast.operand(0)) {
            case SqlNumericLiteral literal when literal.isExact() -> literal.bigDecimalValue();
            // a string literal being cast to a number ('-0.125'::decimal(6,2)) is converted by Calcite too
            case SqlCharStringLiteral literal -> parseNumber(literal.getValueAs(String.class));
            default -> null;
        };
        int scale = target == SqlTypeName.DECIMAL ? Math.max(typeName.getScale(), 0) : 0;
        if (value == null || (cast.operand(0) instanceof SqlNumericLiteral && value.scale() <= scale)) {
            return;
        }
        BigDecimal rounded = value.setScale(Math.max(scale, 0), RoundingMode.HALF_UP);
        SqlParserPos position = cast.operand(0).getParserPosition();
        SqlNode literal = SqlLiteral.createExactNumeric(rounded.abs().toPlainString(), position);
        cast.setOperand(0, rounded.signum() < 0 ? SqlStdOperatorTable.UNARY_MINUS.createCall(position, literal) : literal);
    }

    private static BigDecimal parseNumber(String text)
    {
        try {
            return text == null ? null : new BigDecimal(text.trim());
        }
        catch (NumberFormatException e) {
            // not a number: the cast raises PostgreSQL's invalid-input error at run time
            return null;
        }
    }

    private SqlNode pushDown(SqlNode operand, SqlNode type, SqlParserPos position)
    {
        // x::int::text casts x, then the result: casts chain from the left
        if (operand instanceof SqlBasicCall inner && inner.getOperator() != SqlLibraryOperators.INFIX_CAST && !isParenthesized(inner.getParserPosition())) {
            if (inner.getOperator() instanceof SqlBinaryOperator && inner.operandCount() == 2) {
                SqlNode last = pushDown(inner.operand(1), type, position);
                return inner.getOperator().createCall(inner.getFunctionQuantifier(), inner.getParserPosition(), inner.operand(0), last);
            }
            if (inner.getOperator() instanceof SqlPrefixOperator && inner.operandCount() == 1) {
                return inner.getOperator().createCall(inner.getParserPosition(), pushDown(inner.operand(0), type, position));
            }
        }
        return SqlLibraryOperators.INFIX_CAST.createCall(position, operand, type);
    }

    private boolean isParenthesized(SqlParserPos position)
    {
        int start = offset(position.getLineNum(), position.getColumnNum());
        int end = offset(position.getEndLineNum(), position.getEndColumnNum());
        if (start < 0 || end < 0) {
            // no position: leave Calcite's reading alone
            return true;
        }
        if (sql.charAt(start) == '(' && matchingParenthesis(start) == end) {
            // the span includes its own parentheses
            return true;
        }
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
            before--;
        }
        int after = end + 1;
        while (after < sql.length() && Character.isWhitespace(sql.charAt(after))) {
            after++;
        }
        return before >= 0 && sql.charAt(before) == '(' && after < sql.length() && sql.charAt(after) == ')';
    }

    private int matchingParenthesis(int open)
    {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                // skip a string literal ('' escapes stay inside it)
                i = sql.indexOf('\'', i + 1);
                if (i < 0) {
                    return -1;
                }
                continue;
            }
            if (c == '(') {
                depth++;
            }
            else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private int offset(int line, int column)
    {
        if (line <= 0 || column <= 0 || line > lineStarts.size()) {
            return -1;
        }
        int offset = lineStarts.get(line - 1) + column - 1;
        return offset < sql.length() ? offset : -1;
    }
}
