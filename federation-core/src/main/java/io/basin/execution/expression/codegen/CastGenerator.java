package io.basin.execution.expression.codegen;

import io.basin.error.BasinException;
import io.basin.execution.expression.function.BinaryText;
import io.basin.execution.expression.function.DateTimeFunctions;
import io.basin.execution.expression.function.DateTimeText;
import io.basin.execution.expression.function.DecimalCasts;
import io.basin.execution.expression.function.IntegerArithmetic;
import io.basin.execution.expression.function.IntervalText;
import io.basin.execution.expression.function.NumberText;
import io.basin.execution.expression.function.NumericCasts;
import io.basin.execution.expression.function.StringFunctions;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.util.List;

import static io.basin.error.BasinErrorCode.DATATYPE_MISMATCH;

/**
 * Generates {@code CAST(x AS type)} between all supported types, and the implicit conversions
 * other generators ask for. Numbers convert with range checks; text converts through PostgreSQL's
 * input and output formats; explicit casts to varchar(n) and char(n) truncate, as PostgreSQL does.
 */
final class CastGenerator
{
    private static final String INTEGERS = IntegerArithmetic.class.getSimpleName();
    private static final String NUMERIC = NumericCasts.class.getSimpleName();
    private static final String DECIMALS = DecimalCasts.class.getSimpleName();
    private static final String NUMBER_TEXT = NumberText.class.getSimpleName();
    private static final String DATE_TEXT = DateTimeText.class.getSimpleName();
    private static final String INTERVAL_TEXT = IntervalText.class.getSimpleName();
    private static final String BINARY_TEXT = BinaryText.class.getSimpleName();
    private static final String STRINGS = StringFunctions.class.getSimpleName();
    private static final String DATE_TIME = DateTimeFunctions.class.getSimpleName();

    private CastGenerator() {}

    static GeneratedValue cast(ExpressionCodeGenerator generator, GeneratedValue value, Type target)
    {
        Type source = value.type();
        if (source.equals(target)) {
            return value;
        }
        TypeKind from = TypeKind.of(source);
        TypeKind to = TypeKind.of(target);
        if (isRepresentationPreserving(from, to, source, target)) {
            return retype(value, target);
        }
        return generator.nullPropagatingValues(target, List.of(value), (arguments, result) -> emit(generator, arguments.getFirst(), result, from, to));
    }

    /** Casts that change only the SQL type, not the bits: widening integers, longer varchar, ... */
    private static boolean isRepresentationPreserving(TypeKind from, TypeKind to, Type source, Type target)
    {
        if (from.isIntegral() && to.isIntegral()) {
            return from.integralPrecision() <= to.integralPrecision();
        }
        if (from == TypeKind.VARCHAR && to == TypeKind.VARCHAR) {
            VarcharType targetVarchar = (VarcharType) target;
            VarcharType sourceVarchar = (VarcharType) source;
            return targetVarchar.isUnbounded() || (!sourceVarchar.isUnbounded() && sourceVarchar.getBoundedLength() <= targetVarchar.getBoundedLength());
        }
        if (from == TypeKind.CHAR && to == TypeKind.CHAR) {
            return ((CharType) source).getLength() <= ((CharType) target).getLength();
        }
        if (from == TypeKind.TIMESTAMP && to == TypeKind.TIMESTAMP) {
            return ((TimestampType) source).getPrecision() <= ((TimestampType) target).getPrecision();
        }
        return from == to && !from.isDecimal();
    }

    private static GeneratedValue retype(GeneratedValue value, Type target)
    {
        return new GeneratedValue(target, value.value(), value.high(), value.low(), value.isNull());
    }

