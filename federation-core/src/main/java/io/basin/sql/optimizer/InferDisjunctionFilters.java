package io.basin.sql.optimizer;

import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives single-table filters implied by a disjunction over a join: from
 * {@code (n1 = 'FRANCE' AND n2 = 'GERMANY') OR (n1 = 'GERMANY' AND n2 = 'FRANCE')} it adds
 * {@code n1 IN ('FRANCE', 'GERMANY')} and the same for n2. The derived conjuncts are added next to
 * the original condition (which stays, so the meaning is unchanged); the usual rules then push
 * them into the scans, instead of joining whole tables before filtering (TPC-H q7, q19).
 */
public final class InferDisjunctionFilters
        extends RelShuttleImpl
{
    private final RexBuilder rexBuilder;
    // the planner's executor: Basin's, which leaves constants to Basin's own folding (Calcite's
    // would fold CAST('... 10:00:00.123456' AS timestamp) to milliseconds)
    private final RexSimplify simplify;

    public InferDisjunctionFilters(RexBuilder rexBuilder, RexExecutor executor)
    {
        this.rexBuilder = rexBuilder;
        this.simplify = new RexSimplify(rexBuilder, RelOptPredicateList.EMPTY, executor);
    }

    public static RelNode apply(RelNode rel)
    {
        return rel.accept(new InferDisjunctionFilters(rel.getCluster().getRexBuilder(), rel.getCluster().getPlanner().getExecutor()));
    }

    @Override
    public RelNode visit(LogicalFilter filter)
    {
        LogicalFilter visited = (LogicalFilter) super.visit(filter);
        List<ImmutableBitSet> leaves = new ArrayList<>();
        collectInnerJoinLeaves(visited.getInput(), 0, leaves);
        if (leaves.size() < 2) {
            return visited;
        }
        List<RexNode> conjuncts = RelOptUtil.conjunctions(visited.getCondition());
        List<RexNode> derived = new ArrayList<>();
        for (RexNode conjunct : conjuncts) {
            List<RexNode> disjuncts = RelOptUtil.disjunctions(conjunct);
            if (disjuncts.size() < 2) {
                continue;
            }
            for (ImmutableBitSet leaf : leaves) {
                deriveForLeaf(disjuncts, leaf).ifPresent(derived::add);
            }
            derived.addAll(deriveForColumns(disjuncts));
        }
        derived.removeIf(conjuncts::contains);
        List<RexNode> distinct = derived.stream().distinct().toList();
        derived.clear();
        derived.addAll(distinct);
        if (derived.isEmpty()) {
            return visited;
        }
        // the derived conjuncts first: they are cheap and drop most rows before the disjunction runs
        List<RexNode> all = new ArrayList<>(derived);
        all.addAll(conjuncts);
        return visited.copy(visited.getTraitSet(), visited.getInput(), RexUtil.composeConjunction(rexBuilder, all));
    }

    /** OR over the disjuncts of the AND of each disjunct's conjuncts that read only this leaf. */
    private java.util.Optional<RexNode> deriveForLeaf(List<RexNode> disjuncts, ImmutableBitSet leaf)
    {
        List<RexNode> perDisjunct = new ArrayList<>();
        for (RexNode disjunct : disjuncts) {
            List<RexNode> local = new ArrayList<>();
            for (RexNode conjunct : RelOptUtil.conjunctions(disjunct)) {
                ImmutableBitSet fields = RelOptUtil.InputFinder.bits(conjunct);
                if (!fields.isEmpty() && leaf.contains(fields) && RexUtil.isDeterministic(conjunct)) {
                    local.add(conjunct);
                }
            }
            if (local.isEmpty()) {
                // this disjunct does not restrict the leaf: nothing can be derived
                return java.util.Optional.empty();
            }
            perDisjunct.add(RexUtil.composeConjunction(rexBuilder, local));
        }
        // conjuncts every disjunct shares become conjuncts of their own (q19: l_shipmode IN (..) AND
        // l_shipinstruct = '..' AND (quantity ranges)), so scans can prune and filter on them alone
        return java.util.Optional.of(RexUtil.pullFactors(rexBuilder, RexUtil.composeDisjunction(rexBuilder, perDisjunct)));
    }

    /**
     * For each column that every disjunct restricts on its own, the union of those restrictions:
     * from q19's {@code (brand = 'Brand#12' AND size BETWEEN 1 AND 5 AND ...) OR (brand =
     * 'Brand#23' AND size BETWEEN 1 AND 10 AND ...) OR ...} it derives {@code brand IN (three
     * brands)} and {@code size BETWEEN 1 AND 15}. A row that satisfies a disjunct satisfies its
     * restriction of the column, so the disjunction implies their union. A scan can filter on these
     * alone (and the lake's workers can) before the disjunction is tested on the few rows left.
     */
    private List<RexNode> deriveForColumns(List<RexNode> disjuncts)
    {
        List<RexNode> derived = new ArrayList<>();
        Map<Integer, List<RexNode>> firstRestrictions = singleColumnConjuncts(disjuncts.getFirst());
        for (Map.Entry<Integer, List<RexNode>> column : firstRestrictions.entrySet()) {
            List<RexNode> perDisjunct = new ArrayList<>();
            for (RexNode disjunct : disjuncts) {
                List<RexNode> restrictions = singleColumnConjuncts(disjunct).get(column.getKey());
                if (restrictions == null) {
                    break;
                }
                perDisjunct.add(RexUtil.composeConjunction(rexBuilder, restrictions));
            }
            if (perDisjunct.size() == disjuncts.size()) {
                // OR(size BETWEEN 1 AND 5, size BETWEEN 1 AND 10) simplifies to one range, equalities to one IN
                RexNode union = simplify.simplifyUnknownAsFalse(RexUtil.composeDisjunction(rexBuilder, perDisjunct));
                if (!union.isAlwaysTrue()) {
                    derived.add(union);
                }
            }
        }
        return derived;
    }

    /** A disjunct's deterministic conjuncts that read exactly one column, by that column. */
    private static Map<Integer, List<RexNode>> singleColumnConjuncts(RexNode disjunct)
    {
        Map<Integer, List<RexNode>> byColumn = new LinkedHashMap<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(disjunct)) {
            ImmutableBitSet fields = RelOptUtil.InputFinder.bits(conjunct);
            if (fields.cardinality() == 1 && RexUtil.isDeterministic(conjunct)) {
                byColumn.computeIfAbsent(fields.nth(0), _ -> new ArrayList<>()).add(conjunct);
            }
        }
        return byColumn;
    }

    /** The field ranges of the inputs of a tree of inner joins (the filter's row is their concatenation). */
    private static void collectInnerJoinLeaves(RelNode node, int offset, List<ImmutableBitSet> leaves)
    {
        RelNode current = node.stripped();
        if (current instanceof Join join && join.getJoinType() == JoinRelType.INNER) {
            collectInnerJoinLeaves(join.getLeft(), offset, leaves);
            collectInnerJoinLeaves(join.getRight(), offset + join.getLeft().getRowType().getFieldCount(), leaves);
            return;
        }
        leaves.add(ImmutableBitSet.range(offset, offset + current.getRowType().getFieldCount()));
    }
}
