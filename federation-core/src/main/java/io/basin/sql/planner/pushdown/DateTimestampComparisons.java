package io.basin.sql.planner.pushdown;

import io.basin.plan.expr.Call;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.InputReference;
import io.basin.plan.expr.SpecialForm;
import io.trino.spi.type.DateType;
import io.trino.spi.type.TimestampType;

import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Rewrites {@code CAST(d AS timestamp) <op> t}, where {@code d} is a date and {@code t} a
 * constant timestamp, into the equivalent comparison of dates {@code d <op'> date}, so that a
 * filter such as TPC-H q1's {@code l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY} (which
 * the validator types as a timestamp comparison) compares the column itself and reaches the
 * scan's connector for pruning.
 *
 * <p>With {@code t0} the day on which {@code t} falls: a date {@code d} is the timestamp of its
 * midnight, so {@code d <= t} is {@code d <= t0} and {@code d > t} is {@code d > t0} always, while
 * {@code d < t} is {@code d < t0} and {@code d >= t} is {@code d >= t0} only when {@code t} is at
 * midnight (otherwise {@code d <= t0} and {@code d > t0}). Equality and inequality are rewritten
 * only at midnight (otherwise they are constant for non-null dates, which a comparison of dates
 * cannot say while keeping NULL). Every rewrite keeps NULL for a NULL date, so it is exact at any
 * depth of an expression, not only in a filter's conjuncts.
 */
public final class DateTimestampComparisons
{
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final Function<Expression, Object> constantEvaluator;

    /** {@code constantEvaluator} computes a column-free expression (it may throw for one that fails). */
    public DateTimestampComparisons(Function<Expression, Object> constantEvaluator)
    {
        this.constantEvaluator = requireNonNull(constantEvaluator, "constantEvaluator is null");
    }

    public Expression rewrite(Expression expression)
    {
        return switch (expression) {
            case Call call -> {
                Call rewritten = new Call(call.name(), call.arguments().stream().map(this::rewrite).toList(), call.type());
                yield comparison(rewritten).orElse(rewritten);
            }
            case SpecialForm form -> new SpecialForm(form.form(), form.arguments().stream().map(this::rewrite).toList(), form.type());
            default -> expression;
        };
    }

    private Optional<Expression> comparison(Call call)
    {
        if (call.arguments().size() != 2) {
            return Optional.empty();
        }
        String operator = call.name();
        Expression left = call.arguments().get(0);
        Expression right = call.arguments().get(1);
        if (dateAsTimestamp(left).isEmpty() && dateAsTimestamp(right).isPresent()) {
            left = call.arguments().get(1);
            right = call.arguments().get(0);
            operator = flip(operator);
        }
        Optional<Expression> date = dateAsTimestamp(left);
        if (operator == null || date.isEmpty() || !right.type().equals(left.type())) {
            return Optional.empty();
        }
        Optional<Long> micros = timestampConstant(right);
        if (micros.isEmpty()) {
            return Optional.empty();
        }
        long day = Math.floorDiv(micros.get(), MICROS_PER_DAY);
        boolean midnight = Math.floorMod(micros.get(), MICROS_PER_DAY) == 0;
        record Rewritten(String operator, long day) {}
        Rewritten rewritten = switch (operator) {
            case FunctionNames.LESS_THAN_OR_EQUAL -> new Rewritten(operator, day);
            case FunctionNames.GREATER_THAN -> new Rewritten(operator, day);
            case FunctionNames.LESS_THAN -> midnight ? new Rewritten(operator, day) : new Rewritten(FunctionNames.LESS_THAN_OR_EQUAL, day);
            case FunctionNames.GREATER_THAN_OR_EQUAL -> midnight ? new Rewritten(operator, day) : new Rewritten(FunctionNames.GREATER_THAN, day);
            case FunctionNames.EQUAL, FunctionNames.NOT_EQUAL -> midnight ? new Rewritten(operator, day) : null;
            default -> null;
        };
        // dates are days in an int
        if (rewritten == null || rewritten.day() != (int) rewritten.day()) {
            return Optional.empty();
        }
        return Optional.of(new Call(rewritten.operator(), java.util.List.of(date.get(), new Constant(rewritten.day(), DateType.DATE)), call.type()));
    }

    /** The date {@code x} of {@code CAST(x AS timestamp(p))}, p at most 6 (microseconds in a long). */
    private static Optional<Expression> dateAsTimestamp(Expression expression)
    {
        if (expression instanceof Call cast && cast.name().equals(FunctionNames.CAST) && cast.arguments().size() == 1
                && cast.type() instanceof TimestampType timestamp && timestamp.isShort()
                && cast.arguments().getFirst().type() instanceof DateType) {
            return Optional.of(cast.arguments().getFirst());
        }
        return Optional.empty();
    }

    /** The microseconds of a column-free, non-null timestamp expression. */
    private Optional<Long> timestampConstant(Expression expression)
    {
        if (references(expression)) {
            return Optional.empty();
        }
        Object value;
        if (expression instanceof Constant constant) {
            value = constant.value();
        }
        else {
            try {
                value = constantEvaluator.apply(expression);
            }
            catch (RuntimeException e) {
                // e.g. an overflow: the comparison stays as written and reports it when it runs
                return Optional.empty();
            }
        }
        return value instanceof Long micros ? Optional.of(micros) : Optional.empty();
    }

    private static String flip(String operator)
    {
        return switch (operator) {
            case FunctionNames.EQUAL, FunctionNames.NOT_EQUAL -> operator;
            case FunctionNames.LESS_THAN -> FunctionNames.GREATER_THAN;
            case FunctionNames.LESS_THAN_OR_EQUAL -> FunctionNames.GREATER_THAN_OR_EQUAL;
            case FunctionNames.GREATER_THAN -> FunctionNames.LESS_THAN;
            case FunctionNames.GREATER_THAN_OR_EQUAL -> FunctionNames.LESS_THAN_OR_EQUAL;
            default -> null;
        };
    }

    private static boolean references(Expression expression)
    {
        return switch (expression) {
            case InputReference _ -> true;
            case Constant _ -> false;
            case Call call -> call.arguments().stream().anyMatch(DateTimestampComparisons::references);
            case SpecialForm form -> form.arguments().stream().anyMatch(DateTimestampComparisons::references);
        };
    }
}
