package io.basin.execution.operator.join;

import io.trino.spi.block.Block;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.predicate.ValueSet;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The keys of joins' hash tables, offered to the connector of a scan on the probe side as the
 * scan's dynamic filter: as the range of the keys, when the column's statistics show that the range
 * leaves out enough of the column for a connector to skip data by it (row groups or files whose
 * bounds lie outside, as in a join with the orders of a few weeks over tables sorted by date), and
 * as no value at all when the build side is empty, so that the scan reads nothing.
 *
 * <p>The keys themselves are not offered, measured: a lake scan checking each row against a set of
 * thousands of part or supplier keys decodes every batch anyway (each holds a few rows that can
 * join), and paid 10-30% more CPU on TPC-H q8, q9 and q11 than letting the join drop the rows.
 *
 * <p>The scan's pipeline runs after the join's build has finished, so the filter is complete when
 * the connector first asks for it; it is computed then, once. Keys that are NULL join nothing and
 * are not offered; the join still applies its own condition, so a connector may ignore the filter.
 */
public final class ScanDynamicFilter
        implements DynamicFilter
{
    /**
     * A range covering this much of the column's range would keep nearly every row while the
     * connector checks each (TPC-H q8 offered the keys of all 10,000 suppliers to lineitem).
     */
    static final double MAX_COVERED_FRACTION = 0.8;

    /**
     * One join key: column {@code buildChannel} of {@code build}'s rows, matched with the scan's
     * {@code column} of {@code type} (a type whose values are longs compared as such), whose least
     * and greatest value (for integer and date columns) tell whether the keys' range leaves out
     * enough of it to be worth checking.
     */
    public record Key(HashBuildSink build, int buildChannel, ColumnHandle column, Type type, OptionalDouble columnMin, OptionalDouble columnMax)
    {
        public Key
        {
            requireNonNull(build, "build is null");
            requireNonNull(column, "column is null");
            requireNonNull(type, "type is null");
            requireNonNull(columnMin, "columnMin is null");
            requireNonNull(columnMax, "columnMax is null");
        }
    }

    private final List<Key> keys;
    private TupleDomain<ColumnHandle> predicate;

    public ScanDynamicFilter(List<Key> keys)
    {
        this.keys = List.copyOf(requireNonNull(keys, "keys is null"));
    }

    @Override
    public Set<ColumnHandle> getColumnsCovered()
    {
        return keys.stream().map(Key::column).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public CompletableFuture<?> isBlocked()
    {
        return NOT_BLOCKED;
    }

    @Override
    public boolean isComplete()
    {
        return true;
    }

    @Override
    public boolean isAwaitable()
    {
        return false;
    }

    @Override
    public synchronized TupleDomain<ColumnHandle> getCurrentPredicate()
    {
        if (predicate == null) {
            TupleDomain<ColumnHandle> domains = TupleDomain.all();
            for (Key key : keys) {
                Optional<Domain> domain = domain(key);
                if (domain.isPresent()) {
                    domains = domains.intersect(TupleDomain.withColumnDomains(Map.of(key.column(), domain.get())));
                }
            }
            predicate = domains;
        }
        return predicate;
    }

    /**
     * The keys' range when it leaves out enough of the column; none for an empty build; empty
     * (no filter) otherwise.
     */
    static Optional<Domain> domain(Key key)
    {
        JoinHashTable table = key.build().table();
        Block block = table.columns()[key.buildChannel()];
        int rows = table.rowCount();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean any = false;
        for (int position = 0; position < rows; position++) {
            if (!block.isNull(position)) {
                long value = key.type().getLong(block, position);
                min = Math.min(min, value);
                max = Math.max(max, value);
                any = true;
            }
        }
        if (!any) {
            return Optional.of(Domain.none(key.type()));
        }
        return range(key, min, max);
    }

    /** The range, when the column's statistics show that it leaves out enough of the column's values. */
    private static Optional<Domain> range(Key key, long min, long max)
    {
        // statistics are on the values' own scale for integers and dates only
        boolean integral = key.type() instanceof BigintType || key.type() instanceof IntegerType || key.type() instanceof SmallintType
                || key.type() instanceof TinyintType || key.type() instanceof DateType;
        if (!integral || key.columnMin().isEmpty() || key.columnMax().isEmpty()) {
            return Optional.empty();
        }
        double columnSpan = key.columnMax().getAsDouble() - key.columnMin().getAsDouble();
        double covered = Math.min(max, key.columnMax().getAsDouble()) - Math.max(min, key.columnMin().getAsDouble());
        if (columnSpan <= 0 || covered >= MAX_COVERED_FRACTION * columnSpan) {
            return Optional.empty();
        }
        return Optional.of(Domain.create(ValueSet.ofRanges(Range.range(key.type(), min, true, max, true)), false));
    }

    @Override
    public String toString()
    {
        return "ScanDynamicFilter" + keys.stream().map(key -> key.column().toString()).toList();
    }
}
