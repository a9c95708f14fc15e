package io.basin.execution.expression.codegen;

import io.airlift.slice.Slice;
import io.basin.error.BasinException;
import io.basin.execution.expression.function.Int128ConstantSet;
import io.basin.execution.expression.function.LongConstantSet;
import io.basin.execution.expression.function.SliceConstantSet;
import io.basin.execution.expression.function.StringFunctions;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.SpecialForm;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.basin.error.BasinErrorCode.DATATYPE_MISMATCH;
import static io.trino.spi.type.BooleanType.BOOLEAN;

/**
 * Generates the special forms: AND/OR with three-valued logic and short-circuit evaluation, NOT,
 * IS NULL, IF, searched CASE (SWITCH), COALESCE, IN (a hash set of the literals when there are
 * many), IS DISTINCT FROM, NULLIF, GREATEST and LEAST (which ignore NULLs, as PostgreSQL does).
 * Branches evaluate only when taken, so a guarded division by zero never runs.
 */
final class SpecialFormGenerator
{
    // below this many literals a chain of comparisons beats hashing
    private static final int IN_SET_THRESHOLD = 5;
    // wider forms are regrouped into nested ones
    private static final int MAX_ARGUMENTS = 16;

    private SpecialFormGenerator() {}

    static GeneratedValue generate(SpecialForm form, ExpressionCodeGenerator generator)
    {
        Optional<SpecialForm> regrouped = regroup(form);
        if (regrouped.isPresent()) {
            return generator.generate(regrouped.get());
        }
        List<Expression> arguments = form.arguments();
        return switch (form.form()) {
            case AND -> logical(form, generator, true);
            case OR -> logical(form, generator, false);
            case NOT -> {
                checkArguments(form, arguments.size() == 1);
                yield generator.nullPropagating(BOOLEAN, arguments, (values, result) -> generator.assign(result, "!" + values.getFirst().value()));
            }
            case IS_NULL -> {
                checkArguments(form, arguments.size() == 1);
                GeneratedValue value = generator.generate(arguments.getFirst());
                GeneratedValue result = generator.declare(BOOLEAN, false);
                generator.assign(result, value.isNull());
                yield result;
            }
            case IF -> {
                checkArguments(form, arguments.size() == 3);
                yield conditional(form, generator, List.of(arguments.get(0), arguments.get(1)), arguments.get(2));
            }
            case SWITCH -> {
                checkArguments(form, arguments.size() % 2 == 1);
                yield conditional(form, generator, arguments.subList(0, arguments.size() - 1), arguments.getLast());
            }
            case COALESCE -> coalesce(form, generator);
            case IN -> in(form, generator);
            case IS_DISTINCT_FROM -> isDistinctFrom(form, generator);
            case NULLIF -> nullIf(form, generator);
            case GREATEST -> extreme(form, generator, ">");
            case LEAST -> extreme(form, generator, "<");
        };
    }

    /**
     * Splits a form with very many arguments into nested forms of at most {@link #MAX_ARGUMENTS}
     * with the same meaning, so that the code generator can move the groups into helper methods
     * (a 500-branch CASE would otherwise be one method too large for the JIT).
     */
    private static Optional<SpecialForm> regroup(SpecialForm form)
    {
        List<Expression> arguments = form.arguments();
        return switch (form.form()) {
            // associative, also in three-valued logic and when skipping NULLs
            case AND, OR, GREATEST, LEAST -> {
                if (arguments.size() <= MAX_ARGUMENTS) {
                    yield Optional.empty();
                }
                List<Expression> groups = new ArrayList<>();
                for (int start = 0; start < arguments.size(); start += MAX_ARGUMENTS) {
                    List<Expression> group = arguments.subList(start, Math.min(arguments.size(), start + MAX_ARGUMENTS));
                    groups.add(group.size() == 1 ? group.getFirst() : new SpecialForm(form.form(), group, form.type()));
                }
                yield Optional.of(new SpecialForm(form.form(), groups, form.type()));
            }
            // the first branches here, the rest in a nested form in the else position
            case SWITCH -> {
                if (arguments.size() <= 2 * MAX_ARGUMENTS + 1) {
                    yield Optional.empty();
                }
                List<Expression> head = new ArrayList<>(arguments.subList(0, 2 * MAX_ARGUMENTS));
                head.add(new SpecialForm(form.form(), arguments.subList(2 * MAX_ARGUMENTS, arguments.size()), form.type()));
                yield Optional.of(new SpecialForm(form.form(), head, form.type()));
            }
            case COALESCE -> {
                if (arguments.size() <= MAX_ARGUMENTS) {
                    yield Optional.empty();
                }
                List<Expression> head = new ArrayList<>(arguments.subList(0, MAX_ARGUMENTS - 1));
                head.add(new SpecialForm(form.form(), arguments.subList(MAX_ARGUMENTS - 1, arguments.size()), form.type()));
                yield Optional.of(new SpecialForm(form.form(), head, form.type()));
            }
            default -> Optional.empty();
        };
    }

