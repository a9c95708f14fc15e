package io.basin.sql.optimizer;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Turns {@code [NOT] EXISTS (SELECT ... FROM t WHERE <correlated conjuncts>)} into a semi (anti)
 * join whose condition is the correlated conjuncts, before the general decorrelator runs.
 * <p>
 * Calcite removes such a sub-query as a correlate over a distinct "indicator" column (an inner one
 * for EXISTS; a left one whose indicator a filter above requires to be null for NOT EXISTS). The
 * general decorrelator then computes the distinct correlation values of the outer query and joins
 * them back, which evaluates the outer query once per sub-query (TPC-H q21 three times). A semi
 * join with a residual condition, like {@code l2.l_orderkey = l1.l_orderkey AND l2.l_suppkey <>
 * l1.l_suppkey}, evaluates it once and is what PostgreSQL and DuckDB run.
 * <p>
 * Only the plain shape is rewritten: the sub-query is filters (after projections the indicator
 * discards) over an input that uses no correlation variable, and its filters use only this
 * correlate's variable. Everything else is left to the decorrelator.
 */
public final class CorrelatedExistsToSemiJoins
{
    private CorrelatedExistsToSemiJoins() {}

    public static RelNode apply(RelNode rel)
    {
        return rewrite(rel, Set.of());
    }

