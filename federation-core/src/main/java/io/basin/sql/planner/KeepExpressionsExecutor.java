package io.basin.sql.planner;

import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;

import java.util.List;

/**
 * Hands constant expressions back unevaluated whenever Calcite's simplifier asks for them to be
 * reduced. Calcite's own evaluator has other semantics than Basin's (it holds a timestamp in
 * milliseconds, so {@code CAST('… 10:00:00.123456' AS timestamp)} lost its microseconds); Basin
 * folds constants itself, with its own functions, when it translates the plan ({@link ConstantFolder}).
 */
final class KeepExpressionsExecutor
        implements RexExecutor
{
    static final KeepExpressionsExecutor INSTANCE = new KeepExpressionsExecutor();

    private KeepExpressionsExecutor() {}

    @Override
    public void reduce(RexBuilder rexBuilder, List<RexNode> constantExpressions, List<RexNode> reducedValues)
    {
        reducedValues.addAll(constantExpressions);
    }
}
