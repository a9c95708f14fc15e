package io.basin.connector.iceberg;

import io.basin.spectrum.ScanTask;
import io.trino.spi.connector.ConnectorSplit;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A share of a table scan for one driver: file ranges the fleet reads one after another. */
public record IcebergSplit(List<ScanTask> tasks)
        implements ConnectorSplit
{
    public IcebergSplit
    {
        tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
    }

    @Override
    public long getRetainedSizeInBytes()
    {
        return 64L + 96L * tasks.size();
    }
}