    private static void emit(ExpressionCodeGenerator generator, GeneratedValue value, GeneratedValue result, TypeKind from, TypeKind to)
    {
        Type target = result.type();
        String v = value.value();
        if (to == TypeKind.VARCHAR || to == TypeKind.CHAR) {
            String text = toText(value, from);
            generator.assign(result, limitLength(text, target));
            return;
        }
        if (from == TypeKind.VARCHAR || from == TypeKind.CHAR) {
            fromText(generator, v, result, to);
            return;
        }
        if (to.isDecimal()) {
            if (from.isExactNumeric() || from == TypeKind.BOOLEAN) {
                DecimalGenerator.store(generator, DecimalGenerator.exact(value), result);
                return;
            }
            DecimalType decimal = (DecimalType) target;
            String arguments = v + ", " + decimal.getPrecision() + ", " + decimal.getScale();
            String prefix = from == TypeKind.REAL ? "real" : "double";
            if (from.isFloatingPoint()) {
                if (decimal.isShort()) {
                    generator.assign(result, DECIMALS + "." + prefix + "ToShortDecimal(" + arguments + ")");
                }
                else {
                    generator.body().line(DECIMALS + "." + prefix + "ToLongDecimal(" + arguments + ", scratch);");
                    generator.assignFromScratch(result);
                }
                return;
            }
        }
        switch (to) {
            case BOOLEAN -> {
                if (from.isIntegral() || from == TypeKind.SHORT_DECIMAL) {
                    generator.assign(result, v + " != 0L");
                    return;
                }
                if (from == TypeKind.LONG_DECIMAL) {
                    generator.assign(result, "(" + value.high() + " | " + value.low() + ") != 0L");
                    return;
                }
                if (from.isFloatingPoint()) {
                    generator.assign(result, asDouble(value, from) + " != 0.0");
                    return;
                }
            }
            case TINYINT, SMALLINT, INTEGER, BIGINT -> {
                if (from.isIntegral()) {
                    generator.assign(result, INTEGERS + ".check" + to.functionSuffix() + "(" + v + ")");
                    return;
                }
                if (from == TypeKind.BOOLEAN) {
                    generator.assign(result, v + " ? 1L : 0L");
                    return;
                }
                if (from.isFloatingPoint()) {
                    generator.assign(result, NUMERIC + ".doubleTo" + to.functionSuffix() + "(" + asDouble(value, from) + ")");
                    return;
                }
                if (from.isDecimal()) {
                    String rounded = DecimalGenerator.toLong(generator, DecimalGenerator.exact(value), "bigint");
                    generator.assign(result, to == TypeKind.BIGINT ? rounded : INTEGERS + ".check" + to.functionSuffix() + "(" + rounded + ")");
                    return;
                }
            }
            case REAL -> {
                if (from.isIntegral()) {
                    generator.assign(result, NUMERIC + ".longToReal(" + v + ")");
                    return;
                }
                if (from == TypeKind.BOOLEAN) {
                    generator.assign(result, "Float.floatToIntBits(" + v + " ? 1.0f : 0.0f)");
                    return;
                }
                if (from == TypeKind.DOUBLE) {
                    generator.assign(result, NUMERIC + ".doubleToReal(" + v + ")");
                    return;
                }
                if (from == TypeKind.SHORT_DECIMAL) {
                    generator.assign(result, DECIMALS + ".shortDecimalToReal(" + v + ", " + ((DecimalType) value.type()).getScale() + ")");
                    return;
                }
                if (from == TypeKind.LONG_DECIMAL) {
                    generator.assign(result, DECIMALS + ".longDecimalToReal(" + value.arguments() + ", " + ((DecimalType) value.type()).getScale() + ")");
                    return;
                }
            }
            case DOUBLE -> {
                if (from.isIntegral()) {
                    generator.assign(result, "(double) " + v);
                    return;
                }
                if (from == TypeKind.BOOLEAN) {
                    generator.assign(result, v + " ? 1.0 : 0.0");
                    return;
                }
                if (from == TypeKind.REAL) {
                    generator.assign(result, NUMERIC + ".realToDouble(" + v + ")");
                    return;
                }
                if (from == TypeKind.SHORT_DECIMAL) {
                    generator.assign(result, DECIMALS + ".shortDecimalToDouble(" + v + ", " + ((DecimalType) value.type()).getScale() + ")");
                    return;
                }
                if (from == TypeKind.LONG_DECIMAL) {
                    generator.assign(result, DECIMALS + ".longDecimalToDouble(" + value.arguments() + ", " + ((DecimalType) value.type()).getScale() + ")");
                    return;
                }
            }
            case DATE -> {
                if (from == TypeKind.TIMESTAMP) {
                    generator.assign(result, DATE_TIME + ".timestampToDate(" + v + ")");
                    return;
                }
            }
            case TIMESTAMP -> {
                int precision = ((TimestampType) target).getPrecision();
                if (from == TypeKind.DATE) {
                    generator.assign(result, DATE_TIME + ".dateToTimestamp(" + v + ")");
                    return;
                }
                if (from == TypeKind.TIMESTAMP) {
                    generator.assign(result, DATE_TIME + ".roundTimestamp(" + v + ", " + precision + ")");
                    return;
                }
            }
            default -> {
            }
        }
        throw cannotCast(value.type(), target);
    }

