package io.basin.sql.optimizer;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;

import java.util.List;
import java.util.function.Predicate;

/**
 * Basin's logical optimization, as named rule phases run by Calcite's Hep planner (rule passes
 * only: the Volcano planner costs seconds per query, far over a short query's budget).
 *
 * <p>Calcite's expression reduction rules are not used: Basin folds constants itself with its own
 * function semantics (see {@code ConstantFolder}).
 *
 * <p>Ordering constraints: subqueries must be removed before decorrelation (done by the caller
 * between {@link #SUBQUERY_REMOVAL} and {@link #SIMPLIFY}); predicates must be pushed into joins
 * before the joins are flattened for reordering ({@link #JOIN_ORDER}); windows are split out of
 * projections last so earlier projection merges do not re-embed them.
 */
public final class OptimizerProgram
{
    public static final List<RelOptRule> SUBQUERY_REMOVAL = List.of(
            CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
            CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
            CoreRules.JOIN_SUB_QUERY_TO_CORRELATE);

    /** Removes what an empty input makes empty (joins, filters, projections, unions over empty values). */
    public static final List<RelOptRule> PRUNE_EMPTY = List.of(
            org.apache.calcite.rel.rules.PruneEmptyRules.PROJECT_INSTANCE,
            org.apache.calcite.rel.rules.PruneEmptyRules.FILTER_INSTANCE,
            org.apache.calcite.rel.rules.PruneEmptyRules.SORT_INSTANCE,
            org.apache.calcite.rel.rules.PruneEmptyRules.AGGREGATE_INSTANCE,
            org.apache.calcite.rel.rules.PruneEmptyRules.JOIN_LEFT_INSTANCE,
            org.apache.calcite.rel.rules.PruneEmptyRules.JOIN_RIGHT_INSTANCE,
            org.apache.calcite.rel.rules.PruneEmptyRules.CORRELATE_LEFT_INSTANCE,
            org.apache.calcite.rel.rules.PruneEmptyRules.CORRELATE_RIGHT_INSTANCE,
            org.apache.calcite.rel.rules.PruneEmptyRules.UNION_INSTANCE,
            org.apache.calcite.rel.rules.PruneEmptyRules.INTERSECT_INSTANCE,
            org.apache.calcite.rel.rules.PruneEmptyRules.MINUS_INSTANCE);

    public static final List<RelOptRule> SIMPLIFY = List.of(
            CoreRules.FILTER_MERGE,
            CoreRules.PROJECT_MERGE,
            CoreRules.PROJECT_REMOVE,
            CoreRules.FILTER_INTO_JOIN,
            CoreRules.JOIN_CONDITION_PUSH,
            CoreRules.FILTER_PROJECT_TRANSPOSE,
            CoreRules.FILTER_AGGREGATE_TRANSPOSE,
            CoreRules.FILTER_SET_OP_TRANSPOSE,
            CoreRules.FILTER_CORRELATE,
            CoreRules.AGGREGATE_PROJECT_MERGE,
            CoreRules.AGGREGATE_REMOVE,
            CoreRules.UNION_MERGE,
            CoreRules.INTERSECT_MERGE,
            CoreRules.MINUS_MERGE,
            CoreRules.PROJECT_TO_SEMI_JOIN,
            CoreRules.JOIN_TO_SEMI_JOIN,
            // no SEMI_JOIN_FILTER_TRANSPOSE: it moves a semi join under a filter that
            // FILTER_INTO_JOIN moves back under the join, forever (until the match limit); and a
            // filter is cheaper before a semi join than after
            CoreRules.SEMI_JOIN_PROJECT_TRANSPOSE);

    /**
     * Expressions in join conditions become projected columns, so joins get plain column keys.
     * A phase of its own: together with the projection rules of SIMPLIFY it moves an expression
     * (s.v * 60) into a projection and back, forever.
     */
    public static final List<RelOptRule> JOIN_EXPRESSIONS = List.of(
            CoreRules.JOIN_PUSH_EXPRESSIONS);

    public static final List<RelOptRule> DISTINCT_AGGREGATES = List.of(
            CoreRules.AGGREGATE_EXPAND_DISTINCT_AGGREGATES,
            CoreRules.AGGREGATE_PROJECT_MERGE,
            CoreRules.PROJECT_MERGE);

    public static final List<RelOptRule> JOIN_ORDER_PREPARE = List.of(
            JoinProjectTransposeForJoinsWithBothSides.INSTANCE,
            CoreRules.PROJECT_MERGE,
            CoreRules.FILTER_INTO_JOIN);

