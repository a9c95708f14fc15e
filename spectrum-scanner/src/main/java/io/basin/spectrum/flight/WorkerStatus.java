package io.basin.spectrum.flight;

import static java.util.Objects.requireNonNull;

/**
 * One remote worker as the fleet sees it: whether it is taking tasks, how many scans it runs now,
 * and what it did so far (tasks finished, rows returned, calls that failed in transport).
 */
public record WorkerStatus(WorkerAddress address, boolean up, int activeScans, long tasksFinished, long rowsReturned, long failures)
{
    public WorkerStatus
    {
        requireNonNull(address, "address is null");
    }
}
