package io.basin.execution.driver;

import io.basin.execution.QueryContext;
import io.basin.execution.memory.LocalMemoryContext;
import io.basin.execution.memory.MemoryPeak;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One driver (thread of work) of a pipeline: which one it is, and the query it belongs to; under
 * EXPLAIN ANALYZE, the operator being created gets its own {@code memoryPeak}.
 */
public record DriverContext(QueryContext queryContext, int pipelineId, int driverId, int driverCount, Optional<MemoryPeak> memoryPeak)
{
    public DriverContext
    {
        requireNonNull(queryContext, "queryContext is null");
        requireNonNull(memoryPeak, "memoryPeak is null");
    }

    public DriverContext(QueryContext queryContext, int pipelineId, int driverId, int driverCount)
    {
        this(queryContext, pipelineId, driverId, driverCount, Optional.empty());
    }

    /** This driver's context for an operator whose memory adds to {@code peak}. */
    DriverContext withMemoryPeak(MemoryPeak peak)
    {
        return new DriverContext(queryContext, pipelineId, driverId, driverCount, Optional.of(peak));
    }

    public LocalMemoryContext newMemoryContext(String owner)
    {
        String name = owner + "#" + pipelineId + "." + driverId;
        return memoryPeak.map(peak -> queryContext.memoryPool().newLocalMemoryContext(name, peak))
                .orElseGet(() -> queryContext.memoryPool().newLocalMemoryContext(name));
    }
}
