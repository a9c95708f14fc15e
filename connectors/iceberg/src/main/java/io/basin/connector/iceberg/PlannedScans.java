package io.basin.connector.iceberg;

import io.basin.spectrum.ScanTask;
import io.trino.spi.predicate.TupleDomain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The file ranges of planned scans, kept for the next scan of the same table, snapshot, schema
 * and predicate. A snapshot's files and delete files never change, so a plan stays right for as
 * long as it is kept; keeping it spares re-reading and re-parsing the manifest list and manifests
 * (Avro) at every query, about a tenth of the CPU of small multi-table queries. The least
 * recently used plans go first once the plans hold more than a bound of ranges.
 *
 * <p>Thread-safe.
 */
final class PlannedScans
{
    private final int maxRanges;
    private final Map<Key, List<ScanTask>> plans = new LinkedHashMap<>(16, 0.75f, true);
    private int ranges;

    /** The identity of a plan: the table by location and UUID (a table dropped and created again is another). */
    record Key(String table, long snapshotId, int schemaId, TupleDomain<IcebergColumnHandle> predicate)
    {
        Key
        {
            requireNonNull(table, "table is null");
            requireNonNull(predicate, "predicate is null");
        }
    }

    PlannedScans(int maxRanges)
    {
        checkArgument(maxRanges >= 0, "maxRanges is negative");
        this.maxRanges = maxRanges;
    }

    /** The kept plan, or the one {@code planner} makes now, kept when it fits the bound. */
    List<ScanTask> get(Key key, Supplier<List<ScanTask>> planner)
    {
        requireNonNull(key, "key is null");
        Optional<List<ScanTask>> kept = lookup(key);
        if (kept.isPresent()) {
            return kept.get();
        }
        // planned outside the lock: two scans planning the same key at once both plan, which is harmless
        List<ScanTask> plan = List.copyOf(planner.get());
        keep(key, plan);
        return plan;
    }

    private synchronized Optional<List<ScanTask>> lookup(Key key)
    {
        return Optional.ofNullable(plans.get(key));
    }

    private synchronized void keep(Key key, List<ScanTask> plan)
    {
        if (plan.size() > maxRanges || plans.containsKey(key)) {
            return;
        }
        plans.put(key, plan);
        ranges += plan.size();
        var eldest = plans.entrySet().iterator();
        while (ranges > maxRanges && eldest.hasNext()) {
            ranges -= eldest.next().getValue().size();
            eldest.remove();
        }
    }
}
