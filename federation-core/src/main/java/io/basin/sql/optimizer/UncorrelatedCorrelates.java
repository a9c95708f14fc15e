package io.basin.sql.optimizer;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalJoin;

import java.util.List;
import java.util.Set;

/**
 * Turns a correlate whose right side no longer uses the correlation (pruning removed the filter
 * that did) into a plain join: the decorrelator leaves such correlates alone.
 */
public final class UncorrelatedCorrelates
        extends RelShuttleImpl
{
    private UncorrelatedCorrelates() {}

    public static RelNode apply(RelNode rel)
    {
        return rel.accept(new UncorrelatedCorrelates());
    }

    @Override
    public RelNode visit(LogicalCorrelate correlate)
    {
        RelNode visited = super.visit(correlate);
        if (visited instanceof LogicalCorrelate rewritten && !uses(rewritten)) {
            return LogicalJoin.create(rewritten.getLeft(), rewritten.getRight(), List.of(),
                    rewritten.getCluster().getRexBuilder().makeLiteral(true), Set.of(), rewritten.getJoinType());
        }
        return visited;
    }

    private static boolean uses(Correlate correlate)
    {
        return !RelOptUtil.correlationColumns(correlate.getCorrelationId(), correlate.getRight()).isEmpty()
                || RelOptUtil.getVariablesUsed(correlate.getRight()).contains(correlate.getCorrelationId());
    }
}