    public static final List<RelOptRule> JOIN_ORDER = List.of(
            CoreRules.JOIN_TO_MULTI_JOIN,
            CoreRules.PROJECT_MULTI_JOIN_MERGE,
            CoreRules.FILTER_MULTI_JOIN_MERGE);

    public static final List<RelOptRule> JOIN_ORDER_OPTIMIZE = List.of(
            CoreRules.MULTI_JOIN_OPTIMIZE);

    /**
     * Pushes below a join only the columns a projection reads, not its expressions: computed below,
     * an expression runs on every row the join is offered, most of which a selective join drops
     * (TPC-H q11 multiplied 800,000 partsupp rows to keep 4% of them); above, only on joined rows.
     */
    private static final RelOptRule PROJECT_COLUMNS_JOIN_TRANSPOSE = org.apache.calcite.rel.rules.ProjectJoinTransposeRule.Config.DEFAULT
            .withPreserveExprCondition(expression -> false)
            .toRule();

    // no JOIN_PUSH_EXPRESSIONS here: with PROJECT_JOIN_TRANSPOSE it moves an expression of a join
    // condition (s.v * 60) into a projection and back, forever
    public static final List<RelOptRule> CLEANUP = List.of(
            CoreRules.FILTER_PROJECT_TRANSPOSE,
            CoreRules.FILTER_INTO_JOIN,
            CoreRules.JOIN_CONDITION_PUSH,
            PROJECT_COLUMNS_JOIN_TRANSPOSE,
            CoreRules.PROJECT_MERGE,
            CoreRules.PROJECT_REMOVE,
            CoreRules.FILTER_MERGE);

    public static final List<RelOptRule> WINDOWS = List.of(
            CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW,
            CoreRules.PROJECT_WINDOW_TRANSPOSE);

    private OptimizerProgram() {}

    /**
     * Bounds the rule applications of one phase: some rule pairs can undo each other on unusual
     * plans, and a bounded phase still leaves a correct (if less optimized) plan.
     */
    private static final int MATCH_LIMIT = 5_000;

    /** Some filter, projection or join holds a subquery: what {@link #SUBQUERY_REMOVAL} rewrites. */
    public static final Predicate<RelNode> HAS_SUB_QUERY = node -> node instanceof Filter filter && RexUtil.SubQueryFinder.containsSubQuery(filter)
            || node instanceof Project project && RexUtil.SubQueryFinder.containsSubQuery(project)
            || node instanceof Join join && RexUtil.SubQueryFinder.containsSubQuery(join);

    /** Some input is a VALUES without rows: what {@link #PRUNE_EMPTY} starts from. */
    public static final Predicate<RelNode> HAS_EMPTY_VALUES = node -> node instanceof Values values && values.getTuples().isEmpty();

    /** Some projection holds a window function, or a window exists: what {@link #WINDOWS} rewrites. */
    public static final Predicate<RelNode> HAS_WINDOW = node -> node instanceof Window
            || node instanceof Project project && RexOver.containsOver(project.getProjects(), null);

    /** Some join (or a multi-join made of joins): what the join phases start from. */
    public static final Predicate<RelNode> HAS_JOIN = node -> node instanceof Join || node instanceof MultiJoin;

    /**
     * Runs a phase only when some node of the tree is one its rules start from: a walk of the tree
     * costs far less than a Hep pass, which copies the tree into its graph and offers every rule
     * every node, to find nothing (most queries have no subquery left, no empty input and no window).
     */
    public static RelNode runIf(List<RelOptRule> rules, RelNode rel, Predicate<RelNode> applies)
    {
        return anyNode(rel, applies) ? run(rules, rel) : rel;
    }

    private static boolean anyNode(RelNode rel, Predicate<RelNode> test)
    {
        if (test.test(rel)) {
            return true;
        }
        for (RelNode input : rel.getInputs()) {
            if (anyNode(input, test)) {
                return true;
            }
        }
        return false;
    }

    public static RelNode run(List<RelOptRule> rules, RelNode rel)
    {
        HepProgramBuilder builder = HepProgram.builder().addMatchOrder(HepMatchOrder.BOTTOM_UP).addMatchLimit(MATCH_LIMIT);
        builder.addRuleCollection(rules);
        HepPlanner planner = new HepPlanner(builder.build());
        planner.setRoot(rel);
        return planner.findBestExp();
    }

}
