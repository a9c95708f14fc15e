package io.basin.sql.planner.pushdown;

import io.basin.plan.AggregationNode;
import io.basin.plan.FilterNode;
import io.basin.plan.JoinNode;
import io.basin.plan.LimitNode;
import io.basin.plan.PlanNode;
import io.basin.plan.PlanNodes;
import io.basin.plan.SharedNode;
import io.basin.plan.ProjectNode;
import io.basin.plan.RecursiveUnionNode;
import io.basin.plan.SetOperationNode;
import io.basin.plan.SortNode;
import io.basin.plan.TableScanNode;
import io.basin.plan.TableWriterNode;
import io.basin.plan.ValuesNode;
import io.basin.plan.WindowNode;
import io.basin.plan.WorkTableScanNode;
import io.basin.sql.planner.physical.ScanColumn;
import io.basin.sql.planner.pushdown.TablePartitionings.TablePartitioning;
import io.trino.spi.connector.ColumnHandle;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Marks the equi-joins that can run bucket by bucket (Redshift's co-located join on the
 * distribution key): both inputs pass on, row for row ({@link ScanColumn}), the rows of a table
 * scan; the two tables' connector reports the same partitioning handle and bucket count for them
 * ({@code getTableProperties().getTablePartitioning()}); and each partitioning column of one table
 * is joined by equality to the partitioning column at the same position of the other. Then every
 * pair of joining rows lies in one bucket, and a hash table per bucket, probed by the same bucket's
 * rows only, gives the join's result (outer rows too: a row without a partner in its bucket has
 * none anywhere). The engine knows nothing of the connector: it compares handles and columns.
 */
public final class MarkCoLocatedJoins
{
    private final TablePartitionings partitionings;
    private final Map<TableScanNode, Optional<TablePartitioning>> scanPartitionings = new IdentityHashMap<>();
    private final Map<SharedNode, PlanNode> sharedNodes = new IdentityHashMap<>();

    public MarkCoLocatedJoins(TablePartitionings partitionings)
    {
        this.partitionings = requireNonNull(partitionings, "partitionings is null");
    }

    public PlanNode rewrite(PlanNode node)
    {
        return switch (node) {
            case JoinNode join -> mark((JoinNode) PlanNodes.rewriteSources(join, this::rewrite));
            // one instance in every place, as the planner made it
            case SharedNode shared -> sharedNodes.computeIfAbsent(shared, _ -> PlanNodes.rewriteSources(shared, this::rewrite));
            default -> PlanNodes.rewriteSources(node, this::rewrite);
        };
    }

    private JoinNode mark(JoinNode join)
    {
        if (join.leftKeys().isEmpty()) {
            return join;
        }
        List<Optional<ScanColumn>> left = new ArrayList<>();
        List<Optional<ScanColumn>> right = new ArrayList<>();
        for (int key = 0; key < join.leftKeys().size(); key++) {
            left.add(ScanColumn.trace(join.left(), join.leftKeys().get(key)));
            right.add(ScanColumn.trace(join.right(), join.rightKeys().get(key)));
        }
        Optional<TableScanNode> leftScan = left.stream().flatMap(Optional::stream).map(ScanColumn::scan).findFirst();
        Optional<TableScanNode> rightScan = right.stream().flatMap(Optional::stream).map(ScanColumn::scan).findFirst();
        if (leftScan.isEmpty() || rightScan.isEmpty() || !leftScan.get().table().catalog().equals(rightScan.get().table().catalog())) {
            return join;
        }
        Optional<TablePartitioning> leftPartitioning = partitioning(leftScan.get());
        Optional<TablePartitioning> rightPartitioning = partitioning(rightScan.get());
        if (leftPartitioning.isEmpty() || rightPartitioning.isEmpty()
                || !leftPartitioning.get().handle().equals(rightPartitioning.get().handle())
                || leftPartitioning.get().bucketCount() != rightPartitioning.get().bucketCount()
                || leftPartitioning.get().columns().size() != rightPartitioning.get().columns().size()) {
            return join;
        }
        List<Integer> keys = new ArrayList<>();
        for (int position = 0; position < leftPartitioning.get().columns().size(); position++) {
            ColumnHandle leftColumn = leftPartitioning.get().columns().get(position);
            ColumnHandle rightColumn = rightPartitioning.get().columns().get(position);
            Optional<Integer> key = Optional.empty();
            for (int candidate = 0; candidate < left.size() && key.isEmpty(); candidate++) {
                if (reads(left.get(candidate), leftScan.get(), leftColumn) && reads(right.get(candidate), rightScan.get(), rightColumn)) {
                    key = Optional.of(candidate);
                }
            }
            if (key.isEmpty()) {
                return join;
            }
            keys.add(key.get());
        }
        return join.withCoLocated(new JoinNode.CoLocation(leftScan.get().table().catalog(), leftPartitioning.get().handle(), leftPartitioning.get().bucketCount(), keys));
    }

    private static boolean reads(Optional<ScanColumn> traced, TableScanNode scan, ColumnHandle column)
    {
        return traced.isPresent() && traced.get().scan() == scan && traced.get().scan().columns().get(traced.get().channel()).handle().equals(column);
    }

    private Optional<TablePartitioning> partitioning(TableScanNode scan)
    {
        if (scan.remoteSql().isPresent()) {
            return Optional.empty();
        }
        return scanPartitionings.computeIfAbsent(scan, _ -> partitionings.partitioning(scan.table().catalog(), scan.handle()));
    }
}
