package io.basin.execution.expression.codegen;

import io.basin.error.BasinException;
import io.basin.execution.expression.function.IntegerArithmetic;
import io.basin.execution.expression.function.MathFunctions;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.FunctionNames;
import io.trino.spi.type.DecimalType;

import java.util.List;
import java.util.Set;

import static io.basin.error.BasinErrorCode.DATATYPE_MISMATCH;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DoubleType.DOUBLE;

/**
 * Generates the math functions. Exact types keep exact semantics: abs, sign, ceil, floor, round
 * and trunc of a decimal work on the unscaled value and are converted to the call's type; the
 * transcendental functions compute in double precision.
 */
final class MathGenerator
{
    private static final String MATH = MathFunctions.class.getSimpleName();
    private static final String INTEGERS = IntegerArithmetic.class.getSimpleName();

    private static final Set<String> NAMES = Set.of(
            FunctionNames.ABS, FunctionNames.CEIL, FunctionNames.FLOOR, FunctionNames.ROUND, FunctionNames.TRUNCATE, FunctionNames.SQRT,
            FunctionNames.CBRT, FunctionNames.POWER, FunctionNames.EXP, FunctionNames.LN, FunctionNames.LOG10, FunctionNames.SIGN,
            FunctionNames.PI, FunctionNames.RANDOM);

    private MathGenerator() {}

    static boolean handles(String name)
    {
        return NAMES.contains(name);
    }

    static GeneratedValue generate(Call call, ExpressionCodeGenerator generator)
    {
        String name = call.name();
        switch (name) {
            case FunctionNames.PI -> {
                CallGenerators.checkArity(call, 0);
                return generator.coerce(GeneratedValue.of(DOUBLE, "Math.PI", "false"), call.type());
            }
            case FunctionNames.RANDOM -> {
                CallGenerators.checkArity(call, 0);
                return CallGenerators.invoke(call, generator, MATH + ".random", DOUBLE, List.of());
            }
            case FunctionNames.SQRT, FunctionNames.CBRT, FunctionNames.EXP, FunctionNames.LN, FunctionNames.LOG10 -> {
                CallGenerators.checkArity(call, 1);
                return CallGenerators.invoke(call, generator, MATH + "." + name, DOUBLE, List.of(DOUBLE));
            }
            case FunctionNames.POWER -> {
                CallGenerators.checkArity(call, 2);
                return CallGenerators.invoke(call, generator, MATH + ".power", DOUBLE, List.of(DOUBLE, DOUBLE));
            }
            default -> {
            }
        }
        CallGenerators.checkArity(call, name.equals(FunctionNames.ROUND) || name.equals(FunctionNames.TRUNCATE) ? new int[] {1, 2} : new int[] {1});
        return generator.nullPropagating(call.type(), call.arguments(), (arguments, result) -> {
            GeneratedValue value = arguments.getFirst();
            String digits = arguments.size() > 1 ? generator.coerce(arguments.get(1), BIGINT).value() : "0L";
            switch (value.typeKind()) {
                case TINYINT, SMALLINT, INTEGER, BIGINT -> integral(generator, name, value, digits, result);
                case DOUBLE, REAL -> floatingPoint(generator, name, value, arguments.size() > 1 ? digits : null, result);
                case SHORT_DECIMAL, LONG_DECIMAL -> decimal(generator, name, value, digits, result);
                default -> throw new BasinException(DATATYPE_MISMATCH, "function " + name + "(" + value.type().getDisplayName() + ") does not exist");
            }
        });
    }

    private static void integral(ExpressionCodeGenerator generator, String name, GeneratedValue value, String digits, GeneratedValue result)
    {
        TypeKind kind = value.typeKind();
        String v = value.value();
        String expression = switch (name) {
            case FunctionNames.ABS -> kind == TypeKind.BIGINT ? INTEGERS + ".absBigint(" + v + ")" : INTEGERS + ".check" + kind.functionSuffix() + "(Math.abs(" + v + "))";
            case FunctionNames.SIGN -> "(long) Long.signum(" + v + ")";
            case FunctionNames.CEIL, FunctionNames.FLOOR -> v;
            case FunctionNames.ROUND -> MATH + ".roundInteger(" + v + ", " + digits + ")";
            case FunctionNames.TRUNCATE -> MATH + ".truncateInteger(" + v + ", " + digits + ")";
            default -> throw new IllegalStateException(name);
        };
        // results stay in the argument's type (round(int, -1) may overflow it: the conversion checks)
        generator.assignConverted(result, name.equals(FunctionNames.ROUND) ? BIGINT : value.type(), expression);
    }

