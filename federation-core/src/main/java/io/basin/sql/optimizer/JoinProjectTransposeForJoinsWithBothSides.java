package io.basin.sql.optimizer;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.JoinProjectTransposeRule;

/**
 * Calcite's rule that pulls projections up through a join, kept off semi and anti joins: their
 * output has the left side's columns only, and the rule builds the row type of both sides
 * (an array index failure, or an assertion with assertions on, for a correlated EXISTS whose
 * condition computes on both sides, e.g. {@code b.i % 2 = a.i % 2 AND b.i <> a.i}).
 */
final class JoinProjectTransposeForJoinsWithBothSides
        extends JoinProjectTransposeRule
{
    static final JoinProjectTransposeForJoinsWithBothSides INSTANCE = new JoinProjectTransposeForJoinsWithBothSides();

    private JoinProjectTransposeForJoinsWithBothSides()
    {
        super(CoreRules.JOIN_PROJECT_BOTH_TRANSPOSE_INCLUDE_OUTER.config);
    }

    @Override
    public boolean matches(RelOptRuleCall call)
    {
        Join join = call.rel(0);
        return join.getJoinType().projectsRight() && super.matches(call);
    }
}
