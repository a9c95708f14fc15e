package io.basin.connector.iceberg;

import io.basin.spectrum.ScanTask;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.TupleDomain;
import org.apache.iceberg.FileFormat;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static io.trino.spi.type.BigintType.BIGINT;
import static org.assertj.core.api.Assertions.assertThat;

/** Which plans are kept, for which scans, and which go when the bound is reached. */
class TestPlannedScans
{
    private static final IcebergColumnHandle KEY = new IcebergColumnHandle(1, "k", BIGINT, true);

    @Test
    void testPlanIsKeptPerTableSnapshotSchemaAndPredicate()
    {
        PlannedScans plans = new PlannedScans(100);
        AtomicInteger planned = new AtomicInteger();
        PlannedScans.Key key = key("t#uuid-1", 7, TupleDomain.all());
        List<ScanTask> first = plans.get(key, planner(planned, 2));
        assertThat(plans.get(key, planner(planned, 2))).isEqualTo(first);
        assertThat(planned).hasValue(1);

        // another snapshot, schema, predicate or table (same name created again) is planned anew
        plans.get(key("t#uuid-1", 8, TupleDomain.all()), planner(planned, 2));
        plans.get(new PlannedScans.Key("t#uuid-1", 7, 1, TupleDomain.all()), planner(planned, 2));
        plans.get(key("t#uuid-1", 7, TupleDomain.withColumnDomains(Map.of(KEY, Domain.singleValue(BIGINT, 5L)))), planner(planned, 2));
        plans.get(key("t#uuid-2", 7, TupleDomain.all()), planner(planned, 2));
        assertThat(planned).hasValue(5);
    }

    @Test
    void testLeastRecentlyUsedPlansGoBeyondTheBound()
    {
        PlannedScans plans = new PlannedScans(5);
        AtomicInteger planned = new AtomicInteger();
        PlannedScans.Key a = key("a", 1, TupleDomain.all());
        PlannedScans.Key b = key("b", 1, TupleDomain.all());
        PlannedScans.Key c = key("c", 1, TupleDomain.all());
        plans.get(a, planner(planned, 2));
        plans.get(b, planner(planned, 2));
        plans.get(a, planner(planned, 2));
        // c makes 6 ranges: b, used least recently, goes
        plans.get(c, planner(planned, 2));
        assertThat(planned).hasValue(3);
        plans.get(a, planner(planned, 2));
        plans.get(c, planner(planned, 2));
        assertThat(planned).hasValue(3);
        plans.get(b, planner(planned, 2));
        assertThat(planned).hasValue(4);

        // a plan larger than the bound is returned but not kept
        PlannedScans.Key big = key("big", 1, TupleDomain.all());
        assertThat(plans.get(big, planner(planned, 6))).hasSize(6);
        plans.get(big, planner(planned, 6));
        assertThat(planned).hasValue(6);
    }

    private static PlannedScans.Key key(String table, long snapshotId, TupleDomain<IcebergColumnHandle> predicate)
    {
        return new PlannedScans.Key(table, snapshotId, 0, predicate);
    }

    private static Supplier<List<ScanTask>> planner(AtomicInteger planned, int ranges)
    {
        return () -> {
            int plan = planned.incrementAndGet();
            return java.util.stream.IntStream.range(0, ranges)
                    .mapToObj(range -> new ScanTask("file:/plan-%d/%d.parquet".formatted(plan, range), FileFormat.PARQUET, 0, 100, 100, 10))
                    .toList();
        };
    }
}
