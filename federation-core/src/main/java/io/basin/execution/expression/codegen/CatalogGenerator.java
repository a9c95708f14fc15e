package io.basin.execution.expression.codegen;

import io.basin.execution.expression.function.PgCatalogFunctions;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.FunctionNames;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.VarcharType.VARCHAR;

/** Generates the catalog functions as calls into {@link PgCatalogFunctions}. */
final class CatalogGenerator
{
    private static final String FUNCTIONS = PgCatalogFunctions.class.getSimpleName();
    private static final Set<String> NAMES = Set.of(FunctionNames.FORMAT_TYPE, FunctionNames.QUOTE_IDENT);

    private CatalogGenerator() {}

    static boolean handles(String name)
    {
        return NAMES.contains(name);
    }

    static GeneratedValue generate(Call call, ExpressionCodeGenerator generator)
    {
        return switch (call.name()) {
            case FunctionNames.FORMAT_TYPE -> {
                CallGenerators.checkArity(call, 1, 2);
                yield CallGenerators.invoke(call, generator, FUNCTIONS + ".formatType", VARCHAR, Collections.nCopies(call.arguments().size(), BIGINT));
            }
            case FunctionNames.QUOTE_IDENT -> {
                CallGenerators.checkArity(call, 1);
                yield CallGenerators.invoke(call, generator, FUNCTIONS + ".quoteIdent", VARCHAR, List.of(VARCHAR));
            }
            default -> throw new IllegalArgumentException(call.name());
        };
    }
}
