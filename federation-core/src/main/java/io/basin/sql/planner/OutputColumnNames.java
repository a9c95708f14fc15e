package io.basin.sql.planner;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names unnamed output columns as PostgreSQL does: a function call is named after the function
 * ({@code count}, {@code sum}), anything else {@code ?column?}, instead of Calcite's EXPR$n.
 */
final class OutputColumnNames
{
    private static final Pattern GENERATED = Pattern.compile("EXPR\\$\\d+");

    private OutputColumnNames() {}

    static List<String> postgresNames(SqlNode query, List<String> names)
    {
        SqlNodeList selectList = selectList(query);
        List<String> result = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!GENERATED.matcher(name).matches()) {
                result.add(name);
                continue;
            }
            SqlNode item = selectList != null && i < selectList.size() ? selectList.get(i) : null;
            result.add(item == null ? "?column?" : nameOf(item));
        }
        return result;
    }

    private static String nameOf(SqlNode item)
    {
        if (item instanceof org.apache.calcite.sql.SqlIdentifier identifier && !identifier.isStar()) {
            return identifier.names.getLast();
        }
        if (item instanceof SqlBasicCall call) {
            if (call.getOperator().getName().equalsIgnoreCase("ANY_VALUE") && call.operandCount() == 1) {
                // Babel conformance wraps non-grouped expressions of a grouped query
                return nameOf(call.operand(0));
            }
            if (call.getKind() == SqlKind.CAST) {
                return nameOf(call.operand(0));
            }
            if (call.getKind() == SqlKind.FILTER || call.getKind() == SqlKind.WITHIN_GROUP || call.getKind() == SqlKind.OVER) {
                // the aggregate or window function inside names the column: count(*) FILTER (...) is "count"
                return nameOf(call.operand(0));
            }
            if (call.getOperator() instanceof io.basin.sql.analyzer.BasinOperatorTable.OperatorFunction) {
                // a & b, rewritten into bitwise_and(a, b) before parsing: an operator's column
                return "?column?";
            }
            if (call.getOperator() instanceof SqlFunction || call.getOperator().isAggregator()) {
                return call.getOperator().getName().toLowerCase(Locale.ROOT);
            }
            if (call.getKind() == SqlKind.CASE) {
                return "case";
            }
        }
        if (item instanceof SqlCall call && call.getKind() == SqlKind.CASE) {
            return "case";
        }
        return "?column?";
    }

    private static SqlNodeList selectList(SqlNode query)
    {
        SqlNode node = query;
        while (true) {
            if (node instanceof SqlOrderBy orderBy) {
                node = orderBy.query;
            }
            else if (node instanceof SqlWith with) {
                node = with.body;
            }
            else if (node instanceof SqlSelect select) {
                return select.getSelectList();
            }
            else {
                return null;
            }
        }
    }
}
