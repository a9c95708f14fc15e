package io.basin.execution.operator;

import io.basin.execution.QueryContext;
import io.trino.spi.Page;

import java.util.ArrayList;
import java.util.List;

/** Fixed pages (VALUES, or a materialized intermediate result), one partition per page. */
public final class ValuesSource
        implements Source
{
    private final List<Page> pages;
    private final String description;

    public ValuesSource(List<Page> pages, String description)
    {
        this.pages = List.copyOf(pages);
        this.description = description;
    }

    @Override
    public List<PageSupplier> createPartitions(QueryContext queryContext)
    {
        List<PageSupplier> partitions = new ArrayList<>();
        for (Page page : pages) {
            partitions.add(new PageSupplier()
            {
                private boolean done;

                @Override
                public Page next()
                {
                    if (done) {
                        return null;
                    }
                    done = true;
                    return page;
                }
            });
        }
        return partitions;
    }

    @Override
    public String describe()
    {
        return description;
    }
}
