package io.basin.connector.system;

import io.basin.sql.planner.QueryPlanCache;
import io.trino.spi.connector.ColumnMetadata;

import java.util.List;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static java.util.Objects.requireNonNull;

/**
 * {@code system.runtime.plan_cache}: how often a query's logical plan was reused from an earlier
 * run of the same text ({@code hits}) rather than planned ({@code misses}); {@code stale} counts
 * reuses refused because a table's columns had changed, {@code invalidations} the times a
 * statement emptied the cache.
 */
public final class PlanCacheTable
        extends RuntimeCountersTable
{
    private final QueryPlanCache cache;

    public PlanCacheTable(QueryPlanCache cache)
    {
        super("plan_cache", List.of(
                new ColumnMetadata("hits", BIGINT),
                new ColumnMetadata("misses", BIGINT),
                new ColumnMetadata("hit_rate", DOUBLE),
                new ColumnMetadata("stale", BIGINT),
                new ColumnMetadata("invalidations", BIGINT),
                new ColumnMetadata("evictions", BIGINT),
                new ColumnMetadata("cached_plans", BIGINT),
                new ColumnMetadata("maximum_plans", BIGINT)));
        this.cache = requireNonNull(cache, "cache is null");
    }

    @Override
    protected List<Number> values()
    {
        QueryPlanCache.Statistics statistics = cache.statistics();
        return List.of(statistics.hits(), statistics.misses(), hitRate(statistics.hits(), statistics.misses()), statistics.stale(), statistics.invalidations(),
                statistics.evictions(), statistics.size(), statistics.maximumSize());
    }
}