    /**
     * AND (or OR): evaluates arguments left to right until one is false (true), remembering NULLs;
     * each further argument runs inside the check of the previous one.
     */
    private static GeneratedValue logical(SpecialForm form, ExpressionCodeGenerator generator, boolean and)
    {
        checkArguments(form, !form.arguments().isEmpty());
        SourceWriter body = generator.body();
        boolean nullable = Nullability.mayBeNull(form);
        GeneratedValue result = generator.declare(BOOLEAN, nullable);
        // the value when some argument decides the result (false for AND, true for OR)
        generator.assign(result, and ? "false" : "true");
        String sawNull = null;
        if (nullable) {
            body.line(result.isNull() + " = false;");
            sawNull = generator.temporary("boolean", "false");
        }
        int opened = 0;
        for (Expression argument : form.arguments()) {
            GeneratedValue value = generator.coerceOrCast(argument, BOOLEAN);
            if (value.isNull().equals("true")) {
                body.line(sawNull + " = true;");
                continue;
            }
            // continue unless this argument decides the result
            String undecided = and ? value.value() : "!" + value.value();
            if (value.mayBeNull()) {
                body.open("if (" + value.isNull() + " || " + undecided + ")");
                body.line(sawNull + " = " + sawNull + " || " + value.isNull() + ";");
            }
            else {
                body.open("if (" + undecided + ")");
            }
            opened++;
        }
        // no argument decided: true for AND (false for OR), or NULL if one was NULL
        if (nullable) {
            generator.assign(result, and ? "!" + sawNull : "false");
            body.line(result.isNull() + " = " + sawNull + ";");
        }
        else {
            generator.assign(result, and ? "true" : "false");
        }
        for (int i = 0; i < opened; i++) {
            body.close();
        }
        return result;
    }

    /** IF and SWITCH: {@code conditionsAndValues} alternates condition, value. */
    private static GeneratedValue conditional(SpecialForm form, ExpressionCodeGenerator generator, List<Expression> conditionsAndValues, Expression otherwise)
    {
        SourceWriter body = generator.body();
        Type type = form.type();
        GeneratedValue result = generator.declare(type, Nullability.mayBeNull(form));
        int opened = 0;
        for (int i = 0; i < conditionsAndValues.size(); i += 2) {
            GeneratedValue condition = generator.coerceOrCast(conditionsAndValues.get(i), BOOLEAN);
            if (condition.isNull().equals("true")) {
                // a NULL condition is never taken
                continue;
            }
            body.open("if (" + (condition.mayBeNull() ? "!" + condition.isNull() + " && " : "") + condition.value() + ")");
            generator.assign(result, generator.coerceOrCast(conditionsAndValues.get(i + 1), type));
            body.reopen("else");
            opened++;
        }
        generator.assign(result, generator.coerceOrCast(otherwise, type));
        for (int i = 0; i < opened; i++) {
            body.close();
        }
        return result;
    }

    private static GeneratedValue coalesce(SpecialForm form, ExpressionCodeGenerator generator)
    {
        checkArguments(form, !form.arguments().isEmpty());
        SourceWriter body = generator.body();
        Type type = form.type();
        GeneratedValue result = generator.declare(type, Nullability.mayBeNull(form));
        int opened = 0;
        List<Expression> arguments = form.arguments();
        for (int i = 0; i < arguments.size(); i++) {
            GeneratedValue value = generator.coerceOrCast(arguments.get(i), type);
            if (value.isNull().equals("true")) {
                continue;
            }
            if (!value.mayBeNull() || i == arguments.size() - 1) {
                generator.assign(result, value);
                break;
            }
            body.open("if (!" + value.isNull() + ")");
            generator.assign(result, ExpressionCodeGenerator.notNull(value));
            body.reopen("else");
            opened++;
        }
        for (int i = 0; i < opened; i++) {
            body.close();
        }
        return result;
    }

