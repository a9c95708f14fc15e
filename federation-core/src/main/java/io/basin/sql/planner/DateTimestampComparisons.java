package io.basin.sql.planner;

import io.basin.plan.expr.Call;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.InputReference;
import io.basin.plan.expr.SpecialForm;
import io.trino.spi.type.DateType;
import io.trino.spi.type.TimestampType;

import java.util.List;
import java.util.Optional;

/**
 * Rewrites {@code CAST(d AS timestamp) <op> t}, where {@code d} is a date and {@code t} a
 * constant timestamp, into the equivalent comparison of dates {@code d <op'> date}. SQL types
 * {@code date + interval} as a timestamp (as PostgreSQL does), so every range written as TPC-H
 * writes it ({@code l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY},
 * {@code o_orderdate < DATE '1995-01-01' + INTERVAL '3' MONTH}) compares that way. Rewritten when
 * the expression is translated, a filter compares plain days wherever it runs, and a scan can use
 * it as a range of the column (zone maps, row-group statistics, the lake's workers, aggregation
 * pushdown), which it cannot through the cast.
 *
 * <p>With {@code t0} the day on which {@code t} falls: a date {@code d} is the timestamp of its
 * midnight, so {@code d <= t} is {@code d <= t0} and {@code d > t} is {@code d > t0} always, while
 * {@code d < t} is {@code d < t0} and {@code d >= t} is {@code d >= t0} only when {@code t} is at
 * midnight (otherwise {@code d <= t0} and {@code d > t0}). Equality and inequality are rewritten
 * only at midnight (otherwise they are constant for non-null dates, which a comparison of dates
 * cannot say while keeping NULL). Every rewrite keeps NULL for a NULL date, so it is exact at any
 * depth of an expression, not only in a filter's conjuncts.
 */
final class DateTimestampComparisons
{
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private DateTimestampComparisons() {}

    /**
     * The comparison of dates equivalent to {@code expression}, or {@code expression} itself when
     * it is not such a comparison. A column-free timestamp side that is not a literal (one naming
     * {@code CURRENT_TIMESTAMP}) is computed with {@code folder}.
     */
    static Expression rewrite(Expression expression, ConstantFolder folder)
    {
        return expression instanceof Call call ? comparison(call, folder).orElse(expression) : expression;
    }

    private static Optional<Expression> comparison(Call call, ConstantFolder folder)
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
        Optional<Long> micros = timestampConstant(right, folder);
        if (micros.isEmpty()) {
            return Optional.empty();
        }
        long day = Math.floorDiv(micros.get(), MICROS_PER_DAY);
        boolean midnight = Math.floorMod(micros.get(), MICROS_PER_DAY) == 0;
        String dateOperator = switch (operator) {
            case FunctionNames.LESS_THAN_OR_EQUAL, FunctionNames.GREATER_THAN -> operator;
            case FunctionNames.LESS_THAN -> midnight ? operator : FunctionNames.LESS_THAN_OR_EQUAL;
            case FunctionNames.GREATER_THAN_OR_EQUAL -> midnight ? operator : FunctionNames.GREATER_THAN;
            case FunctionNames.EQUAL, FunctionNames.NOT_EQUAL -> midnight ? operator : null;
            default -> null;
        };
        // dates are days in an int
        if (dateOperator == null || day != (int) day) {
            return Optional.empty();
        }
        return Optional.of(new Call(dateOperator, List.of(date.get(), new Constant(day, DateType.DATE)), call.type()));
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

    /** The microseconds of a column-free, non-null timestamp expression; empty when it cannot be computed (an overflow raises it at run time). */
    private static Optional<Long> timestampConstant(Expression expression, ConstantFolder folder)
    {
        if (references(expression)) {
            return Optional.empty();
        }
        Object value = expression instanceof Constant constant ? constant.value() : folder.fold(expression).map(Constant::value).orElse(null);
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
