package io.basin.execution.expression.codegen;

import io.basin.error.BasinException;
import io.basin.execution.expression.function.FloatingPointArithmetic;
import io.basin.execution.expression.function.StringFunctions;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.FunctionNames;
import io.trino.spi.type.Type;

import java.util.Map;

import static io.basin.error.BasinErrorCode.DATATYPE_MISMATCH;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * Generates comparisons with SQL semantics per type: exact numerics compare by value across
 * scales, floating point orders NaN above everything and equal to itself (PostgreSQL), char
 * ignores trailing spaces, strings compare by UTF-8 bytes (code point order, the C collation).
 * Special forms (IN, NULLIF, GREATEST, ...) use the same helpers.
 */
final class ComparisonGenerator
{
    private static final String FLOATS = FloatingPointArithmetic.class.getSimpleName();
    private static final String STRINGS = StringFunctions.class.getSimpleName();

    private static final Map<String, String> OPERATORS = Map.of(
            FunctionNames.EQUAL, "==",
            FunctionNames.NOT_EQUAL, "!=",
            FunctionNames.LESS_THAN, "<",
            FunctionNames.LESS_THAN_OR_EQUAL, "<=",
            FunctionNames.GREATER_THAN, ">",
            FunctionNames.GREATER_THAN_OR_EQUAL, ">=");

    private ComparisonGenerator() {}

    static boolean handles(String name)
    {
        return OPERATORS.containsKey(name);
    }

    static GeneratedValue generate(Call call, ExpressionCodeGenerator generator)
    {
        String operator = OPERATORS.get(call.name());
        CallGenerators.checkArity(call, 2);
        return generator.nullPropagating(call.type(), call.arguments(),
                (arguments, result) -> generator.assign(result, compare(generator, arguments.get(0), arguments.get(1), operator)));
    }

    /**
     * A boolean expression for {@code left <operator> right} (operator one of == != < <= > >=),
     * both values non-null; may write statements for conversions first.
     */
    static String compare(ExpressionCodeGenerator generator, GeneratedValue left, GeneratedValue right, String operator)
    {
        GeneratedValue[] operands = unify(generator, left, right);
        GeneratedValue a = operands[0];
        GeneratedValue b = operands[1];
        TypeKind kind = a.typeKind();
        if (kind.isExactNumeric() || b.typeKind().isExactNumeric()) {
            DecimalGenerator.Exact exactA = DecimalGenerator.exact(a);
            DecimalGenerator.Exact exactB = DecimalGenerator.exact(b);
            if (!exactA.wide() && !exactB.wide() && exactA.scale() == exactB.scale()) {
                return "(" + exactA.value() + " " + operator + " " + exactB.value() + ")";
            }
            return "(" + DecimalGenerator.compare(generator, exactA, exactB) + " " + operator + " 0)";
        }
        boolean equality = operator.equals("==") || operator.equals("!=");
        String negation = operator.equals("!=") ? "!" : "";
        return switch (kind) {
            case BOOLEAN -> equality
                    ? "(" + a.value() + " " + operator + " " + b.value() + ")"
                    : "((" + a.value() + " ? 1 : 0) " + operator + " (" + b.value() + " ? 1 : 0))";
            case DOUBLE -> equality
                    ? negation + FLOATS + ".equal(" + a.value() + ", " + b.value() + ")"
                    : "(" + FLOATS + ".compare(" + a.value() + ", " + b.value() + ") " + operator + " 0)";
            case REAL -> equality
                    ? negation + FLOATS + ".equalReal(" + a.value() + ", " + b.value() + ")"
                    : "(" + FLOATS + ".compareReal(" + a.value() + ", " + b.value() + ") " + operator + " 0)";
            case VARCHAR, VARBINARY -> equality
                    ? negation + STRINGS + ".equal(" + a.value() + ", " + b.value() + ")"
                    : "(" + a.value() + ".compareTo(" + b.value() + ") " + operator + " 0)";
            case CHAR -> equality
                    ? negation + STRINGS + ".equalChar(" + a.value() + ", " + b.value() + ")"
                    : "(" + STRINGS + ".compareChar(" + a.value() + ", " + b.value() + ") " + operator + " 0)";
            case DATE, TIMESTAMP, INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH -> "(" + a.value() + " " + operator + " " + b.value() + ")";
            default -> throw new IllegalStateException("Unexpected comparison type " + kind);
        };
    }

    /** Brings two values to types that compare directly (exact numerics stay as they are). */
    static GeneratedValue[] unify(ExpressionCodeGenerator generator, GeneratedValue left, GeneratedValue right)
    {
        Type common = commonType(left.type(), right.type());
        if (common == null) {
            return new GeneratedValue[] {left, right};
        }
        return new GeneratedValue[] {generator.coerce(left, common), generator.coerce(right, common)};
    }

    /**
     * The type both sides convert to before comparing; null when they compare as they are (same
     * representation, or both exact numerics, which compare across scales).
     */
    static Type commonType(Type left, Type right)
    {
        TypeKind a = TypeKind.of(left);
        TypeKind b = TypeKind.of(right);
        if (left.equals(right) || (a == b && !a.isExactNumeric()) || (a.isExactNumeric() && b.isExactNumeric())) {
            return null;
        }
        if (a.isNumeric() && b.isNumeric()) {
            return DOUBLE;
        }
        if ((a == TypeKind.DATE && b == TypeKind.TIMESTAMP) || (a == TypeKind.TIMESTAMP && b == TypeKind.DATE)) {
            return a == TypeKind.TIMESTAMP ? left : right;
        }
        if (a.isText() && b.isText()) {
            return VARCHAR;
        }
        throw new BasinException(DATATYPE_MISMATCH, "operator does not exist: " + left.getDisplayName() + " = " + right.getDisplayName());
    }

}