    private static GeneratedValue in(SpecialForm form, ExpressionCodeGenerator generator)
    {
        List<Expression> arguments = form.arguments();
        checkArguments(form, arguments.size() >= 2);
        SourceWriter body = generator.body();
        GeneratedValue value = generator.generate(arguments.getFirst());
        if (value.isNull().equals("true")) {
            return ExpressionCodeGenerator.nullValue(BOOLEAN);
        }
        List<Constant> literals = new ArrayList<>();
        List<Expression> others = new ArrayList<>();
        boolean nullLiteral = false;
        for (Expression candidate : arguments.subList(1, arguments.size())) {
            if (candidate instanceof Constant constant && constant.isNull()) {
                nullLiteral = true;
            }
            else if (candidate instanceof Constant constant && hashable(value.type(), constant.type())) {
                literals.add(constant);
            }
            else {
                others.add(candidate);
            }
        }
        if (literals.size() < IN_SET_THRESHOLD) {
            others.addAll(0, literals);
            literals.clear();
        }
        boolean nullable = value.mayBeNull() || nullLiteral || others.stream().anyMatch(Nullability::mayBeNull);
        GeneratedValue result = generator.declare(BOOLEAN, nullable);
        if (value.mayBeNull()) {
            body.open("if (!" + value.isNull() + ")");
        }
        GeneratedValue present = ExpressionCodeGenerator.notNull(value);
        String found = generator.temporary("boolean", literals.isEmpty() ? "false" : setLookup(generator, present, literals));
        String sawNull = nullable ? generator.temporary("boolean", String.valueOf(nullLiteral)) : null;
        for (Expression candidate : others) {
            body.open("if (!" + found + ")");
            GeneratedValue other = generator.generate(candidate);
            if (other.mayBeNull()) {
                body.open("if (" + other.isNull() + ")");
                body.line(sawNull + " = true;");
                body.reopen("else");
                body.line(found + " = " + ComparisonGenerator.compare(generator, present, ExpressionCodeGenerator.notNull(other), "==") + ";");
                body.close();
            }
            else {
                body.line(found + " = " + ComparisonGenerator.compare(generator, present, other, "==") + ";");
            }
            body.close();
        }
        generator.assign(result, found);
        if (nullable) {
            body.line(result.isNull() + " = !" + found + " && " + sawNull + ";");
        }
        if (value.mayBeNull()) {
            body.close();
        }
        return result;
    }

    /** Literals can go in a hash set when they have the value's representation exactly. */
    private static boolean hashable(Type valueType, Type literalType)
    {
        TypeKind value = TypeKind.of(valueType);
        TypeKind literal = TypeKind.of(literalType);
        if (value == TypeKind.BOOLEAN || value != literal) {
            return false;
        }
        if (value.isDecimal()) {
            return ((DecimalType) valueType).getScale() == ((DecimalType) literalType).getScale();
        }
        return true;
    }

    private static String setLookup(ExpressionCodeGenerator generator, GeneratedValue value, List<Constant> literals)
    {
        ExpressionShape shape = generator.kernel().shape();
        int[] slots = literals.stream().mapToInt(shape::slotOf).toArray();
        TypeKind kind = value.typeKind();
        return switch (kind) {
            case DOUBLE, REAL -> {
                boolean real = kind == TypeKind.REAL;
                String set = generator.kernel().addDerivedParameter(new DerivedParameter(LongConstantSet.class.getSimpleName(), constants -> {
                    double[] values = new double[slots.length];
                    for (int i = 0; i < slots.length; i++) {
                        values[i] = real ? Float.intBitsToFloat((int) (long) (Long) constants.get(slots[i])) : (Double) constants.get(slots[i]);
                    }
                    return LongConstantSet.ofDoubles(values);
                }));
                yield set + ".containsDouble(" + CastGenerator.asDouble(value, kind) + ")";
            }
            case VARCHAR, VARBINARY, CHAR -> {
                boolean trim = kind == TypeKind.CHAR;
                String set = generator.kernel().addDerivedParameter(new DerivedParameter(SliceConstantSet.class.getSimpleName(), constants -> {
                    List<Slice> values = new ArrayList<>(slots.length);
                    for (int slot : slots) {
                        Slice slice = (Slice) constants.get(slot);
                        values.add(trim ? StringFunctions.trimTrailingSpaces(slice) : slice);
                    }
                    return new SliceConstantSet(values);
                }));
                String lookup = trim ? StringFunctions.class.getSimpleName() + ".trimTrailingSpaces(" + value.value() + ")" : value.value();
                yield set + ".contains(" + lookup + ")";
            }
            case LONG_DECIMAL -> {
                String set = generator.kernel().addDerivedParameter(new DerivedParameter(Int128ConstantSet.class.getSimpleName(), constants -> {
                    long[] values = new long[slots.length * 2];
                    for (int i = 0; i < slots.length; i++) {
                        Int128 decimal = (Int128) constants.get(slots[i]);
                        values[2 * i] = decimal.getHigh();
                        values[2 * i + 1] = decimal.getLow();
                    }
                    return new Int128ConstantSet(values);
                }));
                yield set + ".contains(" + value.high() + ", " + value.low() + ")";
            }
            default -> {
                String set = generator.kernel().addDerivedParameter(new DerivedParameter(LongConstantSet.class.getSimpleName(), constants -> {
                    long[] values = new long[slots.length];
                    for (int i = 0; i < slots.length; i++) {
                        values[i] = (Long) constants.get(slots[i]);
                    }
                    return new LongConstantSet(values);
                }));
                yield set + ".contains(" + value.value() + ")";
            }
        };
    }

