package io.basin.connector.iceberg;

import io.basin.spectrum.ColumnComparison;
import io.trino.plugin.base.expression.ConnectorExpressions;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.expression.Call;
import io.trino.spi.expression.ConnectorExpression;
import io.trino.spi.expression.Constant;
import io.trino.spi.expression.FunctionName;
import io.trino.spi.expression.Variable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trino.spi.expression.StandardFunctions.EQUAL_OPERATOR_FUNCTION_NAME;
import static io.trino.spi.expression.StandardFunctions.GREATER_THAN_OPERATOR_FUNCTION_NAME;
import static io.trino.spi.expression.StandardFunctions.GREATER_THAN_OR_EQUAL_OPERATOR_FUNCTION_NAME;
import static io.trino.spi.expression.StandardFunctions.LESS_THAN_OPERATOR_FUNCTION_NAME;
import static io.trino.spi.expression.StandardFunctions.LESS_THAN_OR_EQUAL_OPERATOR_FUNCTION_NAME;
import static io.trino.spi.expression.StandardFunctions.NOT_EQUAL_OPERATOR_FUNCTION_NAME;

/**
 * The part of a filter expression ({@code Constraint.getExpression()}) that the scan workers
 * take: conjuncts comparing two columns of the table ({@code l_commitdate < l_receiptdate}) of a
 * type the workers compare as longs. Everything else stays with the engine.
 */
final class PushedComparisons
{
    private static final Map<FunctionName, ColumnComparison.Operator> OPERATORS = Map.of(
            EQUAL_OPERATOR_FUNCTION_NAME, ColumnComparison.Operator.EQUAL,
            NOT_EQUAL_OPERATOR_FUNCTION_NAME, ColumnComparison.Operator.NOT_EQUAL,
            LESS_THAN_OPERATOR_FUNCTION_NAME, ColumnComparison.Operator.LESS_THAN,
            LESS_THAN_OR_EQUAL_OPERATOR_FUNCTION_NAME, ColumnComparison.Operator.LESS_THAN_OR_EQUAL,
            GREATER_THAN_OPERATOR_FUNCTION_NAME, ColumnComparison.Operator.GREATER_THAN,
            GREATER_THAN_OR_EQUAL_OPERATOR_FUNCTION_NAME, ColumnComparison.Operator.GREATER_THAN_OR_EQUAL);

    /** The comparisons taken, and the conjuncts left for the engine (TRUE when none). */
    record Split(List<IcebergColumnComparison> comparisons, ConnectorExpression remaining) {}

    private PushedComparisons() {}

    static Split split(ConnectorExpression expression, Map<String, ColumnHandle> assignments)
    {
        List<IcebergColumnComparison> comparisons = new ArrayList<>();
        List<ConnectorExpression> remaining = new ArrayList<>();
        for (ConnectorExpression conjunct : ConnectorExpressions.extractConjuncts(expression)) {
            Optional<IcebergColumnComparison> comparison = comparison(conjunct, assignments);
            if (comparison.isPresent()) {
                comparisons.add(comparison.get());
            }
            else if (!conjunct.equals(Constant.TRUE)) {
                remaining.add(conjunct);
            }
        }
        return new Split(comparisons, remaining.isEmpty() ? Constant.TRUE : ConnectorExpressions.and(remaining));
    }

    private static Optional<IcebergColumnComparison> comparison(ConnectorExpression expression, Map<String, ColumnHandle> assignments)
    {
        if (!(expression instanceof Call call) || call.getArguments().size() != 2
                || !(call.getArguments().get(0) instanceof Variable left) || !(call.getArguments().get(1) instanceof Variable right)) {
            return Optional.empty();
        }
        ColumnComparison.Operator operator = OPERATORS.get(call.getFunctionName());
        if (operator == null
                || !(assignments.get(left.getName()) instanceof IcebergColumnHandle leftColumn)
                || !(assignments.get(right.getName()) instanceof IcebergColumnHandle rightColumn)
                || !ColumnComparison.supports(leftColumn.toScanColumn(), rightColumn.toScanColumn())) {
            return Optional.empty();
        }
        return Optional.of(new IcebergColumnComparison(leftColumn, operator, rightColumn));
    }
}