    private static void floatingPoint(ExpressionCodeGenerator generator, String name, GeneratedValue value, String digits, GeneratedValue result)
    {
        String d = CastGenerator.asDouble(value, value.typeKind());
        String expression = switch (name) {
            case FunctionNames.ABS -> "Math.abs(" + d + ")";
            case FunctionNames.SIGN -> MATH + ".sign(" + d + ")";
            case FunctionNames.CEIL -> "Math.ceil(" + d + ")";
            case FunctionNames.FLOOR -> "Math.floor(" + d + ")";
            case FunctionNames.ROUND -> digits == null ? MATH + ".round(" + d + ")" : MATH + ".round(" + d + ", " + digits + ")";
            case FunctionNames.TRUNCATE -> digits == null ? MATH + ".truncate(" + d + ")" : MATH + ".truncate(" + d + ", " + digits + ")";
            default -> throw new IllegalStateException(name);
        };
        generator.assignConverted(result, DOUBLE, expression);
    }

    private static void decimal(ExpressionCodeGenerator generator, String name, GeneratedValue value, String digits, GeneratedValue result)
    {
        DecimalType type = (DecimalType) value.type();
        int scale = type.getScale();
        boolean wide = !type.isShort();
        if (name.equals(FunctionNames.SIGN)) {
            String sign = wide
                    ? "(" + value.high() + " < 0L ? -1L : ((" + value.high() + " | " + value.low() + ") == 0L ? 0L : 1L))"
                    : "(long) Long.signum(" + value.value() + ")";
            generator.assignConverted(result, BIGINT, sign);
            return;
        }
        if (!TypeKind.of(result.type()).isDecimal()) {
            // e.g. ceil(decimal) typed as bigint or double by the planner
            GeneratedValue exact = generator.declare(value.type(), false);
            decimal(generator, name, value, digits, exact);
            generator.assign(result, generator.coerce(exact, result.type()));
            return;
        }
        // rounding can carry into one more integer digit (9.5 -> 10)
        int digitsBound = type.getPrecision() + 1;
        if (!wide) {
            String v = value.value();
            String unscaled = switch (name) {
                case FunctionNames.ABS -> "Math.abs(" + v + ")";
                case FunctionNames.CEIL -> MATH + ".ceilingShortDecimal(" + v + ", " + scale + ")";
                case FunctionNames.FLOOR -> MATH + ".floorShortDecimal(" + v + ", " + scale + ")";
                case FunctionNames.ROUND -> MATH + ".roundShortDecimal(" + v + ", " + scale + ", " + digits + ")";
                case FunctionNames.TRUNCATE -> MATH + ".truncateShortDecimal(" + v + ", " + scale + ", " + digits + ")";
                default -> throw new IllegalStateException(name);
            };
            String local = generator.temporary("long", unscaled);
            DecimalGenerator.store(generator, DecimalGenerator.Exact.narrow(local, Math.min(digitsBound, 19), scale), result);
            return;
        }
        String arguments = value.high() + ", " + value.low() + ", " + scale;
        switch (name) {
            case FunctionNames.ABS -> {
                generator.body().open("if (" + value.high() + " < 0L)");
                generator.body().line("Int128Arithmetic.negate(" + value.high() + ", " + value.low() + ", scratch);");
                generator.body().reopen("else");
                generator.body().line("scratch[0] = " + value.high() + ";");
                generator.body().line("scratch[1] = " + value.low() + ";");
                generator.body().close();
            }
            case FunctionNames.CEIL -> generator.body().line(MATH + ".ceilingLongDecimal(" + arguments + ", scratch);");
            case FunctionNames.FLOOR -> generator.body().line(MATH + ".floorLongDecimal(" + arguments + ", scratch);");
            case FunctionNames.ROUND -> generator.body().line(MATH + ".roundLongDecimal(" + arguments + ", " + digits + ", scratch);");
            case FunctionNames.TRUNCATE -> generator.body().line(MATH + ".truncateLongDecimal(" + arguments + ", " + digits + ", scratch);");
            default -> throw new IllegalStateException(name);
        }
        String high = generator.temporary("long", "scratch[0]");
        String low = generator.temporary("long", "scratch[1]");
        DecimalGenerator.store(generator, DecimalGenerator.Exact.wide(high, low, Math.min(digitsBound, 39), scale), result);
    }
}
