package io.basin.execution.expression.codegen;

import io.basin.error.BasinException;
import io.basin.execution.expression.function.DateTimeFunctions;
import io.basin.execution.expression.function.FloatingPointArithmetic;
import io.basin.execution.expression.function.IntegerArithmetic;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.FunctionNames;
import io.basin.type.IntervalDayTimeType;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Set;

import static io.basin.error.BasinErrorCode.DATATYPE_MISMATCH;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;

/**
 * Generates {@code + - * / %} and unary minus: checked integer arithmetic in the result type,
 * PostgreSQL floating point, exact decimals ({@link DecimalGenerator}), and the date/time forms
 * (date &plusmn; interval, timestamp &plusmn; interval, date - date, date &plusmn; integer,
 * timestamp - timestamp, interval arithmetic).
 */
final class ArithmeticGenerator
{
    private static final String INTEGERS = IntegerArithmetic.class.getSimpleName();
    private static final String FLOATS = FloatingPointArithmetic.class.getSimpleName();
    private static final String DATE_TIME = DateTimeFunctions.class.getSimpleName();

    private static final Set<String> NAMES = Set.of(
            FunctionNames.ADD, FunctionNames.SUBTRACT, FunctionNames.MULTIPLY, FunctionNames.DIVIDE, FunctionNames.MODULUS, FunctionNames.NEGATE);

    private ArithmeticGenerator() {}

    static boolean handles(String name)
    {
        return NAMES.contains(name);
    }

    static GeneratedValue generate(Call call, ExpressionCodeGenerator generator)
    {
        Type resultType = call.type();
        if (call.name().equals(FunctionNames.NEGATE)) {
            CallGenerators.checkArity(call, 1);
            return generator.nullPropagating(resultType, call.arguments(), (arguments, result) -> negate(generator, arguments.getFirst(), result));
        }
        CallGenerators.checkArity(call, 2);
        TypeKind left = TypeKind.of(call.arguments().get(0).type());
        TypeKind right = TypeKind.of(call.arguments().get(1).type());
        if (isTemporal(left) || isTemporal(right)) {
            return generator.nullPropagating(resultType, call.arguments(), (arguments, result) -> temporal(generator, call.name(), arguments.get(0), arguments.get(1), result));
        }
        TypeKind kind = TypeKind.of(resultType);
        if (kind.isDecimal()) {
            if (!left.isExactNumeric() || !right.isExactNumeric()) {
                throw mismatch(call);
            }
            return generator.nullPropagating(resultType, call.arguments(), (arguments, result) -> decimal(generator, call.name(), arguments.get(0), arguments.get(1), result));
        }
        if (!kind.isNumeric() || !left.isNumeric() || !right.isNumeric()) {
            throw mismatch(call);
        }
        return generator.nullPropagating(resultType, call.arguments(), (arguments, result) -> {
            GeneratedValue a = generator.coerce(arguments.get(0), resultType);
            GeneratedValue b = generator.coerce(arguments.get(1), resultType);
            generator.assign(result, numeric(call.name(), kind, a.value(), b.value()));
        });
    }

    private static String numeric(String name, TypeKind kind, String a, String b)
    {
        return switch (kind) {
            case BIGINT -> INTEGERS + "." + switch (name) {
                case FunctionNames.ADD -> "addBigint";
                case FunctionNames.SUBTRACT -> "subtractBigint";
                case FunctionNames.MULTIPLY -> "multiplyBigint";
                case FunctionNames.DIVIDE -> "divideBigint";
                default -> "modulusBigint";
            } + "(" + a + ", " + b + ")";
            case INTEGER, SMALLINT, TINYINT -> {
                // the operands are in range, so the long result is exact; only its range needs a check
                String exact = switch (name) {
                    case FunctionNames.ADD -> a + " + " + b;
                    case FunctionNames.SUBTRACT -> a + " - " + b;
                    case FunctionNames.MULTIPLY -> a + " * " + b;
                    case FunctionNames.DIVIDE -> INTEGERS + ".divideNarrow(" + a + ", " + b + ")";
                    default -> INTEGERS + ".modulusNarrow(" + a + ", " + b + ")";
                };
                yield name.equals(FunctionNames.MODULUS) ? exact : INTEGERS + ".check" + kind.functionSuffix() + "(" + exact + ")";
            }
            case DOUBLE -> FLOATS + "." + name + "(" + a + ", " + b + ")";
            case REAL -> FLOATS + "." + name + "Real(" + a + ", " + b + ")";
            default -> throw new IllegalStateException("Not a numeric type: " + kind);
        };
    }

    private static void negate(ExpressionCodeGenerator generator, GeneratedValue value, GeneratedValue result)
    {
        TypeKind kind = value.typeKind();
        String v = value.value();
        if (kind.isDecimal()) {
            DecimalGenerator.negate(generator, DecimalGenerator.exact(value), result);
            return;
        }
        String negated = switch (kind) {
            case BIGINT -> INTEGERS + ".negateBigint(" + v + ")";
            case INTEGER, SMALLINT, TINYINT -> INTEGERS + ".check" + kind.functionSuffix() + "(-" + v + ")";
            case DOUBLE -> "-" + v;
            case REAL -> FLOATS + ".negateReal(" + v + ")";
            case INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH -> DATE_TIME + ".negateInterval(" + v + ")";
            default -> throw new BasinException(DATATYPE_MISMATCH, "operator does not exist: - " + value.type().getDisplayName());
        };
        generator.assignConverted(result, value.type(), negated);
    }

