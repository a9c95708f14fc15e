package io.basin.sql.planner.physical;

import io.basin.plan.AggregationNode;
import io.basin.plan.FilterNode;
import io.basin.plan.JoinNode;
import io.basin.plan.PlanNode;
import io.basin.plan.ProjectNode;
import io.basin.plan.SortNode;
import io.basin.plan.TableScanNode;
import io.basin.plan.expr.InputReference;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where a join's probe key comes from: a column of a table scan below the probe side, reached
 * through operators for which dropping the scan's rows whose key cannot join changes nothing but
 * the rows the join drops anyway. A filter or projection passes a column through; an aggregation
 * groups by it (a group is dropped whole); a join passes it from the input that has it (a row
 * removed there only removes output rows carrying that key); a sort without a limit keeps every
 * row. A limit, top-N or window would see different rows, so the trace stops there.
 *
 * @param throughCostlyOperator whether an aggregation or a join lies between the scan and the probe
 */
record DynamicFilterTarget(TableScanNode scan, int channel, boolean throughCostlyOperator)
{
    DynamicFilterTarget
    {
        requireNonNull(scan, "scan is null");
    }

    static Optional<DynamicFilterTarget> trace(PlanNode node, int channel)
    {
        return switch (node) {
            case TableScanNode scan -> Optional.of(new DynamicFilterTarget(scan, channel, false));
            case FilterNode filter -> trace(filter.source(), channel);
            case ProjectNode project -> project.projections().get(channel) instanceof InputReference reference
                    ? trace(project.source(), reference.field())
                    : Optional.empty();
            case AggregationNode aggregation -> aggregation.groupingSets().size() == 1 && channel < aggregation.groupKeys().size()
                    ? trace(aggregation.source(), aggregation.groupKeys().get(channel)).map(DynamicFilterTarget::costly)
                    : Optional.empty();
            case JoinNode join -> throughJoin(join, channel).map(DynamicFilterTarget::costly);
            case SortNode sort -> sort.limit().isEmpty() && sort.offset() == 0 ? trace(sort.source(), channel) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<DynamicFilterTarget> throughJoin(JoinNode join, int channel)
    {
        int leftWidth = join.left().outputTypes().size();
        boolean fromLeft = channel < leftWidth;
        // a full join pads the other side's rows with NULL keys; keep it simple and stop there
        return switch (join.joinType()) {
            case INNER -> fromLeft ? trace(join.left(), channel) : trace(join.right(), channel - leftWidth);
            case LEFT, SEMI, ANTI -> fromLeft ? trace(join.left(), channel) : Optional.empty();
            case RIGHT -> fromLeft ? Optional.empty() : trace(join.right(), channel - leftWidth);
            case FULL -> Optional.empty();
        };
    }

    private DynamicFilterTarget costly()
    {
        return new DynamicFilterTarget(scan, channel, true);
    }
}
