package io.basin.spectrum;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.DictionaryBlock;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a worker does with a task's decoded pages before handing them back: keeps the rows the
 * predicate accepts, then either drops the columns read only for the predicate or feeds the rows
 * to a partial aggregation whose result is the task's only page.
 */
final class ProcessedTaskReader
        implements TaskReader
{
    private final TaskReader source;
    private final RowFilter filter;
    private final int outputColumns;
    private final Optional<PartialAggregator> aggregator;
    private final ScanCounters counters;
    private int[] positions = new int[0];
    private boolean done;

    /**
     * @param source reads the output columns followed by the columns only the predicate needs
     * @param outputColumns how many of the source's leading columns are returned (or aggregated)
     */
    ProcessedTaskReader(TaskReader source, RowFilter filter, int outputColumns, Optional<PartialAggregator> aggregator, ScanCounters counters)
    {
        this.source = requireNonNull(source, "source is null");
        this.filter = requireNonNull(filter, "filter is null");
        this.outputColumns = outputColumns;
        this.aggregator = requireNonNull(aggregator, "aggregator is null");
        this.counters = requireNonNull(counters, "counters is null");
    }

    static List<ScanColumn> withPredicateColumns(ScanRequest request)
    {
        List<ScanColumn> columns = new java.util.ArrayList<>(request.columns());
        request.predicate().getDomains().ifPresent(domains -> domains.keySet().forEach(column -> {
            if (columns.stream().noneMatch(existing -> existing.fieldId() == column.fieldId())) {
                columns.add(column);
            }
        }));
        return columns;
    }

    @Override
    public Page nextPage()
            throws IOException
    {
        while (!done) {
            Page page = source.nextPage();
            if (page == null) {
                done = true;
                if (aggregator.isPresent()) {
                    Page result = aggregator.get().result();
                    if (result != null) {
                        counters.addRowsReturned(result.getPositionCount());
                    }
                    return result;
                }
                return null;
            }
            int positionCount = page.getPositionCount();
            if (positions.length < positionCount) {
                positions = new int[positionCount];
            }
            int kept = filter.filter(page, positions);
            if (aggregator.isPresent()) {
                aggregator.get().add(page, positions, kept);
                continue;
            }
            if (kept == 0) {
                continue;
            }
            Page output = project(page);
            if (kept < positionCount) {
                output = keep(output, positions, kept);
            }
            counters.addRowsReturned(kept);
            return output;
        }
        return null;
    }

    /**
     * The kept rows: flat blocks are copied (the engine reads them faster than position views),
     * dictionary blocks keep their dictionary with the kept ids, so the engine still evaluates
     * per dictionary entry and no per-page dictionary is rebuilt.
     */
    private static Page keep(Page page, int[] positions, int count)
    {
        Block[] blocks = new Block[page.getChannelCount()];
        for (int i = 0; i < blocks.length; i++) {
            Block block = page.getBlock(i);
            blocks[i] = block instanceof DictionaryBlock
                    ? block.getPositions(positions, 0, count)
                    : block.copyPositions(positions, 0, count);
        }
        return new Page(count, blocks);
    }

    private Page project(Page page)
    {
        if (page.getChannelCount() == outputColumns) {
            return page;
        }
        Block[] blocks = new Block[outputColumns];
        for (int i = 0; i < outputColumns; i++) {
            blocks[i] = page.getBlock(i);
        }
        return new Page(page.getPositionCount(), blocks);
    }

    @Override
    public void close()
            throws IOException
    {
        source.close();
    }
}
