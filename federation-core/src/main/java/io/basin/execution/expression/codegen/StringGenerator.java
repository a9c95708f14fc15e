package io.basin.execution.expression.codegen;

import io.basin.execution.expression.function.StringFunctions;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * Generates the string functions as calls into {@link StringFunctions}. Arguments that are not
 * text are converted to text first (so {@code 'a' || 1} works), char arguments lose their
 * insignificant trailing spaces, and varbinary keeps its own byte-based variants.
 */
final class StringGenerator
{
    private static final String STRINGS = StringFunctions.class.getSimpleName();

    private static final Set<String> NAMES = Set.of(
            FunctionNames.CONCAT, FunctionNames.SUBSTRING, FunctionNames.UPPER, FunctionNames.LOWER, FunctionNames.BTRIM,
            FunctionNames.LTRIM, FunctionNames.RTRIM, FunctionNames.LENGTH, FunctionNames.OCTET_LENGTH, FunctionNames.STRPOS,
            FunctionNames.REPLACE, FunctionNames.LPAD, FunctionNames.RPAD, FunctionNames.SPLIT_PART, FunctionNames.LEFT,
            FunctionNames.RIGHT, FunctionNames.REVERSE, FunctionNames.REPEAT, FunctionNames.INITCAP, FunctionNames.STARTS_WITH,
            FunctionNames.TRANSLATE, FunctionNames.MD5, FunctionNames.ASCII, FunctionNames.CHR);

    private StringGenerator() {}

    static boolean handles(String name)
    {
        return NAMES.contains(name);
    }

    static GeneratedValue generate(Call call, ExpressionCodeGenerator generator)
    {
        List<Expression> arguments = call.arguments();
        Type text = textType(call);
        String name = call.name();
        return switch (name) {
            case FunctionNames.CONCAT -> {
                CallGenerators.checkArity(call, 2);
                yield CallGenerators.invoke(call, generator, STRINGS + ".concat", call.type(), List.of(text, text));
            }
            case FunctionNames.SUBSTRING -> {
                CallGenerators.checkArity(call, 2, 3);
                String method = STRINGS + (isBinary(arguments.getFirst()) ? ".substringBinary" : ".substring");
                yield CallGenerators.invoke(call, generator, method, call.type(), withTail(text, BIGINT, arguments.size() - 1));
            }
            case FunctionNames.UPPER, FunctionNames.LOWER, FunctionNames.REVERSE, FunctionNames.INITCAP -> {
                CallGenerators.checkArity(call, 1);
                yield CallGenerators.invoke(call, generator, STRINGS + "." + name, call.type(), List.of(text));
            }
            case FunctionNames.MD5 -> {
                CallGenerators.checkArity(call, 1);
                yield CallGenerators.invoke(call, generator, STRINGS + ".md5", VARCHAR, List.of(text));
            }
            case FunctionNames.BTRIM, FunctionNames.LTRIM, FunctionNames.RTRIM -> {
                CallGenerators.checkArity(call, 1, 2);
                yield CallGenerators.invoke(call, generator, STRINGS + "." + name, call.type(), Collections.nCopies(arguments.size(), VARCHAR));
            }
            case FunctionNames.LENGTH -> {
                CallGenerators.checkArity(call, 1);
                TypeKind kind = TypeKind.of(arguments.getFirst().type());
                String method = switch (kind) {
                    case CHAR -> ".charLength";
                    case VARBINARY -> ".octetLength";
                    default -> ".length";
                };
                // char keeps its type here: its length ignores trailing spaces
                yield CallGenerators.invoke(call, generator, STRINGS + method, BIGINT, List.of(kind == TypeKind.CHAR || kind == TypeKind.VARBINARY ? arguments.getFirst().type() : VARCHAR));
            }
            case FunctionNames.OCTET_LENGTH -> {
                CallGenerators.checkArity(call, 1);
                yield CallGenerators.invoke(call, generator, STRINGS + ".octetLength", BIGINT, List.of(text));
            }
            case FunctionNames.STRPOS -> {
                CallGenerators.checkArity(call, 2);
                yield CallGenerators.invoke(call, generator, STRINGS + ".strpos", BIGINT, List.of(text, text));
            }
            case FunctionNames.STARTS_WITH -> {
                CallGenerators.checkArity(call, 2);
                yield CallGenerators.invoke(call, generator, STRINGS + ".startsWith", BOOLEAN, List.of(VARCHAR, VARCHAR));
            }
            case FunctionNames.REPLACE, FunctionNames.TRANSLATE -> {
                CallGenerators.checkArity(call, 3);
                yield CallGenerators.invoke(call, generator, STRINGS + "." + name, call.type(), List.of(VARCHAR, VARCHAR, VARCHAR));
            }
            case FunctionNames.LPAD, FunctionNames.RPAD -> {
                CallGenerators.checkArity(call, 2, 3);
                List<Type> parameters = arguments.size() == 2 ? List.of(VARCHAR, BIGINT) : List.of(VARCHAR, BIGINT, VARCHAR);
                yield CallGenerators.invoke(call, generator, STRINGS + "." + name, call.type(), parameters);
            }
            case FunctionNames.SPLIT_PART -> {
                CallGenerators.checkArity(call, 3);
                yield CallGenerators.invoke(call, generator, STRINGS + ".splitPart", call.type(), List.of(VARCHAR, VARCHAR, BIGINT));
            }
            case FunctionNames.LEFT, FunctionNames.RIGHT, FunctionNames.REPEAT -> {
                CallGenerators.checkArity(call, 2);
                yield CallGenerators.invoke(call, generator, STRINGS + "." + name, call.type(), List.of(VARCHAR, BIGINT));
            }
            case FunctionNames.ASCII -> {
                CallGenerators.checkArity(call, 1);
                yield CallGenerators.invoke(call, generator, STRINGS + ".ascii", BIGINT, List.of(VARCHAR));
            }
            case FunctionNames.CHR -> {
                CallGenerators.checkArity(call, 1);
                yield CallGenerators.invoke(call, generator, STRINGS + ".chr", VARCHAR, List.of(BIGINT));
            }
            default -> throw new IllegalStateException("Not a string function: " + name);
        };
    }

    /** varbinary when every text-like argument is binary, varchar otherwise. */
    private static Type textType(Call call)
    {
        if (!call.arguments().isEmpty() && isBinary(call.arguments().getFirst())
                && (call.arguments().size() == 1 || !call.name().equals(FunctionNames.CONCAT) || isBinary(call.arguments().get(1)))) {
            return call.arguments().getFirst().type();
        }
        return VARCHAR;
    }

    private static boolean isBinary(Expression expression)
    {
        return TypeKind.of(expression.type()) == TypeKind.VARBINARY;
    }

    private static List<Type> withTail(Type first, Type rest, int restCount)
    {
        List<Type> types = new ArrayList<>();
        types.add(first);
        types.addAll(Collections.nCopies(restCount, rest));
        return types;
    }
}
