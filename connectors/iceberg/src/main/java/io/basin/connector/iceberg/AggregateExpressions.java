package io.basin.connector.iceberg;

import io.basin.spectrum.ScanExpression;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.expression.Call;
import io.trino.spi.expression.ConnectorExpression;
import io.trino.spi.expression.Constant;
import io.trino.spi.expression.Variable;
import io.trino.spi.type.Int128;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trino.spi.expression.StandardFunctions.ADD_FUNCTION_NAME;
import static io.trino.spi.expression.StandardFunctions.CAST_FUNCTION_NAME;
import static io.trino.spi.expression.StandardFunctions.MULTIPLY_FUNCTION_NAME;
import static io.trino.spi.expression.StandardFunctions.SUBTRACT_FUNCTION_NAME;

/**
 * The aggregate arguments the scan workers evaluate: an engine's expression of +, -, *, CAST,
 * columns and exact numeric literals becomes a {@link ScanExpression}; anything else is not pushed.
 */
final class AggregateExpressions
{
    private AggregateExpressions() {}

    /**
     * The expression over the columns it reads, which it adds to {@code columns} (its channels
     * index that list); empty when the workers cannot compute it exactly as the engine would.
     */
    static Optional<ScanExpression> toScanExpression(ConnectorExpression expression, Map<String, ColumnHandle> assignments, List<IcebergColumnHandle> columns)
    {
        if (!ScanExpression.supportedType(expression.getType())) {
            return Optional.empty();
        }
        return switch (expression) {
            case Variable variable when assignments.get(variable.getName()) instanceof IcebergColumnHandle column && column.type().equals(variable.getType()) -> {
                if (!columns.contains(column)) {
                    columns.add(column);
                }
                yield Optional.of(new ScanExpression.Column(columns.indexOf(column), column.type()));
            }
            case Constant constant when constant.getValue() instanceof Long || constant.getValue() instanceof Int128 ->
                    Optional.of(new ScanExpression.Literal(constant.getValue(), constant.getType()));
            case Call call when call.getArguments().size() == 2 && operator(call).isPresent() -> {
                Optional<ScanExpression> left = toScanExpression(call.getArguments().get(0), assignments, columns);
                Optional<ScanExpression> right = left.isEmpty() ? Optional.empty() : toScanExpression(call.getArguments().get(1), assignments, columns);
                if (right.isEmpty() || !ScanExpression.Arithmetic.supports(left.get().type(), right.get().type(), call.getType())) {
                    yield Optional.empty();
                }
                yield Optional.of(new ScanExpression.Arithmetic(operator(call).get(), left.get(), right.get(), call.getType()));
            }
            case Call call when call.getFunctionName().equals(CAST_FUNCTION_NAME) && call.getArguments().size() == 1 -> {
                Optional<ScanExpression> argument = toScanExpression(call.getArguments().getFirst(), assignments, columns);
                if (argument.isEmpty() || !ScanExpression.Cast.supports(argument.get().type(), call.getType())) {
                    yield Optional.empty();
                }
                yield Optional.of(new ScanExpression.Cast(argument.get(), call.getType()));
            }
            default -> Optional.empty();
        };
    }

    private static Optional<ScanExpression.Operator> operator(Call call)
    {
        if (call.getFunctionName().equals(ADD_FUNCTION_NAME)) {
            return Optional.of(ScanExpression.Operator.ADD);
        }
        if (call.getFunctionName().equals(SUBTRACT_FUNCTION_NAME)) {
            return Optional.of(ScanExpression.Operator.SUBTRACT);
        }
        if (call.getFunctionName().equals(MULTIPLY_FUNCTION_NAME)) {
            return Optional.of(ScanExpression.Operator.MULTIPLY);
        }
        return Optional.empty();
    }
}
