package io.basin.execution.expression.codegen;

import io.airlift.slice.Slice;
import io.basin.error.BasinException;
import io.basin.execution.expression.function.DateTimeFunctions;
import io.basin.execution.expression.function.DateTimeUnit;
import io.basin.execution.expression.function.NumericFormat;
import io.basin.execution.expression.function.TemporalFormat;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.trino.spi.type.DecimalType;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.basin.error.BasinErrorCode.DATATYPE_MISMATCH;
import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * Generates extract, date_trunc, date_add, date_diff, current_date/current_timestamp, to_char,
 * to_date and last_day. The unit of extract/date_trunc/date_add/date_diff is a literal compiled
 * into the code (so an unknown unit fails at compile time); dates are widened to the timestamp of
 * their midnight and results converted to the call's type.
 */
final class DateTimeGenerator
{
    private static final String DATE_TIME = DateTimeFunctions.class.getSimpleName();
    private static final String UNIT = DateTimeUnit.class.getSimpleName();

    private static final Set<String> NAMES = Set.of(
            FunctionNames.EXTRACT, FunctionNames.DATE_TRUNC, FunctionNames.DATE_ADD, FunctionNames.DATE_DIFF, FunctionNames.CURRENT_DATE,
            FunctionNames.CURRENT_TIMESTAMP, FunctionNames.TO_CHAR, FunctionNames.TO_DATE, FunctionNames.LAST_DAY);

    private DateTimeGenerator() {}

    static boolean handles(String name)
    {
        return NAMES.contains(name);
    }

    static GeneratedValue generate(Call call, ExpressionCodeGenerator generator)
    {
        return switch (call.name()) {
            case FunctionNames.CURRENT_DATE -> {
                CallGenerators.checkArity(call, 0);
                yield generator.coerce(GeneratedValue.of(DATE, "currentDate", "false"), call.type());
            }
            case FunctionNames.CURRENT_TIMESTAMP -> {
                CallGenerators.checkArity(call, 0);
                yield generator.coerce(GeneratedValue.of(TIMESTAMP_MICROS, "currentTimestamp", "false"), call.type());
            }
            case FunctionNames.EXTRACT -> extract(call, generator);
            case FunctionNames.DATE_TRUNC -> {
                CallGenerators.checkArity(call, 2);
                DateTimeUnit unit = unit(call);
                yield generator.nullPropagating(call.type(), List.of(call.arguments().get(1)), (arguments, result) ->
                        generator.assignConverted(result, TIMESTAMP_MICROS, DATE_TIME + ".truncate(" + UNIT + "." + unit.name() + ", " + micros(generator, arguments.getFirst()) + ")"));
            }
            case FunctionNames.DATE_ADD -> {
                CallGenerators.checkArity(call, 3);
                DateTimeUnit unit = unit(call);
                yield generator.nullPropagating(call.type(), call.arguments().subList(1, 3), (arguments, result) -> {
                    String amount = generator.coerce(arguments.get(0), BIGINT).value();
                    generator.assignConverted(result, TIMESTAMP_MICROS, DATE_TIME + ".add(" + UNIT + "." + unit.name() + ", " + amount + ", " + micros(generator, arguments.get(1)) + ")");
                });
            }
            case FunctionNames.DATE_DIFF -> {
                CallGenerators.checkArity(call, 3);
                DateTimeUnit unit = unit(call);
                yield generator.nullPropagating(call.type(), call.arguments().subList(1, 3), (arguments, result) ->
                        generator.assignConverted(result, BIGINT, DATE_TIME + ".diff(" + UNIT + "." + unit.name() + ", "
                                + micros(generator, arguments.get(0)) + ", " + micros(generator, arguments.get(1)) + ")"));
            }
            case FunctionNames.LAST_DAY -> {
                CallGenerators.checkArity(call, 1);
                yield generator.nullPropagating(call.type(), call.arguments(), (arguments, result) -> {
                    GeneratedValue date = generator.coerce(arguments.getFirst(), DATE);
                    generator.assignConverted(result, DATE, DATE_TIME + ".lastDay(" + date.value() + ")");
                });
            }
            case FunctionNames.TO_CHAR -> toChar(call, generator);
            case FunctionNames.TO_DATE -> {
                CallGenerators.checkArity(call, 2);
                Optional<String> format = compiledFormat(call, generator, true);
                List<Expression> evaluated = format.isPresent() ? List.of(call.arguments().getFirst()) : call.arguments();
                yield generator.nullPropagating(call.type(), evaluated, (arguments, result) -> {
                    String text = generator.coerce(arguments.getFirst(), VARCHAR).value();
                    String formatter = format.orElseGet(() -> TemporalFormat.class.getSimpleName() + ".compile(" + generator.coerce(arguments.get(1), VARCHAR).value() + ")");
                    generator.assignConverted(result, DATE, formatter + ".parseDate(" + text + ")");
                });
            }
            default -> throw new IllegalStateException("Not a date/time function: " + call.name());
        };
    }