    private static String toText(GeneratedValue value, TypeKind from)
    {
        String v = value.value();
        return switch (from) {
            case BOOLEAN -> NUMBER_TEXT + ".formatBoolean(" + v + ")";
            case TINYINT, SMALLINT, INTEGER, BIGINT -> NUMBER_TEXT + ".formatLong(" + v + ")";
            case REAL -> NUMBER_TEXT + ".formatReal(" + v + ")";
            case DOUBLE -> NUMBER_TEXT + ".formatDouble(" + v + ")";
            case SHORT_DECIMAL -> NUMBER_TEXT + ".formatShortDecimal(" + v + ", " + ((DecimalType) value.type()).getScale() + ")";
            case LONG_DECIMAL -> NUMBER_TEXT + ".formatLongDecimal(" + value.arguments() + ", " + ((DecimalType) value.type()).getScale() + ")";
            case DATE -> DATE_TEXT + ".formatDate(" + v + ")";
            case TIMESTAMP -> DATE_TEXT + ".formatTimestamp(" + v + ")";
            case INTERVAL_DAY_TIME -> INTERVAL_TEXT + ".formatDayTime(" + v + ")";
            case INTERVAL_YEAR_MONTH -> INTERVAL_TEXT + ".formatYearMonth(" + v + ")";
            case VARBINARY -> BINARY_TEXT + ".format(" + v + ")";
            // char values are stored without their padding; text drops trailing spaces anyway
            case CHAR -> STRINGS + ".trimTrailingSpaces(" + v + ")";
            case VARCHAR -> v;
        };
    }

    private static String limitLength(String text, Type target)
    {
        if (target instanceof CharType charType) {
            return STRINGS + ".toChar(" + text + ", " + charType.getLength() + ")";
        }
        VarcharType varchar = (VarcharType) target;
        if (varchar.isUnbounded()) {
            return text;
        }
        return STRINGS + ".truncate(" + text + ", " + varchar.getBoundedLength() + ")";
    }

    private static void fromText(ExpressionCodeGenerator generator, String text, GeneratedValue result, TypeKind to)
    {
        Type target = result.type();
        switch (to) {
            case BOOLEAN -> generator.assign(result, NUMBER_TEXT + ".parseBoolean(" + text + ")");
            case TINYINT, SMALLINT, INTEGER, BIGINT -> generator.assign(result, NUMBER_TEXT + ".parse" + to.functionSuffix() + "(" + text + ")");
            case REAL -> generator.assign(result, NUMBER_TEXT + ".parseReal(" + text + ")");
            case DOUBLE -> generator.assign(result, NUMBER_TEXT + ".parseDouble(" + text + ")");
            case SHORT_DECIMAL -> {
                DecimalType decimal = (DecimalType) target;
                generator.assign(result, NUMBER_TEXT + ".parseShortDecimal(" + text + ", " + decimal.getPrecision() + ", " + decimal.getScale() + ")");
            }
            case LONG_DECIMAL -> {
                DecimalType decimal = (DecimalType) target;
                generator.body().line(NUMBER_TEXT + ".parseLongDecimal(" + text + ", " + decimal.getPrecision() + ", " + decimal.getScale() + ", scratch);");
                generator.assignFromScratch(result);
            }
            case DATE -> generator.assign(result, DATE_TEXT + ".parseDate(" + text + ")");
            case TIMESTAMP -> generator.assign(result, DATE_TIME + ".roundTimestamp(" + DATE_TEXT + ".parseTimestamp(" + text + "), " + ((TimestampType) target).getPrecision() + ")");
            case INTERVAL_DAY_TIME -> generator.assign(result, INTERVAL_TEXT + ".parseDayTime(" + text + ")");
            case INTERVAL_YEAR_MONTH -> generator.assign(result, INTERVAL_TEXT + ".parseYearMonth(" + text + ")");
            case VARBINARY -> generator.assign(result, BINARY_TEXT + ".parse(" + text + ")");
            case VARCHAR, CHAR -> throw new IllegalStateException("text to text is handled before");
        }
    }

    /** double expression of a REAL or DOUBLE value. */
    static String asDouble(GeneratedValue value, TypeKind kind)
    {
        return kind == TypeKind.REAL ? NUMERIC + ".realToDouble(" + value.value() + ")" : value.value();
    }


    static BasinException cannotCast(Type source, Type target)
    {
        return new BasinException(DATATYPE_MISMATCH, "cannot cast type " + source.getDisplayName() + " to " + target.getDisplayName());
    }
}
