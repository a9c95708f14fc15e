package io.basin.execution.expression.codegen;

import io.basin.plan.expr.Call;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.InputReference;
import io.basin.plan.expr.SpecialForm;

import java.util.List;

/**
 * Static null analysis: whether an expression can produce NULL, given that any input column can.
 * The generator uses it to drop null flags and checks (and so bytecode, which matters because the
 * JIT refuses to compile methods over 8000 bytes) for expressions over literals and for the
 * outcome of IS NULL and similar.
 */
final class Nullability
{
    private Nullability() {}

    static boolean mayBeNull(Expression expression)
    {
        return switch (expression) {
            case InputReference _ -> true;
            case Constant constant -> constant.isNull();
            case Call call -> mayBeNull(call);
            case SpecialForm form -> mayBeNull(form);
        };
    }

    private static boolean mayBeNull(Call call)
    {
        return switch (call.name()) {
            case FunctionNames.CURRENT_DATE, FunctionNames.CURRENT_TIMESTAMP, FunctionNames.PI, FunctionNames.RANDOM -> false;
            default -> anyMayBeNull(call.arguments());
        };
    }

    private static boolean mayBeNull(SpecialForm form)
    {
        List<Expression> arguments = form.arguments();
        return switch (form.form()) {
            case IS_NULL, IS_DISTINCT_FROM -> false;
            case AND, OR, NOT, IN -> anyMayBeNull(arguments);
            case IF -> mayBeNull(arguments.get(1)) || mayBeNull(arguments.get(2));
            case SWITCH -> {
                for (int i = 1; i < arguments.size(); i += 2) {
                    if (mayBeNull(arguments.get(i))) {
                        yield true;
                    }
                }
                yield mayBeNull(arguments.getLast());
            }
            case COALESCE, GREATEST, LEAST -> arguments.stream().allMatch(Nullability::mayBeNull);
            case NULLIF -> true;
        };
    }

    private static boolean anyMayBeNull(List<Expression> arguments)
    {
        return arguments.stream().anyMatch(Nullability::mayBeNull);
    }
}
