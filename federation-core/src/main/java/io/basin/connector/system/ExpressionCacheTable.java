package io.basin.connector.system;

import io.basin.execution.expression.CacheStatistics;
import io.basin.execution.expression.CompiledExpressionCache;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.type.Type;

import java.util.List;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static java.util.Objects.requireNonNull;

/**
 * {@code system.runtime.expression_cache}: how often compiled filter/projection classes were
 * reused (the JVM analogue of Redshift's compilation cache).
 */
public final class ExpressionCacheTable
        implements SystemTable
{
    private static final List<ColumnMetadata> COLUMNS = List.of(
            new ColumnMetadata("hits", BIGINT),
            new ColumnMetadata("misses", BIGINT),
            new ColumnMetadata("hit_rate", DOUBLE),
            new ColumnMetadata("cached_classes", BIGINT),
            new ColumnMetadata("maximum_classes", BIGINT),
            new ColumnMetadata("evictions", BIGINT),
            new ColumnMetadata("compile_time_ms", DOUBLE));

    private final CompiledExpressionCache cache;

    public ExpressionCacheTable(CompiledExpressionCache cache)
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
        return "expression_cache";
    }

    @Override
    public List<ColumnMetadata> columns()
    {
        return COLUMNS;
    }

    @Override
    public Page rows()
    {
        CacheStatistics statistics = cache.statistics();
        PageBuilder page = new PageBuilder(COLUMNS.stream().map(ColumnMetadata::getType).toList());
        page.declarePosition();
        long lookups = statistics.hits() + statistics.misses();
        List<Type> types = COLUMNS.stream().map(ColumnMetadata::getType).toList();
        types.get(0).writeLong(page.getBlockBuilder(0), statistics.hits());
        types.get(1).writeLong(page.getBlockBuilder(1), statistics.misses());
        types.get(2).writeDouble(page.getBlockBuilder(2), lookups == 0 ? 0 : statistics.hits() / (double) lookups);
        types.get(3).writeLong(page.getBlockBuilder(3), statistics.size());
        types.get(4).writeLong(page.getBlockBuilder(4), statistics.maximumSize());
        types.get(5).writeLong(page.getBlockBuilder(5), statistics.evictions());
        types.get(6).writeDouble(page.getBlockBuilder(6), statistics.compileTimeNanos() / 1e6);
        return page.build();
    }
}
