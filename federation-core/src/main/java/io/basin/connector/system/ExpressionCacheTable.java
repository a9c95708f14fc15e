package io.basin.connector.system;

import io.basin.execution.expression.CacheStatistics;
import io.basin.execution.expression.CompiledExpressionCache;
import io.trino.spi.connector.ColumnMetadata;

import java.util.List;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static java.util.Objects.requireNonNull;

/**
 * {@code system.runtime.expression_cache}: how often compiled filter/projection classes were
 * reused (the JVM analogue of Redshift's compilation cache).
 */
public final class ExpressionCacheTable
        extends RuntimeCountersTable
{
    private final CompiledExpressionCache cache;

    public ExpressionCacheTable(CompiledExpressionCache cache)
    {
        super("expression_cache", List.of(
                new ColumnMetadata("hits", BIGINT),
                new ColumnMetadata("misses", BIGINT),
                new ColumnMetadata("hit_rate", DOUBLE),
                new ColumnMetadata("cached_classes", BIGINT),
                new ColumnMetadata("maximum_classes", BIGINT),
                new ColumnMetadata("evictions", BIGINT),
                new ColumnMetadata("compile_time_ms", DOUBLE)));
        this.cache = requireNonNull(cache, "cache is null");
    }

    @Override
    protected List<Number> values()
    {
        CacheStatistics statistics = cache.statistics();
        return List.of(statistics.hits(), statistics.misses(), hitRate(statistics.hits(), statistics.misses()), statistics.size(), statistics.maximumSize(),
                statistics.evictions(), statistics.compileTimeNanos() / 1e6);
    }
}
