package io.basin.plan;

import java.util.List;
import java.util.function.UnaryOperator;

import static com.google.common.base.Preconditions.checkArgument;

/** Rebuilding plan nodes over new sources, for rewrites that change a few nodes and keep the rest. */
public final class PlanNodes
{
    private PlanNodes() {}

    /** {@code node} over {@code rewrite} applied to each of its sources, everything else kept. */
    public static PlanNode rewriteSources(PlanNode node, UnaryOperator<PlanNode> rewrite)
    {
        return withSources(node, node.sources().stream().map(rewrite).toList());
    }

    private static boolean sameInstances(List<PlanNode> left, List<PlanNode> right)
    {
        for (int i = 0; i < left.size(); i++) {
            if (left.get(i) != right.get(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code node} with {@code sources} in place of its own, in the order of {@link PlanNode#sources()};
     * {@code node} itself when they are its own.
     */
    public static PlanNode withSources(PlanNode node, List<PlanNode> sources)
    {
        checkArgument(sources.size() == node.sources().size(), "%s takes %s sources, not %s", node.getClass().getSimpleName(), node.sources().size(), sources.size());
        if (sameInstances(sources, node.sources())) {
            // unchanged: the same instance, which keeps a shared subplan one instance in every place
            return node;
        }
        return switch (node) {
            case JoinNode join -> join.withSources(sources.get(0), sources.get(1));
            case AggregationNode aggregation -> new AggregationNode(sources.getFirst(), aggregation.groupKeys(), aggregation.groupingSets(), aggregation.aggregates());
            case FilterNode filter -> new FilterNode(sources.getFirst(), filter.predicate());
            case ProjectNode project -> new ProjectNode(sources.getFirst(), project.projections());
            case SortNode sort -> new SortNode(sources.getFirst(), sort.orderings(), sort.limit(), sort.offset());
            case LimitNode limit -> new LimitNode(sources.getFirst(), limit.limit(), limit.offset());
            case WindowNode window -> new WindowNode(sources.getFirst(), window.partitionChannels(), window.orderings(), window.functions());
            case SetOperationNode setOperation -> new SetOperationNode(setOperation.kind(), setOperation.all(), sources, setOperation.types());
            case TableWriterNode writer -> new TableWriterNode(sources.getFirst(), writer.target(), writer.writeTarget());
            case RecursiveUnionNode recursive -> new RecursiveUnionNode(sources.get(0), sources.get(1), recursive.workTable(), recursive.all(), recursive.types());
            case SharedNode shared -> new SharedNode(sources.getFirst(), shared.id());
            case TableScanNode _, ValuesNode _, WorkTableScanNode _ -> node;
        };
    }
}
