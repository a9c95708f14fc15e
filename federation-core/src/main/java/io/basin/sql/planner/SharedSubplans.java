package io.basin.sql.planner;

import io.basin.plan.AggregationNode;
import io.basin.plan.FilterNode;
import io.basin.plan.JoinNode;
import io.basin.plan.LimitNode;
import io.basin.plan.PlanNode;
import io.basin.plan.PlanNodes;
import io.basin.plan.ProjectNode;
import io.basin.plan.RecursiveUnionNode;
import io.basin.plan.SharedNode;
import io.basin.plan.SortNode;
import io.basin.plan.TableWriterNode;
import io.basin.plan.ValuesNode;
import io.basin.plan.WorkTableScanNode;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.SpecialForm;
import io.basin.sql.planner.physical.CardinalityEstimator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Computes once what a query reads twice. SQL inlines a CTE at each reference (TPC-H Q15 joins its
 * {@code revenue} CTE with the CTE's own maximum), so the plan holds equal subplans, each scanning
 * and aggregating the same rows. Equal subplans (plan nodes are records: equal by value) that do
 * real work, an aggregation or a join, are replaced by one {@link SharedNode}, which the physical
 * planner runs once into a buffer that each place reads.
 *
 * <p>Not shared: subplans estimated over {@link #MAX_SHARED_ROWS} rows (held in memory, they cost
 * more than running again); sorted or limited ones (their readers may depend on order); those
 * calling {@code random()} (each place draws its own values, as when written twice); and anything
 * inside a recursive union, whose rounds plan their own pipelines.
 */
public final class SharedSubplans
{
    /** Above this estimated output, a repeated subplan runs once per place instead of being buffered. */
    static final double MAX_SHARED_ROWS = 1_000_000;

    private final Map<PlanNode, Integer> occurrences = new HashMap<>();
    /** By the subplan as it was before the rewrite, so every place gets the same instance. */
    private final Map<PlanNode, SharedNode> shared = new HashMap<>();

    private SharedSubplans() {}

    public static PlanNode apply(PlanNode root)
    {
        SharedSubplans rewrite = new SharedSubplans();
        rewrite.count(root);
        if (rewrite.occurrences.values().stream().allMatch(count -> count == 1)) {
            return root;
        }
        return rewrite.rewrite(root, 1);
    }

    private void count(PlanNode node)
    {
        if (node instanceof RecursiveUnionNode) {
            return;
        }
        occurrences.merge(node, 1, Integer::sum);
        node.sources().forEach(this::count);
    }

    /** {@code enclosing}: how often the nearest shared subplan around {@code node} occurs; a node occurring only inside it is computed once already. */
    private PlanNode rewrite(PlanNode node, int enclosing)
    {
        if (node instanceof RecursiveUnionNode) {
            return node;
        }
        int count = occurrences.getOrDefault(node, 1);
        if (count > enclosing && worthSharing(node)) {
            SharedNode existing = shared.get(node);
            if (existing != null) {
                return existing;
            }
            SharedNode created = new SharedNode(PlanNodes.rewriteSources(node, source -> rewrite(source, count)), shared.size() + 1);
            shared.put(node, created);
            return created;
        }
        return PlanNodes.rewriteSources(node, source -> rewrite(source, enclosing));
    }

    private static boolean worthSharing(PlanNode node)
    {
        if (node instanceof SortNode || node instanceof LimitNode) {
            return false;
        }
        if (nodes(node).noneMatch(inner -> inner instanceof AggregationNode || inner instanceof JoinNode)) {
            return false;
        }
        boolean shareable = nodes(node).allMatch(inner -> !(inner instanceof WorkTableScanNode || inner instanceof RecursiveUnionNode || inner instanceof TableWriterNode)
                && expressions(inner).allMatch(SharedSubplans::deterministic));
        return shareable && CardinalityEstimator.estimateRows(node) <= MAX_SHARED_ROWS;
    }

    private static Stream<PlanNode> nodes(PlanNode node)
    {
        return Stream.concat(Stream.of(node), node.sources().stream().flatMap(SharedSubplans::nodes));
    }

    private static Stream<Expression> expressions(PlanNode node)
    {
        return switch (node) {
            case FilterNode filter -> Stream.of(filter.predicate());
            case ProjectNode project -> project.projections().stream();
            case JoinNode join -> join.filter().stream();
            case ValuesNode values -> values.rows().stream().flatMap(List::stream);
            default -> Stream.empty();
        };
    }

    private static boolean deterministic(Expression expression)
    {
        return switch (expression) {
            case Call call -> !call.name().equals(FunctionNames.RANDOM) && call.arguments().stream().allMatch(SharedSubplans::deterministic);
            case SpecialForm form -> form.arguments().stream().allMatch(SharedSubplans::deterministic);
            default -> true;
        };
    }
}