    private static void decimal(ExpressionCodeGenerator generator, String name, GeneratedValue left, GeneratedValue right, GeneratedValue result)
    {
        DecimalGenerator.Exact a = DecimalGenerator.exact(left);
        DecimalGenerator.Exact b = DecimalGenerator.exact(right);
        switch (name) {
            case FunctionNames.ADD -> DecimalGenerator.add(generator, a, b, false, result);
            case FunctionNames.SUBTRACT -> DecimalGenerator.add(generator, a, b, true, result);
            case FunctionNames.MULTIPLY -> DecimalGenerator.multiply(generator, a, b, result);
            case FunctionNames.DIVIDE -> DecimalGenerator.divide(generator, a, b, result);
            default -> DecimalGenerator.modulus(generator, a, b, result);
        }
    }

    private static boolean isTemporal(TypeKind kind)
    {
        return kind == TypeKind.DATE || kind == TypeKind.TIMESTAMP || kind.isInterval();
    }

    private static void temporal(ExpressionCodeGenerator generator, String name, GeneratedValue left, GeneratedValue right, GeneratedValue result)
    {
        TypeKind a = left.typeKind();
        TypeKind b = right.typeKind();
        // put the date/timestamp (or the interval, for interval * number) first for commutative forms
        if ((name.equals(FunctionNames.ADD) || name.equals(FunctionNames.MULTIPLY)) && !isTemporal(a)
                || (name.equals(FunctionNames.ADD) && a.isInterval() && (b == TypeKind.DATE || b == TypeKind.TIMESTAMP))) {
            temporal(generator, name, right, left, result);
            return;
        }
        String x = left.value();
        String y = right.value();
        switch (name) {
            case FunctionNames.ADD, FunctionNames.SUBTRACT -> {
                boolean subtract = name.equals(FunctionNames.SUBTRACT);
                if (b.isInterval() && (a == TypeKind.DATE || a == TypeKind.TIMESTAMP)) {
                    String interval = subtract ? DATE_TIME + ".negateInterval(" + y + ")" : y;
                    if (a == TypeKind.DATE && TypeKind.of(result.type()) == TypeKind.DATE) {
                        String function = b == TypeKind.INTERVAL_DAY_TIME ? "addMillisToDate" : "addMonthsToDate";
                        generator.assign(result, DATE_TIME + "." + function + "(" + x + ", " + interval + ")");
                        return;
                    }
                    String timestamp = a == TypeKind.DATE ? DATE_TIME + ".dateToTimestamp(" + x + ")" : x;
                    String function = b == TypeKind.INTERVAL_DAY_TIME ? "addMillis" : "addMonths";
                    generator.assignConverted(result, TIMESTAMP_MICROS, DATE_TIME + "." + function + "(" + timestamp + ", " + interval + ")");
                    return;
                }
                if (a == TypeKind.DATE && b.isIntegral()) {
                    generator.assignConverted(result, DATE, DATE_TIME + "." + (subtract ? "subtractDays" : "addDays") + "(" + x + ", " + y + ")");
                    return;
                }
                if (a.isInterval() && a == b) {
                    generator.assignConverted(result, left.type(), DATE_TIME + "." + (subtract ? "subtractIntervals" : "addIntervals") + "(" + x + ", " + y + ")");
                    return;
                }
                if (subtract && a == TypeKind.DATE && b == TypeKind.DATE) {
                    // days between dates fit a long; the cast to the result type range-checks
                    generator.assignConverted(result, BIGINT, x + " - " + y);
                    return;
                }
                if (subtract && (a == TypeKind.DATE || a == TypeKind.TIMESTAMP) && (b == TypeKind.DATE || b == TypeKind.TIMESTAMP)) {
                    String start = a == TypeKind.DATE ? DATE_TIME + ".dateToTimestamp(" + x + ")" : x;
                    String end = b == TypeKind.DATE ? DATE_TIME + ".dateToTimestamp(" + y + ")" : y;
                    generator.assignConverted(result, IntervalDayTimeType.INTERVAL_DAY_TIME, DATE_TIME + ".subtractTimestamps(" + start + ", " + end + ")");
                    return;
                }
            }
            case FunctionNames.MULTIPLY, FunctionNames.DIVIDE -> {
                if (a.isInterval() && b.isNumeric()) {
                    String function = name.equals(FunctionNames.MULTIPLY) ? "multiplyInterval" : "divideInterval";
                    String factor = b.isIntegral() && name.equals(FunctionNames.MULTIPLY) ? y : generator.coerce(right, DOUBLE).value();
                    generator.assignConverted(result, left.type(), DATE_TIME + "." + function + "(" + x + ", " + factor + ")");
                    return;
                }
            }
            default -> {
            }
        }
        throw new BasinException(DATATYPE_MISMATCH, "operator does not exist: " + left.type().getDisplayName() + " " + name + " " + right.type().getDisplayName());
    }

    private static BasinException mismatch(Call call)
    {
        List<String> types = call.arguments().stream().map(argument -> argument.type().getDisplayName()).toList();
        return new BasinException(DATATYPE_MISMATCH, "Function " + call.name() + " cannot take " + types + " to " + call.type().getDisplayName());
    }
}
