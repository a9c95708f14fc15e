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

import java.util.Arrays;
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
 * scan's dynamic filter: the lake's workers then skip the rows whose key cannot join before they
 * decode the scan's other columns, and return only the rows that can (TPC-H Q17 keeps the 6,000
 * lineitem rows of 2,000 parts of 6 million). Up to {@value #MAX_DISCRETE_KEYS} distinct keys are
 * offered as themselves, more as their range; neither when the column's statistics show that the
 * keys cover most of it.
 *
 * <p>The scan's pipeline runs after the join's build has finished, so the filter is complete when
 * the connector first asks for it; it is computed then, once. Keys that are NULL join nothing and
 * are not offered; the join still applies its own condition, so a connector may ignore the filter.
 */
public final class ScanDynamicFilter
        implements DynamicFilter
{
    /** Beyond this many distinct keys, a connector checking each row against the set would spend more than it saves. */
    static final int MAX_DISCRETE_KEYS = 20_000;
    /**
     * Keys that cover this much of the column (its distinct values, or its range) would keep nearly
     * every row while the connector checks each: TPC-H Q8 offered all 10,000 supplier keys to the
     * lineitem scan, which then spent a set lookup per row to drop nothing.
     */
    static final double MAX_COVERED_FRACTION = 0.8;

    /**
     * One join key: column {@code buildChannel} of {@code build}'s rows, matched with the scan's
     * {@code column} of {@code type} (a type whose values are longs compared as such), whose
     * statistics (distinct values; least and greatest value, for integer and date columns) tell
     * whether the keys leave out enough of it to be worth checking.
     */
    public record Key(HashBuildSink build, int buildChannel, ColumnHandle column, Type type, OptionalDouble columnDistinctValues, OptionalDouble columnMin, OptionalDouble columnMax)
    {
        public Key
        {
            requireNonNull(build, "build is null");
            requireNonNull(column, "column is null");
            requireNonNull(type, "type is null");
            requireNonNull(columnDistinctValues, "columnDistinctValues is null");
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
     * The build's distinct non-null keys, or their range when there are too many; none for an empty
     * build; empty when the keys would not leave out enough of the column.
     */
    static Optional<Domain> domain(Key key)
    {
        JoinHashTable table = key.build().table();
        Block block = table.columns()[key.buildChannel()];
        int rows = table.rowCount();
        long[] values = new long[rows];
        int count = 0;
        for (int position = 0; position < rows; position++) {
            if (!block.isNull(position)) {
                values[count++] = key.type().getLong(block, position);
            }
        }
        if (count == 0) {
            return Optional.of(Domain.none(key.type()));
        }
        if (count > 2 * MAX_DISCRETE_KEYS) {
            // too many rows for few enough distinct keys to be likely (a join's build side mostly
            // holds a key once): not worth sorting them (57,000 keys take milliseconds)
            return range(key, values, count);
        }
        Arrays.sort(values, 0, count);
        int distinct = 1;
        for (int i = 1; i < count; i++) {
            if (values[i] != values[distinct - 1]) {
                values[distinct++] = values[i];
            }
        }
        if (distinct > MAX_DISCRETE_KEYS) {
            return range(key, values, distinct);
        }
        if (key.columnDistinctValues().isPresent() && distinct >= MAX_COVERED_FRACTION * key.columnDistinctValues().getAsDouble()) {
            return Optional.empty();
        }
        return Optional.of(Domain.multipleValues(key.type(), Arrays.stream(values, 0, distinct).boxed().toList()));
    }

    /** The keys' range, when the column's statistics show that it leaves out enough of the column's values. */
    private static Optional<Domain> range(Key key, long[] values, int count)
    {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
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
