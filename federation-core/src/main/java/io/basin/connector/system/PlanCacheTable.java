package io.basin.connector.system;

import io.basin.sql.planner.QueryPlanCache;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.type.Type;

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
        implements SystemTable
{
    private static final List<ColumnMetadata> COLUMNS = List.of(
            new ColumnMetadata("hits", BIGINT),
            new ColumnMetadata("misses", BIGINT),
            new ColumnMetadata("hit_rate", DOUBLE),
            new ColumnMetadata("stale", BIGINT),
            new ColumnMetadata("invalidations", BIGINT),
            new ColumnMetadata("evictions", BIGINT),
            new ColumnMetadata("cached_plans", BIGINT),
            new ColumnMetadata("maximum_plans", BIGINT));
    private static final List<Type> TYPES = COLUMNS.stream().map(ColumnMetadata::getType).toList();

    private final QueryPlanCache cache;

    public PlanCacheTable(QueryPlanCache cache)
    {
        this.cache = requireNonNull(cache, "cache is null");
    }

    @Override
    public String schemaName()
    {
        return "runtime";
    }

    @Override
    public String tableName()
    {
        return "plan_cache";
    }

    @Override
    public List<ColumnMetadata> columns()
    {
        return COLUMNS;
    }

    @Override
    public Page rows()
    {
        QueryPlanCache.Statistics statistics = cache.statistics();
        PageBuilder page = new PageBuilder(TYPES);
        page.declarePosition();
        long lookups = statistics.hits() + statistics.misses();
        TYPES.get(0).writeLong(page.getBlockBuilder(0), statistics.hits());
        TYPES.get(1).writeLong(page.getBlockBuilder(1), statistics.misses());
        TYPES.get(2).writeDouble(page.getBlockBuilder(2), lookups == 0 ? 0 : statistics.hits() / (double) lookups);
        TYPES.get(3).writeLong(page.getBlockBuilder(3), statistics.stale());
        TYPES.get(4).writeLong(page.getBlockBuilder(4), statistics.invalidations());
        TYPES.get(5).writeLong(page.getBlockBuilder(5), statistics.evictions());
        TYPES.get(6).writeLong(page.getBlockBuilder(6), statistics.size());
        TYPES.get(7).writeLong(page.getBlockBuilder(7), statistics.maximumSize());
        return page.build();
    }
}
