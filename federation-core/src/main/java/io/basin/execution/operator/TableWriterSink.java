package io.basin.execution.operator;

import io.basin.connector.TableWriter;
import io.basin.execution.QueryContext;
import io.basin.execution.driver.DriverContext;
import io.trino.spi.Page;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.BigintType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Writes pipeline output through a connector page sink per driver. The rows become visible only
 * when the statement's transaction commits; the source side yields one row: the row count.
 */
public final class TableWriterSink
        implements Sink, Source
{
    private final TableWriter writer;
    private final String description;
    private long rows = -1;

    public TableWriterSink(TableWriter writer, String description)
    {
        this.writer = requireNonNull(writer, "writer is null");
        this.description = requireNonNull(description, "description is null");
    }

    @Override
    public SinkOperator createSinkOperator(DriverContext driverContext)
    {
        TableWriter.Sink sink = writer.createSink();
        return new SinkOperator()
        {
            @Override
            public void addInput(Page page)
            {
                sink.accept(page);
            }

            @Override
            public void finish()
            {
                sink.finish();
            }
        };
    }

    @Override
    public synchronized void finishSink()
    {
        writer.commit();
        rows = writer.writtenRows();
    }

    public void abort()
    {
        writer.abort();
    }

    @Override
    public synchronized List<PageSupplier> createPartitions(QueryContext queryContext)
    {
        BlockBuilder builder = BigintType.BIGINT.createBlockBuilder(null, 1);
        BigintType.BIGINT.writeLong(builder, rows);
        return new ValuesSource(List.of(new Page(builder.build())), description).createPartitions(queryContext);
    }

    @Override
    public String describe()
    {
        return description;
    }
}
