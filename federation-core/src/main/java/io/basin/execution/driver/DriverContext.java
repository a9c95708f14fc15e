package io.basin.execution.driver;

import io.basin.execution.QueryContext;
import io.basin.execution.memory.LocalMemoryContext;

import static java.util.Objects.requireNonNull;

/** One driver (thread of work) of a pipeline: which one it is, and the query it belongs to. */
public record DriverContext(QueryContext queryContext, int pipelineId, int driverId, int driverCount)
{
    public DriverContext
    {
        requireNonNull(queryContext, "queryContext is null");
    }

    public LocalMemoryContext newMemoryContext(String owner)
    {
        return queryContext.memoryPool().newLocalMemoryContext(owner + "#" + pipelineId + "." + driverId);
    }
}
