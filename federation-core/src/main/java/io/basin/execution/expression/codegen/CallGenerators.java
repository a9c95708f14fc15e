package io.basin.execution.expression.codegen;

import io.basin.error.BasinException;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.FunctionNames;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;

import static io.basin.error.BasinErrorCode.DATATYPE_MISMATCH;
import static io.basin.error.BasinErrorCode.UNDEFINED_FUNCTION;

/** Dispatches a {@link Call} to the generator of its function's concern. */
final class CallGenerators
{
    private CallGenerators() {}

    static GeneratedValue generate(Call call, ExpressionCodeGenerator generator)
    {
        String name = call.name();
        if (ArithmeticGenerator.handles(name)) {
            return ArithmeticGenerator.generate(call, generator);
        }
        if (ComparisonGenerator.handles(name)) {
            return ComparisonGenerator.generate(call, generator);
        }
        if (name.equals(FunctionNames.CAST)) {
            checkArity(call, 1);
            return generator.coerceOrCast(call.arguments().getFirst(), call.type());
        }
        if (PatternGenerator.handles(name)) {
            return PatternGenerator.generate(call, generator);
        }
        if (StringGenerator.handles(name)) {
            return StringGenerator.generate(call, generator);
        }
        if (MathGenerator.handles(name)) {
            return MathGenerator.generate(call, generator);
        }
        if (RegexpGenerator.handles(name)) {
            return RegexpGenerator.generate(call, generator);
        }
        if (BitwiseGenerator.handles(name)) {
            return BitwiseGenerator.generate(call, generator);
        }
        if (DateTimeGenerator.handles(name)) {
            return DateTimeGenerator.generate(call, generator);
        }
        if (CatalogGenerator.handles(name)) {
            return CatalogGenerator.generate(call, generator);
        }
        throw new BasinException(UNDEFINED_FUNCTION, "function " + name + " does not exist");
    }

    static void checkArity(Call call, int... allowed)
    {
        for (int count : allowed) {
            if (call.arguments().size() == count) {
                return;
            }
        }
        throw new BasinException(DATATYPE_MISMATCH, "function " + call.name() + " does not take " + call.arguments().size() + " arguments");
    }

    /**
     * The common shape of a scalar function: null-propagating, each argument converted to the
     * parameter type the Java method takes (null: passed as it is), the method's result of
     * {@code returnType} converted to the call's type.
     */
    static GeneratedValue invoke(Call call, ExpressionCodeGenerator generator, String method, Type returnType, List<Type> parameterTypes)
    {
        if (call.arguments().size() != parameterTypes.size()) {
            throw new IllegalArgumentException("Parameter types do not match the arguments of " + call);
        }
        return generator.nullPropagating(call.type(), call.arguments(), (arguments, result) -> {
            List<String> values = new ArrayList<>(arguments.size());
            for (int i = 0; i < arguments.size(); i++) {
                Type parameterType = parameterTypes.get(i);
                GeneratedValue argument = parameterType == null ? arguments.get(i) : generator.coerce(arguments.get(i), parameterType);
                values.add(argument.arguments());
            }
            generator.assignConverted(result, returnType, method + "(" + String.join(", ", values) + ")");
        });
    }
}
