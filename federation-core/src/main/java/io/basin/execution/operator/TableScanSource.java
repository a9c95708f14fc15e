package io.basin.execution.operator;

import io.basin.connector.TableScanner;
import io.basin.execution.QueryContext;

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

    @Override
    public String describe()
    {
        return description;
    }
}
