package io.basin.spectrum;

import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a scan fleet is asked to do, as an immutable, self-contained description: the file ranges
 * to read, the columns to return (in this order), the predicate, comparisons of two columns and
 * an optional partial aggregation. The workers use the predicate to skip files, row groups and
 * pages, and return only the rows that the predicate and every comparison accept, so a caller
 * whose filter is exactly these need not filter again.
 * With an aggregation, {@code columns} are what it reads and the workers return its partial
 * results instead of rows (see {@link PartialAggregation}).
 */
public record ScanRequest(List<ScanTask> tasks, List<ScanColumn> columns, TupleDomain<ScanColumn> predicate, List<ColumnComparison> comparisons, Optional<PartialAggregation> aggregation)
{
    /** Rows of {@code columns}, without aggregation. */
    public ScanRequest(List<ScanTask> tasks, List<ScanColumn> columns, TupleDomain<ScanColumn> predicate)
    {
        this(tasks, columns, predicate, List.of(), Optional.empty());
    }

    /** Without comparisons of two columns. */
    public ScanRequest(List<ScanTask> tasks, List<ScanColumn> columns, TupleDomain<ScanColumn> predicate, Optional<PartialAggregation> aggregation)
    {
        this(tasks, columns, predicate, List.of(), aggregation);
    }

    public ScanRequest
    {
        tasks = List.copyOf(requireNonNull(tasks, "tasks is null"));
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(predicate, "predicate is null");
        comparisons = List.copyOf(requireNonNull(comparisons, "comparisons is null"));
        requireNonNull(aggregation, "aggregation is null");
    }

    /** The types of what the workers return: the aggregation's partial results, or the columns. */
    public List<Type> outputTypes()
    {
        return aggregation.map(partial -> partial.outputTypes(columns)).orElseGet(() -> columns.stream().map(ScanColumn::type).toList());
    }

    /** This request restricted to {@code tasks}. */
    public ScanRequest withTasks(List<ScanTask> tasks)
    {
        return new ScanRequest(tasks, columns, predicate, comparisons, aggregation);
    }
}
