package io.basin.sql.planner.physical;

import io.basin.plan.FilterNode;
import io.basin.plan.JoinNode;
import io.basin.plan.PlanNode;
import io.basin.plan.ProjectNode;
import io.basin.plan.TableScanNode;
import io.basin.plan.expr.InputReference;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A column of a table scan that a plan node's output channel passes on row for row: through
 * filters, projections that reference it, and joins whose probe side carries it and streams (an
 * inner join probed by that side, an outer join probed by its outer side, a semi or anti join
 * probed by its kept side; see {@link JoinSides}). Each row of the node's output then carries a
 * row of the scan and is produced while the scan reads that row's split, which is what a join that
 * works bucket by bucket needs of its inputs (an aggregation, a sort, a full join or a join built
 * from that side emits rows of many splits at once).
 *
 * @param scan the scan
 * @param channel the column's channel in the scan's output
 */
public record ScanColumn(TableScanNode scan, int channel)
{
    public ScanColumn
    {
        requireNonNull(scan, "scan is null");
    }

    public static Optional<ScanColumn> trace(PlanNode node, int channel)
    {
        return switch (node) {
            case TableScanNode scan -> Optional.of(new ScanColumn(scan, channel));
            case FilterNode filter -> trace(filter.source(), channel);
            case ProjectNode project -> project.projections().get(channel) instanceof InputReference reference
                    ? trace(project.source(), reference.field())
                    : Optional.empty();
            case JoinNode join -> {
                int leftWidth = join.left().outputTypes().size();
                boolean left = channel < leftWidth;
                yield JoinSides.of(join).streamsProbeRows(join, left)
                        ? (left ? trace(join.left(), channel) : trace(join.right(), channel - leftWidth))
                        : Optional.empty();
            }
            default -> Optional.empty();
        };
    }
}