    private static GeneratedValue isDistinctFrom(SpecialForm form, ExpressionCodeGenerator generator)
    {
        checkArguments(form, form.arguments().size() == 2);
        SourceWriter body = generator.body();
        GeneratedValue left = generator.generate(form.arguments().get(0));
        GeneratedValue right = generator.generate(form.arguments().get(1));
        GeneratedValue result = generator.declare(BOOLEAN, false);
        if (!left.mayBeNull() && !right.mayBeNull()) {
            generator.assign(result, "!" + ComparisonGenerator.compare(generator, left, right, "=="));
            return result;
        }
        body.open("if (" + left.isNull() + " || " + right.isNull() + ")");
        generator.assign(result, left.isNull() + " != " + right.isNull());
        body.reopen("else");
        if (!left.isNull().equals("true") && !right.isNull().equals("true")) {
            generator.assign(result, "!" + ComparisonGenerator.compare(generator, ExpressionCodeGenerator.notNull(left), ExpressionCodeGenerator.notNull(right), "=="));
        }
        body.close();
        return result;
    }

    private static GeneratedValue nullIf(SpecialForm form, ExpressionCodeGenerator generator)
    {
        checkArguments(form, form.arguments().size() == 2);
        SourceWriter body = generator.body();
        GeneratedValue result = generator.declare(form.type(), true);
        GeneratedValue first = generator.generate(form.arguments().get(0));
        if (first.isNull().equals("true")) {
            return result;
        }
        if (first.mayBeNull()) {
            body.open("if (!" + first.isNull() + ")");
        }
        GeneratedValue present = ExpressionCodeGenerator.notNull(first);
        GeneratedValue value = generator.coerce(present, form.type());
        GeneratedValue second = generator.generate(form.arguments().get(1));
        if (second.isNull().equals("true")) {
            generator.assign(result, value);
        }
        else {
            // compare only when the second value is present: conversions for the comparison must not see a NULL
            if (second.mayBeNull()) {
                body.open("if (" + second.isNull() + ")");
                generator.assign(result, value);
                body.reopen("else");
            }
            String equal = ComparisonGenerator.compare(generator, present, ExpressionCodeGenerator.notNull(second), "==");
            body.open("if (!" + equal + ")");
            generator.assign(result, value);
            body.close();
            if (second.mayBeNull()) {
                body.close();
            }
        }
        if (first.mayBeNull()) {
            body.close();
        }
        return result;
    }

    /** GREATEST (operator ">") or LEAST ("<"): NULL arguments are skipped. */
    private static GeneratedValue extreme(SpecialForm form, ExpressionCodeGenerator generator, String operator)
    {
        checkArguments(form, !form.arguments().isEmpty());
        SourceWriter body = generator.body();
        Type type = form.type();
        GeneratedValue result = generator.declare(type, true);
        for (Expression argument : form.arguments()) {
            GeneratedValue value = generator.coerceOrCast(argument, type);
            if (value.isNull().equals("true")) {
                continue;
            }
            if (value.mayBeNull()) {
                body.open("if (!" + value.isNull() + ")");
            }
            GeneratedValue present = ExpressionCodeGenerator.notNull(value);
            GeneratedValue current = ExpressionCodeGenerator.notNull(result);
            body.open("if (" + result.isNull() + " || " + ComparisonGenerator.compare(generator, present, current, operator) + ")");
            generator.assign(result, present);
            body.close();
            if (value.mayBeNull()) {
                body.close();
            }
        }
        if (!Nullability.mayBeNull(form)) {
            return ExpressionCodeGenerator.notNull(result);
        }
        return result;
    }

    private static void checkArguments(SpecialForm form, boolean valid)
    {
        if (!valid) {
            throw new BasinException(DATATYPE_MISMATCH, "Wrong number of arguments for " + form.form() + ": " + form.arguments().size());
        }
    }
}
