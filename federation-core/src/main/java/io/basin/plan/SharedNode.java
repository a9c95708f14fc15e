package io.basin.plan;

import io.trino.spi.type.Type;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A subplan the query reads in more than one place (a CTE referenced twice, as in TPC-H Q15, or
 * the same subquery written twice), computed once: its first reader runs it into a buffer, and
 * every reader reads that buffer. Every place holds the same instance, so EXPLAIN ANALYZE finds one
 * set of run-time stats for the subplan and prints it once. {@code id} numbers the shared subplans
 * of a query for EXPLAIN.
 */
public record SharedNode(PlanNode source, int id)
        implements PlanNode
{
    public SharedNode
    {
        requireNonNull(source, "source is null");
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of(source);
    }

    @Override
    public List<Type> outputTypes()
    {
        return source.outputTypes();
    }
}
