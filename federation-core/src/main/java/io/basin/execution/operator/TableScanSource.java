package io.basin.execution.operator;

import io.basin.connector.TableScanner;
import io.basin.execution.QueryContext;
import io.trino.spi.metrics.Metrics;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A connector table scan: one partition per split. */
public final class TableScanSource
        implements Source
{
    private final TableScanner scanner;
    private final String description;

    public TableScanSource(TableScanner scanner, String description)
    {
        this.scanner = requireNonNull(scanner, "scanner is null");
        this.description = requireNonNull(description, "description is null");
    }

    @Override
    public List<PageSupplier> createPartitions(QueryContext queryContext)
    {
        return scanner.createPartitions();
    }

    /** The connector's counters of the scan (see {@link TableScanner#metrics()}), for EXPLAIN ANALYZE. */
    public Metrics connectorMetrics()
    {
        return scanner.metrics();
    }

    @Override
    public String describe()
    {
        return description;
    }
}
