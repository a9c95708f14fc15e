package io.basin.connector.system;

import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.type.Type;

import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A {@code system.runtime} table of one row: the counters of an engine component (a cache),
 * read when the table is scanned. Columns are bigint or double.
 */
abstract class RuntimeCountersTable
        implements SystemTable
{
    private final String name;
    private final List<ColumnMetadata> columns;
    private final List<Type> types;

    protected RuntimeCountersTable(String name, List<ColumnMetadata> columns)
    {
        this.name = requireNonNull(name, "name is null");
        this.columns = List.copyOf(columns);
        this.types = this.columns.stream().map(ColumnMetadata::getType).toList();
        checkArgument(types.stream().allMatch(type -> type.getJavaType() == long.class || type.getJavaType() == double.class), "counters are bigint or double");
    }

    /** The row's values in column order. */
    protected abstract List<Number> values();

    /** Hits over lookups; 0 before the first lookup. */
    protected static double hitRate(long hits, long misses)
    {
        long lookups = hits + misses;
        return lookups == 0 ? 0 : hits / (double) lookups;
    }

    @Override
    public final String schemaName()
    {
        return "runtime";
    }

    @Override
    public final String tableName()
    {
        return name;
    }

    @Override
    public final List<ColumnMetadata> columns()
    {
        return columns;
    }

    @Override
    public final Page rows()
    {
        List<Number> values = values();
        checkArgument(values.size() == types.size(), "%s values for %s columns", values.size(), types.size());
        PageBuilder page = new PageBuilder(types);
        page.declarePosition();
        for (int i = 0; i < types.size(); i++) {
            Type type = types.get(i);
            if (type.getJavaType() == long.class) {
                type.writeLong(page.getBlockBuilder(i), values.get(i).longValue());
            }
            else {
                type.writeDouble(page.getBlockBuilder(i), values.get(i).doubleValue());
            }
        }
        return page.build();
    }
}
