package io.basin.execution.operator.join;

import io.basin.execution.driver.DriverContext;
import io.basin.execution.operator.Operator;
import io.basin.execution.operator.OperatorFactory;
import io.basin.plan.JoinNode;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Probes a {@link HashBuildSink}'s table with each page of the probe side.
 *
 * <p>Join types are reduced to the probe's point of view: INNER; PROBE_OUTER (LEFT with the left
 * side probing, or RIGHT with the right side probing); FULL (probe outer plus the unmatched build
 * rows, emitted by the last driver to finish); SEMI and ANTI (probe rows with / without a match);
 * BUILD_SEMI and BUILD_ANTI (build rows with / without a match); BUILD_OUTER (an outer join whose
 * outer side is the small build side: pairs as INNER, then the unmatched build rows).
 *
 * <p>A co-located join's build has a table per bucket: each driver then probes with one operator
 * per bucket, each bound to its bucket's table, switching as the driver moves from one bucket's
 * partition to the next, and the build rows each bucket's operators did not match are tracked
 * and emitted per bucket.
 */
public final class LookupJoinOperatorFactory
        implements OperatorFactory
{
    /**
     * BUILD_SEMI and BUILD_ANTI are semi and anti joins whose kept side is the (small) build side:
     * probing marks build rows, and the last driver emits the marked (or unmarked) ones.
     */
    public enum Mode
    {
        INNER, PROBE_OUTER, FULL, SEMI, ANTI, BUILD_SEMI, BUILD_ANTI, BUILD_OUTER;

        boolean tracksBuildRows()
        {
            return this == FULL || this == BUILD_SEMI || this == BUILD_ANTI || this == BUILD_OUTER;
        }
    }

    private final Mode mode;
    private final HashBuildSink build;
    private final List<Type> probeTypes;
    private final List<Integer> probeKeyChannels;
    private final boolean buildOutputFirst;
    private final Optional<Supplier<JoinFilter>> filter;
    private final List<BuildRowsState> buckets;
    private final boolean probeRowViews;
    private final boolean buildRowViews;

    /**
     * @param probeRowViews whether the probe's pages may hold row views (a filter right under the
     *         join made with {@link io.basin.execution.expression.PageProcessorFactory#withRowViews})
     * @param buildRowViews whether the joined rows' build columns leave as row views of the build
     *         side's blocks instead of copies (for a consumer that reads each row once and keeps no
     *         page: an aggregation)
     */
    public LookupJoinOperatorFactory(Mode mode, HashBuildSink build, List<Type> probeTypes, List<Integer> probeKeyChannels, boolean buildOutputFirst, Optional<Supplier<JoinFilter>> filter, boolean probeRowViews, boolean buildRowViews)
    {
        this.probeRowViews = probeRowViews;
        this.buildRowViews = buildRowViews;
        this.mode = requireNonNull(mode, "mode is null");
        this.build = requireNonNull(build, "build is null");
        this.probeTypes = List.copyOf(probeTypes);
        this.probeKeyChannels = List.copyOf(probeKeyChannels);
        this.buildOutputFirst = buildOutputFirst;
        this.filter = requireNonNull(filter, "filter is null");
        this.buckets = java.util.stream.IntStream.range(0, build.bucketCount()).mapToObj(_ -> new BuildRowsState()).toList();
    }

    public static Mode mode(JoinNode.Type type)
    {
        return switch (type) {
            case INNER -> Mode.INNER;
            case LEFT, RIGHT -> Mode.PROBE_OUTER;
            case FULL -> Mode.FULL;
            case SEMI -> Mode.SEMI;
            case ANTI -> Mode.ANTI;
        };
    }

    @Override
    public Operator createOperator(DriverContext driverContext)
    {
        if (buckets.size() == 1) {
            buckets.getFirst().activeDrivers.incrementAndGet();
            return new LookupJoinOperator(this, 0, build.table(0), filter.map(Supplier::get));
        }
        // every bucket's operator exists from the start, so a bucket's unmatched build rows wait for every driver
        LookupJoinOperator[] operators = new LookupJoinOperator[buckets.size()];
        for (int bucket = 0; bucket < operators.length; bucket++) {
            buckets.get(bucket).activeDrivers.incrementAndGet();
            operators[bucket] = new LookupJoinOperator(this, bucket, build.table(bucket), filter.map(Supplier::get));
        }
        return new BucketedLookupJoinOperator(operators);
    }

    boolean probeRowViews()
    {
        return probeRowViews;
    }

    boolean buildRowViews()
    {
        return buildRowViews;
    }

    Mode mode()
    {
        return mode;
    }

    List<Type> probeTypes()
    {
        return probeTypes;
    }

    int[] probeKeyChannels()
    {
        return probeKeyChannels.stream().mapToInt(Integer::intValue).toArray();
    }

    List<Type> buildTypes()
    {
        return build.types();
    }

    boolean buildOutputFirst()
    {
        return buildOutputFirst;
    }

    /** Called by each driver's operator of {@code bucket} when it finishes; true for the last one. */
    boolean driverFinished(int bucket, boolean[] visited)
    {
        BuildRowsState state = buckets.get(bucket);
        if (visited != null) {
            state.merge(visited);
        }
        return state.activeDrivers.decrementAndGet() == 0;
    }

    boolean[] visitedBuildRows(int bucket)
    {
        return buckets.get(bucket).visited;
    }

    /** The drivers still probing one bucket's table, and the table's rows any of them matched. */
    private static final class BuildRowsState
    {
        private final AtomicInteger activeDrivers = new AtomicInteger();
        private boolean[] visited;

        synchronized void merge(boolean[] driverVisited)
        {
            if (visited == null) {
                visited = driverVisited.clone();
                return;
            }
            for (int i = 0; i < visited.length; i++) {
                visited[i] |= driverVisited[i];
            }
        }
    }

    @Override
    public String describe()
    {
        return "LookupJoin[" + mode + ", probeKeys=" + probeKeyChannels + (filter.isPresent() ? ", filtered" : "")
                + (buckets.size() > 1 ? ", co-located by bucket" : "") + "]";
    }
}
