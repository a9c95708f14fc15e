package io.basin.execution.expression.codegen;

import io.basin.error.BasinException;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.FunctionNames;

import java.util.Set;

import static io.basin.error.BasinErrorCode.DATATYPE_MISMATCH;

/**
 * Generates PostgreSQL's bitwise operators on integer types: {@code & | #} and {@code ~} in the
 * call's type, and the shifts {@code << >>} of the first operand's type by an integer count,
 * wrapping to that type's width as PostgreSQL's int2shl/int4shl/int8shl do (the count is taken
 * modulo the width, as on the hardware PostgreSQL runs on).
 */
final class BitwiseGenerator
{
    private static final Set<String> NAMES = Set.of(
            FunctionNames.BITWISE_AND, FunctionNames.BITWISE_OR, FunctionNames.BITWISE_XOR, FunctionNames.BITWISE_NOT,
            FunctionNames.BITWISE_SHIFT_LEFT, FunctionNames.BITWISE_SHIFT_RIGHT);

    private BitwiseGenerator() {}

    static boolean handles(String name)
    {
        return NAMES.contains(name);
    }

    static GeneratedValue generate(Call call, ExpressionCodeGenerator generator)
    {
        String name = call.name();
        CallGenerators.checkArity(call, name.equals(FunctionNames.BITWISE_NOT) ? 1 : 2);
        TypeKind kind = TypeKind.of(call.type());
        if (!kind.isIntegral() || call.arguments().stream().anyMatch(argument -> !TypeKind.of(argument.type()).isIntegral())) {
            throw new BasinException(DATATYPE_MISMATCH, "operator does not exist: bitwise operators take integer operands, not " + call.arguments().getFirst().type().getDisplayName());
        }
        return generator.nullPropagating(call.type(), call.arguments(), (arguments, result) -> {
            String a = generator.coerce(arguments.get(0), call.type()).value();
            String expression = switch (name) {
                case FunctionNames.BITWISE_NOT -> "(~" + a + ")";
                case FunctionNames.BITWISE_AND -> "(" + a + " & " + generator.coerce(arguments.get(1), call.type()).value() + ")";
                case FunctionNames.BITWISE_OR -> "(" + a + " | " + generator.coerce(arguments.get(1), call.type()).value() + ")";
                case FunctionNames.BITWISE_XOR -> "(" + a + " ^ " + generator.coerce(arguments.get(1), call.type()).value() + ")";
                default -> shift(kind, a, "(int) " + arguments.get(1).value(), name.equals(FunctionNames.BITWISE_SHIFT_LEFT) ? "<<" : ">>");
            };
            generator.assign(result, expression);
        });
    }

    private static String shift(TypeKind kind, String value, String count, String operator)
    {
        return switch (kind) {
            case BIGINT -> "(" + value + " " + operator + " " + count + ")";
            case INTEGER -> "(long) ((int) " + value + " " + operator + " " + count + ")";
            case SMALLINT -> "(long) (short) ((int) " + value + " " + operator + " " + count + ")";
            default -> "(long) (byte) ((int) " + value + " " + operator + " " + count + ")";
        };
    }
}
