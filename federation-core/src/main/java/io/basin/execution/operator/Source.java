package io.basin.execution.operator;

import io.basin.execution.QueryContext;

import java.util.List;

/**
 * The start of a pipeline. {@link #createPartitions} is called after every pipeline this one
 * depends on has finished (so a sort or aggregation sink can act as the source of the next
 * pipeline). Drivers take partitions from a shared queue, so more partitions than drivers
 * balance the load.
 */
public interface Source
{
    List<PageSupplier> createPartitions(QueryContext queryContext);

    String describe();
}
