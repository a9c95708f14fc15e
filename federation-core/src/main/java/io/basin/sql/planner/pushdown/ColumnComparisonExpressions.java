package io.basin.sql.planner.pushdown;

import io.basin.plan.expr.Call;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.InputReference;
import io.trino.spi.expression.ConnectorExpression;
import io.trino.spi.expression.FunctionName;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trino.spi.expression.StandardFunctions.EQUAL_OPERATOR_FUNCTION_NAME;
import static io.trino.spi.expression.StandardFunctions.GREATER_THAN_OPERATOR_FUNCTION_NAME;
import static io.trino.spi.expression.StandardFunctions.GREATER_THAN_OR_EQUAL_OPERATOR_FUNCTION_NAME;
import static io.trino.spi.expression.StandardFunctions.LESS_THAN_OPERATOR_FUNCTION_NAME;
import static io.trino.spi.expression.StandardFunctions.LESS_THAN_OR_EQUAL_OPERATOR_FUNCTION_NAME;
import static io.trino.spi.expression.StandardFunctions.NOT_EQUAL_OPERATOR_FUNCTION_NAME;
import static java.util.Objects.requireNonNull;

/**
 * Filter conjuncts that compare two columns of a scan ({@code l_commitdate < l_receiptdate}) as
 * SPI expressions, offered to the scan's connector with the filter's domain: a connector that
 * evaluates them in its scan leaves them out of the remaining expression, and the engine then
 * drops them from its filter. Only columns of the same type are offered, so no cast is implied.
 */
final class ColumnComparisonExpressions
{
    private static final Map<String, FunctionName> OPERATORS = Map.of(
            FunctionNames.EQUAL, EQUAL_OPERATOR_FUNCTION_NAME,
            FunctionNames.NOT_EQUAL, NOT_EQUAL_OPERATOR_FUNCTION_NAME,
            FunctionNames.LESS_THAN, LESS_THAN_OPERATOR_FUNCTION_NAME,
            FunctionNames.LESS_THAN_OR_EQUAL, LESS_THAN_OR_EQUAL_OPERATOR_FUNCTION_NAME,
            FunctionNames.GREATER_THAN, GREATER_THAN_OPERATOR_FUNCTION_NAME,
            FunctionNames.GREATER_THAN_OR_EQUAL, GREATER_THAN_OR_EQUAL_OPERATOR_FUNCTION_NAME);

    private final ScanVariables variables;

    ColumnComparisonExpressions(ScanVariables variables)
    {
        this.variables = requireNonNull(variables, "variables is null");
    }

    /** The conjunct as an SPI comparison of two columns, or empty when it is no such comparison. */
    Optional<ConnectorExpression> translate(Expression conjunct)
    {
        if (!(conjunct instanceof Call call) || call.arguments().size() != 2
                || !(call.arguments().get(0) instanceof InputReference left) || !(call.arguments().get(1) instanceof InputReference right)
                || !left.type().equals(right.type())) {
            return Optional.empty();
        }
        FunctionName operator = OPERATORS.get(call.name());
        if (operator == null) {
            return Optional.empty();
        }
        return Optional.of(new io.trino.spi.expression.Call(call.type(), operator, List.of(variables.of(left), variables.of(right))));
    }
}
