package io.basin.connector.iceberg;

import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.TupleDomain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A lake table as of one snapshot (empty: the table has no snapshot yet, i.e. no rows), with the
 * predicate its scans apply (files and row groups are pruned by it, and the workers return only
 * the rows it accepts), comparisons of two columns the workers apply as well, and optionally an
 * aggregation pushed into the scan. Immutable; pushdown returns a new handle. {@link #toString()}
 * is what EXPLAIN shows of it.
 */
public record IcebergTableHandle(
        SchemaTableName name,
        Optional<Long> snapshotId,
        TupleDomain<IcebergColumnHandle> predicate,
        List<IcebergColumnComparison> comparisons,
        Optional<IcebergAggregation> aggregation)
        implements ConnectorTableHandle
{
    public IcebergTableHandle(SchemaTableName name, Optional<Long> snapshotId, TupleDomain<IcebergColumnHandle> predicate)
    {
        this(name, snapshotId, predicate, List.of(), Optional.empty());
    }

    public IcebergTableHandle
    {
        requireNonNull(name, "name is null");
        requireNonNull(snapshotId, "snapshotId is null");
        requireNonNull(predicate, "predicate is null");
        comparisons = List.copyOf(requireNonNull(comparisons, "comparisons is null"));
        requireNonNull(aggregation, "aggregation is null");
    }

    IcebergTableHandle withPredicate(TupleDomain<IcebergColumnHandle> predicate, List<IcebergColumnComparison> comparisons)
    {
        return new IcebergTableHandle(name, snapshotId, predicate, comparisons, aggregation);
    }

    IcebergTableHandle withAggregation(IcebergAggregation aggregation)
    {
        return new IcebergTableHandle(name, snapshotId, predicate, comparisons, Optional.of(aggregation));
    }

    @Override
    public String toString()
    {
        StringBuilder text = new StringBuilder("lake scan[").append(name);
        snapshotId.ifPresent(id -> text.append(", snapshot=").append(id));
        if (predicate.isNone()) {
            text.append(", predicate=none");
        }
        else if (!predicate.isAll()) {
            text.append(", predicate=").append(predicate.getDomains().orElseThrow().entrySet().stream()
                    .map(IcebergTableHandle::describe)
                    .collect(Collectors.joining(" AND ", "(", ")")));
        }
        if (!comparisons.isEmpty()) {
            text.append(", comparisons=").append(comparisons.stream()
                    .map(IcebergColumnComparison::describe)
                    .collect(Collectors.joining(" AND ", "(", ")")));
        }
        aggregation.ifPresent(value -> text.append(", ").append(value.describe()));
        return text.append(']').toString();
    }

    private static String describe(Map.Entry<IcebergColumnHandle, Domain> entry)
    {
        return entry.getKey().name() + " in " + entry.getValue().toString(null, 8);
    }
}
