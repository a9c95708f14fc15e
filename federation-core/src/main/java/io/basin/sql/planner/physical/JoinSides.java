package io.basin.sql.planner.physical;

import io.basin.plan.JoinNode;

/**
 * Which input of a join the hash table is built from, by the inputs' estimated rows: the smaller
 * side of an inner join; the outer side of an outer join, or the kept side of a semi or anti join,
 * when it is much smaller than the other (its rows are then marked while the other side streams
 * past and emitted at the end); otherwise the inner (or filtering) side.
 *
 * @param buildLeft whether the left input is built
 * @param buildKeptSide a semi or anti join builds its kept (left) side
 * @param buildOuterSide an outer join builds its outer side
 */
public record JoinSides(boolean buildLeft, boolean buildKeptSide, boolean buildOuterSide)
{
    private static final double BUILD_KEPT_SIDE_RATIO = 4;

    public static JoinSides of(JoinNode node)
    {
        boolean buildKeptSide = (node.joinType() == JoinNode.Type.SEMI || node.joinType() == JoinNode.Type.ANTI)
                && CardinalityEstimator.estimateRows(node.left()) * BUILD_KEPT_SIDE_RATIO < CardinalityEstimator.estimateRows(node.right());
        boolean buildOuterSide = switch (node.joinType()) {
            case LEFT -> CardinalityEstimator.estimateRows(node.left()) * BUILD_KEPT_SIDE_RATIO < CardinalityEstimator.estimateRows(node.right());
            case RIGHT -> CardinalityEstimator.estimateRows(node.right()) * BUILD_KEPT_SIDE_RATIO < CardinalityEstimator.estimateRows(node.left());
            default -> false;
        };
        boolean buildLeft = switch (node.joinType()) {
            case INNER -> CardinalityEstimator.estimateRows(node.left()) < CardinalityEstimator.estimateRows(node.right());
            case RIGHT -> !buildOuterSide;
            case SEMI, ANTI -> buildKeptSide;
            case LEFT -> buildOuterSide;
            case FULL -> false;
        };
        return new JoinSides(buildLeft, buildKeptSide, buildOuterSide);
    }

    /**
     * Whether each output row of the join comes out while the probe side's row that it carries
     * streams through (no rows of the probe side are emitted at the end), and the probe side is the
     * left input ({@code left}) or the right.
     */
    public boolean streamsProbeRows(JoinNode node, boolean left)
    {
        return switch (node.joinType()) {
            case INNER -> buildLeft != left;
            case LEFT, SEMI, ANTI -> left && !buildLeft;
            case RIGHT -> !left && buildLeft;
            case FULL -> false;
        };
    }
}
