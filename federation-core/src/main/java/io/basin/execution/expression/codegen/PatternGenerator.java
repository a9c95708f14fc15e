package io.basin.execution.expression.codegen;

import io.airlift.slice.Slice;
import io.basin.execution.expression.function.LikeMatcher;
import io.basin.execution.expression.function.LikeMatcherCache;
import io.basin.execution.expression.function.RegexpMatcher;
import io.basin.execution.expression.function.RegexpMatcherCache;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;

import java.util.List;
import java.util.Set;

import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * Generates LIKE, ILIKE and regexp_like. A literal pattern (the usual case) is compiled once per
 * binding into a derived field, so the row loop only runs the matcher; since the pattern is a
 * lifted literal, {@code name LIKE 'a%'} and {@code name LIKE 'b%'} share one class. Other
 * patterns go through a per-instance cache that recompiles when the pattern changes.
 */
final class PatternGenerator
{
    private static final Set<String> NAMES = Set.of(FunctionNames.LIKE, FunctionNames.ILIKE, FunctionNames.REGEXP_LIKE);

    private PatternGenerator() {}

    static boolean handles(String name)
    {
        return NAMES.contains(name);
    }

    static GeneratedValue generate(Call call, ExpressionCodeGenerator generator)
    {
        boolean regexp = call.name().equals(FunctionNames.REGEXP_LIKE);
        if (regexp) {
            CallGenerators.checkArity(call, 2);
        }
        else {
            CallGenerators.checkArity(call, 2, 3);
        }
        boolean caseInsensitive = call.name().equals(FunctionNames.ILIKE);
        List<Expression> patternArguments = call.arguments().subList(1, call.arguments().size());
        if (patternArguments.stream().allMatch(argument -> argument instanceof Constant constant && !constant.isNull())) {
            String matcher = compiledMatcher(generator, patternArguments, regexp, caseInsensitive);
            return generator.nullPropagating(call.type(), List.of(call.arguments().getFirst()), (arguments, result) ->
                    generator.assign(result, matcher + ".matches(" + generator.coerce(arguments.getFirst(), VARCHAR).value() + ")"));
        }
        String cache = regexp
                ? generator.kernel().addInstanceField(RegexpMatcherCache.class.getSimpleName(), "new " + RegexpMatcherCache.class.getSimpleName() + "()")
                : generator.kernel().addInstanceField(LikeMatcherCache.class.getSimpleName(), "new " + LikeMatcherCache.class.getSimpleName() + "(" + caseInsensitive + ")");
        return generator.nullPropagating(call.type(), call.arguments(), (arguments, result) -> {
            StringBuilder invocation = new StringBuilder(cache).append(".matches(");
            for (int i = 0; i < arguments.size(); i++) {
                invocation.append(i > 0 ? ", " : "").append(generator.coerce(arguments.get(i), VARCHAR).value());
            }
            generator.assign(result, invocation.append(')').toString());
        });
    }

    private static String compiledMatcher(ExpressionCodeGenerator generator, List<Expression> patternArguments, boolean regexp, boolean caseInsensitive)
    {
        ExpressionShape shape = generator.kernel().shape();
        int patternSlot = shape.slotOf((Constant) patternArguments.getFirst());
        if (regexp) {
            return generator.kernel().addDerivedParameter(new DerivedParameter(RegexpMatcher.class.getSimpleName(),
                    constants -> RegexpMatcher.compile(text(constants.get(patternSlot)))));
        }
        if (patternArguments.size() == 1) {
            return generator.kernel().addDerivedParameter(new DerivedParameter(LikeMatcher.class.getSimpleName(),
                    constants -> LikeMatcher.compile(text(constants.get(patternSlot)), caseInsensitive)));
        }
        int escapeSlot = shape.slotOf((Constant) patternArguments.get(1));
        return generator.kernel().addDerivedParameter(new DerivedParameter(LikeMatcher.class.getSimpleName(),
                constants -> LikeMatcher.compile(text(constants.get(patternSlot)), text(constants.get(escapeSlot)), caseInsensitive)));
    }

    private static Slice text(Object value)
    {
        return (Slice) value;
    }
}
