package io.basin.execution.operator;

import io.basin.execution.QueryContext;
import io.basin.execution.driver.DriverContext;
import io.basin.execution.memory.LocalMemoryContext;
import io.trino.spi.Page;

import java.util.ArrayList;
import java.util.List;

/**
 * Materializes a pipeline's output, keeping each driver's pages in arrival order. It is then a
 * source (one partition per driver run, so order within an ordered single-driver stream is
 * kept), or the final query result.
 */
public final class PageBufferSink
        implements Sink, Source
{
    private final String description;
    private final List<List<Page>> driverPages = new ArrayList<>();

    public PageBufferSink(String description)
    {
        this.description = description;
    }

    @Override
    public SinkOperator createSinkOperator(DriverContext driverContext)
    {
        List<Page> pages = new ArrayList<>();
        LocalMemoryContext memory = driverContext.newMemoryContext(description);
        synchronized (this) {
            driverPages.add(pages);
        }
        return new SinkOperator()
        {
            private long bytes;

            @Override
            public void addInput(Page page)
            {
                pages.add(page);
                bytes += page.getRetainedSizeInBytes();
                memory.setBytes(bytes);
            }

            @Override
            public void finish() {}
        };
    }

    @Override
    public void finishSink() {}

    public synchronized List<Page> pages()
    {
        List<Page> all = new ArrayList<>();
        driverPages.forEach(all::addAll);
        return all;
    }

    @Override
    public synchronized List<PageSupplier> createPartitions(QueryContext queryContext)
    {
        List<PageSupplier> partitions = new ArrayList<>();
        for (List<Page> pages : driverPages) {
            if (pages.isEmpty()) {
                continue;
            }
            partitions.add(new PageSupplier()
            {
                private int next;

                @Override
                public Page next()
                {
                    return next < pages.size() ? pages.get(next++) : null;
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
