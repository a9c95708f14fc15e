package io.basin.plan;

import io.basin.plan.expr.Expression;
import io.trino.spi.connector.ConnectorPartitioningHandle;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * An equi-join on {@code leftKeys = rightKeys} (possibly none: a nested-loop/cross join) with an
 * optional residual {@code filter}; a key marked in {@code nullEqualKeys} matches NULL to NULL
 * (IS NOT DISTINCT FROM, produced by decorrelation); other keys never match NULL. The filter is
 * over the left columns followed by the right columns. SEMI and ANTI output the left columns only.
 * With {@code coLocated}, both inputs are scans of tables partitioned alike on the join keys, and
 * the join runs bucket by bucket.
 */
public record JoinNode(Type joinType, PlanNode left, PlanNode right, List<Integer> leftKeys, List<Integer> rightKeys, List<Boolean> nullEqualKeys, Optional<Expression> filter,
        Optional<CoLocation> coLocated)
        implements PlanNode
{
    /**
     * Both inputs of the join read tables whose rows the same connector placed in
     * {@code bucketCount} buckets by the same function of the join keys at {@code keys} (indexes
     * into {@code leftKeys}/{@code rightKeys}, in the order of the partitioning columns): every
     * pair of joining rows is in one bucket, so the join can build and probe each bucket alone.
     *
     * @param catalog the catalog of both tables
     * @param partitioning the connector's partitioning of both tables
     */
    public record CoLocation(String catalog, ConnectorPartitioningHandle partitioning, int bucketCount, List<Integer> keys)
    {
        public CoLocation
        {
            requireNonNull(catalog, "catalog is null");
            requireNonNull(partitioning, "partitioning is null");
            checkArgument(bucketCount > 0, "bucketCount must be positive");
            keys = List.copyOf(requireNonNull(keys, "keys is null"));
            checkArgument(!keys.isEmpty(), "a co-located join is partitioned by at least one key");
        }
    }

    public JoinNode(Type joinType, PlanNode left, PlanNode right, List<Integer> leftKeys, List<Integer> rightKeys, List<Boolean> nullEqualKeys, Optional<Expression> filter)
    {
        this(joinType, left, right, leftKeys, rightKeys, nullEqualKeys, filter, Optional.empty());
    }

    public enum Type
    {
        INNER, LEFT, RIGHT, FULL, SEMI, ANTI;

        public boolean outputsRight()
        {
            return this != SEMI && this != ANTI;
        }
    }

    public JoinNode
    {
        requireNonNull(joinType, "joinType is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        leftKeys = List.copyOf(requireNonNull(leftKeys, "leftKeys is null"));
        rightKeys = List.copyOf(requireNonNull(rightKeys, "rightKeys is null"));
        checkArgument(leftKeys.size() == rightKeys.size(), "key count mismatch");
        nullEqualKeys = List.copyOf(requireNonNull(nullEqualKeys, "nullEqualKeys is null"));
        checkArgument(nullEqualKeys.size() == leftKeys.size(), "nullEqualKeys size mismatch");
        requireNonNull(filter, "filter is null");
        requireNonNull(coLocated, "coLocated is null");
        int keyCount = leftKeys.size();
        coLocated.ifPresent(location -> location.keys().forEach(key -> checkArgument(key >= 0 && key < keyCount, "co-location key out of range")));
    }

    public JoinNode withCoLocated(CoLocation location)
    {
        return new JoinNode(joinType, left, right, leftKeys, rightKeys, nullEqualKeys, filter, Optional.of(location));
    }

    public JoinNode withSources(PlanNode newLeft, PlanNode newRight)
    {
        return new JoinNode(joinType, newLeft, newRight, leftKeys, rightKeys, nullEqualKeys, filter, coLocated);
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of(left, right);
    }

    @Override
    public List<io.trino.spi.type.Type> outputTypes()
    {
        List<io.trino.spi.type.Type> types = new ArrayList<>(left.outputTypes());
        if (joinType.outputsRight()) {
            types.addAll(right.outputTypes());
        }
        return types;
    }
}
