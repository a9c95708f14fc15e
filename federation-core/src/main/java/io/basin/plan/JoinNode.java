package io.basin.plan;

import io.basin.plan.expr.Expression;
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
 */
public record JoinNode(Type joinType, PlanNode left, PlanNode right, List<Integer> leftKeys, List<Integer> rightKeys, List<Boolean> nullEqualKeys, Optional<Expression> filter)
        implements PlanNode
{
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
