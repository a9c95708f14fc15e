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
    private final AtomicInteger activeDrivers = new AtomicInteger();
    private final FullJoinState fullJoinState = new FullJoinState();

    public LookupJoinOperatorFactory(Mode mode, HashBuildSink build, List<Type> probeTypes, List<Integer> probeKeyChannels, boolean buildOutputFirst, Optional<Supplier<JoinFilter>> filter)
    {
        this.mode = requireNonNull(mode, "mode is null");
        this.build = requireNonNull(build, "build is null");
        this.probeTypes = List.copyOf(probeTypes);
        this.probeKeyChannels = List.copyOf(probeKeyChannels);
        this.buildOutputFirst = buildOutputFirst;
        this.filter = requireNonNull(filter, "filter is null");
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
        activeDrivers.incrementAndGet();
        return new LookupJoinOperator(this, build.table(), filter.map(Supplier::get));
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

    /** Called by each driver's operator when it finishes; true for the last one. */
    boolean driverFinished(boolean[] visited)
    {
        if (visited != null) {
            fullJoinState.merge(visited);
        }
        return activeDrivers.decrementAndGet() == 0;
    }

    boolean[] visitedBuildRows()
    {
        return fullJoinState.visited;
    }

    private static final class FullJoinState
    {
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
        return "LookupJoin[" + mode + ", probeKeys=" + probeKeyChannels + (filter.isPresent() ? ", filtered" : "") + "]";
    }
}
