package io.basin.sql.planner;

import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimestampType;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Replaces constant subexpressions of filter and join conditions ({@code DATE '1998-12-01' -
 * INTERVAL '90' DAY}) by literals, computed with Basin's own functions, exactly as Basin would
 * fold them when executing. Done before federated placement, so that a condition over a remote
 * source compares with a plain literal the source understands alike, instead of asking the source
 * to evaluate date arithmetic by its own rules.
 */
public final class ConstantConditions
{
    private final RexBuilder rexBuilder;
    private final RexTranslator translator;

    public ConstantConditions(RexBuilder rexBuilder, ConstantFolder constantFolder)
    {
        this.rexBuilder = requireNonNull(rexBuilder, "rexBuilder is null");
        this.translator = new RexTranslator(rexBuilder, requireNonNull(constantFolder, "constantFolder is null"));
    }

    public RelNode fold(RelNode rel)
    {
        RexShuttle folding = new RexShuttle()
        {
            @Override
            public RexNode visitCall(RexCall call)
            {
                if (RexUtil.isConstant(call) && RexUtil.isDeterministic(call)) {
                    Optional<RexNode> literal = literal(call);
                    if (literal.isPresent()) {
                        return literal.get();
                    }
                }
                return super.visitCall(call);
            }
        };
        return rel.accept(new RelShuttleImpl()
        {
            @Override
            public RelNode visit(LogicalFilter filter)
            {
                RelNode visited = super.visit(filter);
                return visited.accept(folding);
            }

            @Override
            public RelNode visit(LogicalJoin join)
            {
                RelNode visited = super.visit(join);
                return visited.accept(folding);
            }
        });
    }

    private Optional<RexNode> literal(RexCall call)
    {
        Expression expression;
        try {
            expression = translator.translate(call);
        }
        catch (RuntimeException e) {
            // not translatable here; left as it is, for the rest of planning to handle
            return Optional.empty();
        }
        if (!(expression instanceof Constant constant)) {
            return Optional.empty();
        }
        if (constant.value() == null) {
            return Optional.of(rexBuilder.makeNullLiteral(call.getType()));
        }
        Object value = constant.value();
        return switch (constant.type()) {
            case BooleanType _ -> Optional.of(rexBuilder.makeLiteral((Boolean) value));
            case SmallintType _, IntegerType _, BigintType _ -> Optional.of(rexBuilder.makeExactLiteral(BigDecimal.valueOf((Long) value), call.getType()));
            case DecimalType decimal when decimal.isShort() -> Optional.of(rexBuilder.makeExactLiteral(BigDecimal.valueOf((Long) value, decimal.getScale()), call.getType()));
            case DecimalType decimal -> Optional.of(rexBuilder.makeExactLiteral(new BigDecimal(((Int128) value).toBigInteger(), decimal.getScale()), call.getType()));
            case DateType _ -> Optional.of(rexBuilder.makeDateLiteral(DateString.fromDaysSinceEpoch(Math.toIntExact((Long) value))));
            case TimestampType _ -> {
                long micros = (Long) value;
                LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
                TimestampString timestamp = new TimestampString(time.getYear(), time.getMonthValue(), time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond())
                        .withNanos(time.getNano());
                yield Optional.of(rexBuilder.makeTimestampLiteral(timestamp, call.getType().getPrecision()));
            }
            default -> Optional.empty();
        };
    }
}