    /**
     * @param nullRequired fields of {@code node}'s output that a filter above requires to be null
     * (a conjunct {@code IS NULL($i)}), passed down through correlates' left inputs, whose fields
     * keep their positions
     */
    private static RelNode rewrite(RelNode node, Set<Integer> nullRequired)
    {
        if (node instanceof Filter filter) {
            Set<Integer> required = new HashSet<>();
            for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
                if (conjunct.getKind() == SqlKind.IS_NULL && ((RexCall) conjunct).getOperands().getFirst() instanceof RexInputRef ref) {
                    required.add(ref.getIndex());
                }
            }
            RelNode input = rewrite(filter.getInput(), required);
            return input == filter.getInput() ? filter : filter.copy(filter.getTraitSet(), List.of(input));
        }
        if (node instanceof LogicalCorrelate correlate) {
            int leftFields = correlate.getLeft().getRowType().getFieldCount();
            Set<Integer> leftRequired = new HashSet<>();
            for (int field : nullRequired) {
                if (field < leftFields) {
                    leftRequired.add(field);
                }
            }
            RelNode left = rewrite(correlate.getLeft(), leftRequired);
            RelNode right = rewrite(correlate.getRight(), Set.of());
            boolean indicatorMustBeNull = nullRequired.contains(leftFields);
            Optional<RelNode> join = semiJoin(correlate, left, right, indicatorMustBeNull);
            if (join.isPresent()) {
                return join.get();
            }
            return left == correlate.getLeft() && right == correlate.getRight()
                    ? correlate
                    : correlate.copy(correlate.getTraitSet(), List.of(left, right));
        }
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : node.getInputs()) {
            RelNode rewritten = rewrite(input, Set.of());
            changed |= rewritten != input;
            inputs.add(rewritten);
        }
        return changed ? node.copy(node.getTraitSet(), inputs) : node;
    }

    private static Optional<RelNode> semiJoin(LogicalCorrelate correlate, RelNode left, RelNode right, boolean indicatorMustBeNull)
    {
        JoinRelType joinType;
        if (correlate.getJoinType() == JoinRelType.INNER) {
            joinType = JoinRelType.SEMI;
        }
        else if (correlate.getJoinType() == JoinRelType.LEFT && indicatorMustBeNull) {
            joinType = JoinRelType.ANTI;
        }
        else {
            return Optional.empty();
        }
        // the indicator: at most one row, of the single constant TRUE, when the sub-query has rows
        if (!(right instanceof Aggregate distinct) || !distinct.getAggCallList().isEmpty() || !distinct.getGroupSet().equals(ImmutableBitSet.of(0))
                || distinct.getGroupType() != Aggregate.Group.SIMPLE
                || !(distinct.getInput() instanceof Project indicator) || indicator.getProjects().size() != 1
                || !indicator.getProjects().getFirst().isAlwaysTrue()) {
            return Optional.empty();
        }
        RelNode input = indicator.getInput();
        CorrelationId id = correlate.getCorrelationId();
        // projections under the indicator are discarded by it; filters under them keep row types
        while (input instanceof Project project && RelOptUtil.getVariablesUsed(project).isEmpty()
                && project.getProjects().stream().allMatch(RexUtil::isDeterministic)) {
            input = project.getInput();
        }
        List<RexNode> correlated = new ArrayList<>();
        List<RexNode> uncorrelated = new ArrayList<>();
        while (input instanceof Filter filter) {
            for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
                Set<CorrelationId> used = correlationIds(conjunct);
                if (used.isEmpty()) {
                    uncorrelated.add(conjunct);
                }
                else if (used.equals(Set.of(id)) && RexUtil.isDeterministic(conjunct)) {
                    correlated.add(conjunct);
                }
                else {
                    return Optional.empty();
                }
            }
            input = filter.getInput();
        }
        if (correlated.isEmpty() || !RelOptUtil.getVariablesUsed(input).isEmpty() || hasCorrelate(input)) {
            return Optional.empty();
        }
        RexBuilder rexBuilder = correlate.getCluster().getRexBuilder();
        RelNode subquery = uncorrelated.isEmpty()
                ? input
                : LogicalFilter.create(input, RexUtil.composeConjunction(rexBuilder, uncorrelated));
        int leftFields = left.getRowType().getFieldCount();
        RexShuttle toJoinFields = new RexShuttle()
        {
            @Override
            public RexNode visitInputRef(RexInputRef ref)
            {
                return new RexInputRef(ref.getIndex() + leftFields, ref.getType());
            }

            @Override
            public RexNode visitFieldAccess(RexFieldAccess access)
            {
                if (access.getReferenceExpr() instanceof RexCorrelVariable variable && variable.id.equals(id)) {
                    RelDataTypeField field = left.getRowType().getFieldList().get(access.getField().getIndex());
                    return new RexInputRef(field.getIndex(), field.getType());
                }
                return super.visitFieldAccess(access);
            }
        };
        RexNode condition = RexUtil.composeConjunction(rexBuilder, correlated.stream().map(conjunct -> conjunct.accept(toJoinFields)).toList());
        RelNode join = LogicalJoin.create(left, subquery, List.of(), condition, Set.of(), joinType);

        // the correlate's output: the left fields and the indicator, TRUE (semi) or NULL (anti)
        RelDataTypeField indicatorField = correlate.getRowType().getFieldList().get(leftFields);
        List<RexNode> projects = new ArrayList<>();
        for (RelDataTypeField field : left.getRowType().getFieldList()) {
            projects.add(new RexInputRef(field.getIndex(), field.getType()));
        }
        projects.add(joinType == JoinRelType.SEMI
                ? rexBuilder.makeLiteral(true, indicatorField.getType())
                : rexBuilder.makeNullLiteral(indicatorField.getType()));
        return Optional.of(LogicalProject.create(join, List.of(), projects, correlate.getRowType(), Set.of()));
    }

    private static Set<CorrelationId> correlationIds(RexNode node)
    {
        Set<CorrelationId> ids = new HashSet<>();
        node.accept(new RexVisitorImpl<Void>(true)
        {
            @Override
            public Void visitCorrelVariable(RexCorrelVariable variable)
            {
                ids.add(variable.id);
                return null;
            }
        });
        return ids;
    }

    private static boolean hasCorrelate(RelNode node)
    {
        requireNonNull(node, "node is null");
        if (node instanceof LogicalCorrelate) {
            return true;
        }
        return node.getInputs().stream().anyMatch(CorrelatedExistsToSemiJoins::hasCorrelate);
    }
}
