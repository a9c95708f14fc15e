package io.basin.execution.operator;

import io.basin.execution.QueryContext;
import io.trino.spi.Page;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The work table of a recursive union: the rows its previous round added, read by the recursive
 * term's scan. The union sets it before it runs each round's pipelines, so the scan sees one
 * round's rows.
 */
public final class WorkTableSource
        implements Source
{
    private final String name;
    private volatile List<Page> pages = List.of();

    public WorkTableSource(String name)
    {
        this.name = requireNonNull(name, "name is null");
    }

    public void set(List<Page> pages)
    {
        this.pages = List.copyOf(pages);
    }

    @Override
    public List<PageSupplier> createPartitions(QueryContext queryContext)
    {
        // one partition per page, so the round's drivers share the work
        return pages.stream().<PageSupplier>map(page -> new PageSupplier()
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
        }).toList();
    }

    @Override
    public String describe()
    {
        return "WorkTable[" + name + "]";
    }
}
