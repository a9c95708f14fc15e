package io.basin.connector.iceberg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * An aggregation pushed into a lake table's scan. Without {@code metadataAnswer} the scan workers
 * compute it per file range and return partial results (one row per group and range) for the
 * engine to combine; with it, Iceberg's metadata (manifest record counts and column bounds)
 * answered it exactly when the aggregation was pushed, and the scan returns that one row without
 * opening a data file.
 *
 * @param metadataAnswer the aggregates' values (Trino native values, null for SQL NULL) in order
 * @param metadataFiles how many data files the metadata answer covers
 */
public record IcebergAggregation(List<IcebergColumnHandle> groupingColumns, List<IcebergAggregateColumnHandle> aggregates, Optional<List<Object>> metadataAnswer, long metadataFiles)
{
    public IcebergAggregation
    {
        groupingColumns = List.copyOf(requireNonNull(groupingColumns, "groupingColumns is null"));
        aggregates = List.copyOf(requireNonNull(aggregates, "aggregates is null"));
        // values may be null: an unmodifiable copy that keeps them
        metadataAnswer = requireNonNull(metadataAnswer, "metadataAnswer is null").map(values -> Collections.unmodifiableList(new ArrayList<>(values)));
        checkArgument(metadataAnswer.isEmpty() || metadataAnswer.get().size() == aggregates.size() && groupingColumns.isEmpty(), "a metadata answer is one value per aggregate, without grouping");
    }

    IcebergAggregation withMetadataAnswer(List<Object> values, long files)
    {
        return new IcebergAggregation(groupingColumns, aggregates, Optional.of(values), files);
    }

    String describe()
    {
        String keys = groupingColumns.isEmpty() ? "" : "keys=" + groupingColumns.stream().map(IcebergColumnHandle::name).toList() + ", ";
        String functions = aggregates.stream().map(IcebergAggregateColumnHandle::describe).collect(Collectors.joining(", "));
        return metadataAnswer.isPresent()
                ? "answered from metadata[" + functions + ", files=" + metadataFiles + "]"
                : "partial aggregation[" + keys + functions + "]";
    }
}
