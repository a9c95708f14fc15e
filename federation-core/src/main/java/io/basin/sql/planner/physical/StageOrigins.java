package io.basin.sql.planner.physical;

import io.basin.plan.PlanNode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Which plan node each source, operator factory and sink of a physical plan was made for, so that
 * EXPLAIN ANALYZE can show the run-time stats of the stages under the plan nodes. By identity:
 * plan nodes are records, and two equal subtrees are still two runs. Filled by the planner only.
 */
public final class StageOrigins
{
    /** How a stage serves its node. */
    public enum Role
    {
        /** the node's own work */
        MAIN,
        /** the build side of a join, hashed before the probe side streams */
        BUILD,
        /** a join's build side filtering the rows of a scan below it */
        DYNAMIC_FILTER,
        /** a filter evaluated by the operator of the projection above it */
        WITH_PARENT,
    }

    public record Origin(PlanNode node, Role role)
    {
        public Origin
        {
            requireNonNull(node, "node is null");
            requireNonNull(role, "role is null");
        }
    }

    private final Map<Object, List<Origin>> origins = new IdentityHashMap<>();
    /** Nodes the planner made in place of a node of the plan (a window's projected constants), mapped to it. */
    private final Map<PlanNode, PlanNode> replacements = new IdentityHashMap<>();

    void add(Object stage, PlanNode node, Role role)
    {
        PlanNode original = replacements.getOrDefault(node, node);
        List<Origin> stageOrigins = origins.computeIfAbsent(requireNonNull(stage, "stage is null"), _ -> new ArrayList<>());
        // a sort's sink is its source too: one origin per node and role
        if (stageOrigins.stream().noneMatch(origin -> origin.node() == original && origin.role() == role)) {
            stageOrigins.add(new Origin(original, role));
        }
    }

    void replaced(PlanNode replacement, PlanNode original)
    {
        replacements.put(replacement, replacements.getOrDefault(original, original));
    }

    /** The nodes {@code stage} (a source, operator factory or sink) works for; empty for stages the planner added on its own. */
    public List<Origin> of(Object stage)
    {
        return List.copyOf(origins.getOrDefault(stage, List.of()));
    }
}
