package io.basin.execution.expression.codegen;

import io.basin.execution.expression.function.RegexpFunctions;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.FunctionNames;

import java.util.List;
import java.util.Set;

import static io.trino.spi.type.VarcharType.VARCHAR;

/** Generates regexp_replace(s, pattern [, replacement]) and regexp_substr(s, pattern) (see {@link RegexpFunctions}). */
final class RegexpGenerator
{
    private static final String REGEXPS = RegexpFunctions.class.getSimpleName();
    private static final Set<String> NAMES = Set.of(FunctionNames.REGEXP_REPLACE, FunctionNames.REGEXP_SUBSTR);

    private RegexpGenerator() {}

    static boolean handles(String name)
    {
        return NAMES.contains(name);
    }

    static GeneratedValue generate(Call call, ExpressionCodeGenerator generator)
    {
        if (call.name().equals(FunctionNames.REGEXP_REPLACE)) {
            CallGenerators.checkArity(call, 2, 3);
            return call.arguments().size() == 2
                    ? CallGenerators.invoke(call, generator, REGEXPS + ".regexpRemove", VARCHAR, List.of(VARCHAR, VARCHAR))
                    : CallGenerators.invoke(call, generator, REGEXPS + ".regexpReplaceFirst", VARCHAR, List.of(VARCHAR, VARCHAR, VARCHAR));
        }
        CallGenerators.checkArity(call, 2);
        return CallGenerators.invoke(call, generator, REGEXPS + ".regexpFirstMatch", VARCHAR, List.of(VARCHAR, VARCHAR));
    }
}
