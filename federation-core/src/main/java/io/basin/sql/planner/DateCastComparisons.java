package io.basin.sql.planner;

import io.basin.plan.expr.Call;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.trino.spi.type.DateType;
import io.trino.spi.type.TimestampType;

import java.util.Map;
import java.util.Optional;

import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;

/**
 * Rewrites a comparison of a date widened to a timestamp with a timestamp literal into the same
 * comparison of the date itself with a date literal: {@code CAST(l_shipdate AS timestamp) <
 * TIMESTAMP '1995-01-01 00:00:00'} becomes {@code l_shipdate < DATE '1995-01-01'}. SQL types
 * {@code date + interval} as a timestamp (as PostgreSQL does), so every range written as
 * {@code d < DATE 'x' + INTERVAL '1' MONTH} compares that way. Rewritten, the filter compares plain
 * days, and a scan can use it as a range of the column (zone maps, row-group statistics, pushdown
 * to the lake and remote sources), which it cannot do through the cast.
 *
 * <p>A timestamp that is not a midnight lies strictly between two days, which decides the
 * operator: {@code CAST(d) < 12:00 on day x} holds for {@code d <= x}. Equality with such a
 * timestamp is never true but is left as it is (it is NULL for a NULL date, which a rewrite to
 * FALSE would change).
 */
final class DateCastComparisons
{
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private static final Map<String, String> FLIPPED = Map.of(
            FunctionNames.LESS_THAN, FunctionNames.GREATER_THAN,
            FunctionNames.LESS_THAN_OR_EQUAL, FunctionNames.GREATER_THAN_OR_EQUAL,
            FunctionNames.GREATER_THAN, FunctionNames.LESS_THAN,
            FunctionNames.GREATER_THAN_OR_EQUAL, FunctionNames.LESS_THAN_OR_EQUAL,
            FunctionNames.EQUAL, FunctionNames.EQUAL,
            FunctionNames.NOT_EQUAL, FunctionNames.NOT_EQUAL);

    private DateCastComparisons() {}

    /** The comparison over the date, or {@code expression} unchanged when it is not such a comparison. */
    static Expression unwrap(Expression expression)
    {
        if (!(expression instanceof Call call) || !FLIPPED.containsKey(call.name()) || call.arguments().size() != 2) {
            return expression;
        }
        Expression left = call.arguments().get(0);
        Expression right = call.arguments().get(1);
        Optional<Expression> rewritten = rewrite(call.name(), left, right);
        if (rewritten.isEmpty()) {
            // the literal on the left: TIMESTAMP 'x' < CAST(d) is CAST(d) > TIMESTAMP 'x'
            rewritten = rewrite(FLIPPED.get(call.name()), right, left);
        }
        return rewritten.orElse(expression);
    }

    private static Optional<Expression> rewrite(String operator, Expression castSide, Expression literalSide)
    {
        if (!(castSide instanceof Call cast) || !cast.name().equals(FunctionNames.CAST) || cast.arguments().size() != 1
                || !(cast.type() instanceof TimestampType timestampType) || !timestampType.isShort()
                || !(cast.arguments().getFirst().type() instanceof DateType)
                || !(literalSide instanceof Constant literal) || !(literal.type() instanceof TimestampType) || !(literal.value() instanceof Long micros)) {
            return Optional.empty();
        }
        Expression date = cast.arguments().getFirst();
        long day = Math.floorDiv(micros, MICROS_PER_DAY);
        boolean midnight = Math.floorMod(micros, MICROS_PER_DAY) == 0;
        String dateOperator = switch (operator) {
            // d at midnight < x: before day x when x is a midnight, else on or before it
            case FunctionNames.LESS_THAN -> midnight ? FunctionNames.LESS_THAN : FunctionNames.LESS_THAN_OR_EQUAL;
            case FunctionNames.LESS_THAN_OR_EQUAL -> FunctionNames.LESS_THAN_OR_EQUAL;
            case FunctionNames.GREATER_THAN -> FunctionNames.GREATER_THAN;
            case FunctionNames.GREATER_THAN_OR_EQUAL -> midnight ? FunctionNames.GREATER_THAN_OR_EQUAL : FunctionNames.GREATER_THAN;
            case FunctionNames.EQUAL, FunctionNames.NOT_EQUAL -> midnight ? operator : null;
            default -> null;
        };
        if (dateOperator == null) {
            return Optional.empty();
        }
        return Optional.of(new Call(dateOperator, BOOLEAN, date, new Constant(day, DATE)));
    }
}
