package io.basin.sql.planner.pushdown;

import io.basin.plan.expr.Call;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.InputReference;
import io.trino.spi.expression.ConnectorExpression;
import io.trino.spi.expression.FunctionName;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.trino.spi.expression.StandardFunctions.ADD_FUNCTION_NAME;
import static io.trino.spi.expression.StandardFunctions.CAST_FUNCTION_NAME;
import static io.trino.spi.expression.StandardFunctions.MULTIPLY_FUNCTION_NAME;
import static io.trino.spi.expression.StandardFunctions.SUBTRACT_FUNCTION_NAME;
import static java.util.Objects.requireNonNull;

/**
 * Aggregate arguments such as {@code l_extendedprice * (1 - l_discount)} as SPI expressions a
 * connector can evaluate in its scan: +, -, * and CAST over columns and non-null literals, all of
 * integer or decimal types. Each node keeps the type the engine computed for it, so a connector
 * that takes the expression computes the same precision and scale; anything else is not offered.
 */
final class AggregateArgumentExpressions
{
    private final ScanVariables variables;

    AggregateArgumentExpressions(ScanVariables variables)
    {
        this.variables = requireNonNull(variables, "variables is null");
    }

    Optional<ConnectorExpression> translate(Expression expression)
    {
        if (!exactNumber(expression.type())) {
            return Optional.empty();
        }
        return switch (expression) {
            case InputReference input -> Optional.of(variables.of(input));
            case Constant constant when constant.value() instanceof Long || constant.value() instanceof Int128 ->
                    Optional.of(new io.trino.spi.expression.Constant(constant.value(), constant.type()));
            case Call call -> functionName(call).flatMap(name -> {
                List<ConnectorExpression> arguments = new ArrayList<>();
                for (Expression argument : call.arguments()) {
                    Optional<ConnectorExpression> translated = translate(argument);
                    if (translated.isEmpty()) {
                        return Optional.empty();
                    }
                    arguments.add(translated.get());
                }
                return Optional.of(new io.trino.spi.expression.Call(call.type(), name, arguments));
            });
            default -> Optional.empty();
        };
    }

    private static Optional<FunctionName> functionName(Call call)
    {
        int arity = call.arguments().size();
        return switch (call.name()) {
            case FunctionNames.ADD -> arity == 2 ? Optional.of(ADD_FUNCTION_NAME) : Optional.empty();
            case FunctionNames.SUBTRACT -> arity == 2 ? Optional.of(SUBTRACT_FUNCTION_NAME) : Optional.empty();
            case FunctionNames.MULTIPLY -> arity == 2 ? Optional.of(MULTIPLY_FUNCTION_NAME) : Optional.empty();
            case FunctionNames.CAST -> arity == 1 ? Optional.of(CAST_FUNCTION_NAME) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static boolean exactNumber(Type type)
    {
        return type instanceof BigintType || type instanceof IntegerType || type instanceof SmallintType || type instanceof TinyintType || type instanceof DecimalType;
    }
}