    private static GeneratedValue extract(Call call, ExpressionCodeGenerator generator)
    {
        CallGenerators.checkArity(call, 2);
        DateTimeUnit field = unit(call);
        TypeKind resultKind = TypeKind.of(call.type());
        return generator.nullPropagating(call.type(), List.of(call.arguments().get(1)), (arguments, result) -> {
            GeneratedValue value = arguments.getFirst();
            String unit = UNIT + "." + field.name();
            TypeKind source = value.typeKind();
            if (source.isInterval()) {
                String prefix = source == TypeKind.INTERVAL_DAY_TIME ? "DayTimeInterval" : "YearMonthInterval";
                if (resultKind.isDecimal() || resultKind.isFloatingPoint()) {
                    String scaled = source == TypeKind.INTERVAL_DAY_TIME
                            ? DATE_TIME + ".extractMicroScaledFromDayTimeInterval(" + unit + ", " + value.value() + ")"
                            : DATE_TIME + ".extractFromYearMonthInterval(" + unit + ", " + value.value() + ") * 1000000L";
                    storeMicroScaled(generator, scaled, result);
                    return;
                }
                generator.assignConverted(result, BIGINT, DATE_TIME + ".extractFrom" + prefix + "(" + unit + ", " + value.value() + ")");
                return;
            }
            String micros = micros(generator, value);
            if (resultKind.isDecimal() || resultKind.isFloatingPoint()) {
                storeMicroScaled(generator, DATE_TIME + ".extractMicroScaled(" + unit + ", " + micros + ")", result);
                return;
            }
            generator.assignConverted(result, BIGINT, DATE_TIME + ".extract(" + unit + ", " + micros + ")");
        });
    }

    /** Stores a value scaled by 10^6 (exact seconds with fraction) into a decimal or floating point result. */
    private static void storeMicroScaled(ExpressionCodeGenerator generator, String scaled, GeneratedValue result)
    {
        String local = generator.temporary("long", scaled);
        if (result.type() instanceof DecimalType) {
            DecimalGenerator.store(generator, DecimalGenerator.Exact.narrow(local, 19, 6), result);
            return;
        }
        GeneratedValue exact = GeneratedValue.of(createDecimalType(18, 6), local, "false");
        generator.assign(result, generator.coerce(exact, result.type()));
    }

    private static GeneratedValue toChar(Call call, ExpressionCodeGenerator generator)
    {
        CallGenerators.checkArity(call, 2);
        TypeKind kind = TypeKind.of(call.arguments().getFirst().type());
        boolean temporal = kind == TypeKind.DATE || kind == TypeKind.TIMESTAMP;
        if (!temporal && !kind.isNumeric()) {
            throw new BasinException(DATATYPE_MISMATCH, "function to_char(" + call.arguments().getFirst().type().getDisplayName() + ", text) does not exist");
        }
        Optional<String> format = compiledFormat(call, generator, temporal);
        List<Expression> evaluated = format.isPresent() ? List.of(call.arguments().getFirst()) : call.arguments();
        return generator.nullPropagating(call.type(), evaluated, (arguments, result) -> {
            GeneratedValue value = arguments.getFirst();
            String formatter = format.orElseGet(() ->
                    (temporal ? TemporalFormat.class : NumericFormat.class).getSimpleName() + ".compile(" + generator.coerce(arguments.get(1), VARCHAR).value() + ")");
            String text;
            if (temporal) {
                text = formatter + ".format(" + micros(generator, value) + ")";
            }
            else {
                text = switch (value.typeKind()) {
                    case TINYINT, SMALLINT, INTEGER, BIGINT -> formatter + ".format(" + value.value() + ")";
                    case REAL, DOUBLE -> formatter + ".formatDouble(" + CastGenerator.asDouble(value, value.typeKind()) + ")";
                    case SHORT_DECIMAL -> formatter + ".formatDecimal(" + value.value() + ", " + ((DecimalType) value.type()).getScale() + ")";
                    case LONG_DECIMAL -> formatter + ".formatDecimal(" + value.arguments() + ", " + ((DecimalType) value.type()).getScale() + ")";
                    default -> throw new IllegalStateException();
                };
            }
            generator.assignConverted(result, VARCHAR, text);
        });
    }

    /** The derived field holding the compiled format when it is a literal; empty when it is compiled per row. */
    private static Optional<String> compiledFormat(Call call, ExpressionCodeGenerator generator, boolean temporal)
    {
        if (!(call.arguments().get(1) instanceof Constant constant) || constant.isNull()) {
            return Optional.empty();
        }
        int slot = generator.kernel().shape().slotOf(constant);
        DerivedParameter parameter = temporal
                ? new DerivedParameter(TemporalFormat.class.getSimpleName(), constants -> TemporalFormat.compile((Slice) constants.get(slot)))
                : new DerivedParameter(NumericFormat.class.getSimpleName(), constants -> NumericFormat.compile((Slice) constants.get(slot)));
        return Optional.of(generator.kernel().addDerivedParameter(parameter));
    }

    /** The timestamp (micros) of a date or timestamp value. */
    private static String micros(ExpressionCodeGenerator generator, GeneratedValue value)
    {
        return switch (value.typeKind()) {
            case DATE -> DATE_TIME + ".dateToTimestamp(" + value.value() + ")";
            case TIMESTAMP -> value.value();
            case VARCHAR, CHAR -> generator.coerce(value, TIMESTAMP_MICROS).value();
            default -> throw new BasinException(DATATYPE_MISMATCH, "Expected a date or timestamp, found " + value.type().getDisplayName());
        };
    }

    private static DateTimeUnit unit(Call call)
    {
        if (!(call.arguments().getFirst() instanceof Constant constant) || constant.isNull() || !(constant.value() instanceof Slice name)) {
            throw new BasinException(FEATURE_NOT_SUPPORTED, call.name() + " requires a literal unit");
        }
        DateTimeUnit unit = DateTimeUnit.parse(name.toStringUtf8(), call.name());
        if (!call.name().equals(FunctionNames.EXTRACT) && !unit.isCalendarUnit()) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "unit \"" + name.toStringUtf8() + "\" not supported for " + call.name());
        }
        return unit;
    }
}
