package io.basin.spectrum;

import io.trino.spi.Page;
import io.trino.spi.connector.SourcePage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * What a worker does with a task's decoded batches before handing them back: keeps the rows the
 * predicate and the column comparisons accept, then either drops the columns read only for the predicate or feeds the rows
 * to a partial aggregation whose result is the task's only page.
 *
 * <p>Late materialization: a batch's columns decode only when read, so the predicate's columns are
 * decoded first, and the other columns only of batches where some row survives, and then only
 * for the surviving rows.
 */
final class ProcessedTaskReader
        implements TaskReader
{
    private final TaskBatchReader source;
    private final RowFilter filter;
    private final int[] outputChannels;
    private final Optional<PartialAggregator> aggregator;
    private final ScanCounters counters;
    private int[] positions = new int[0];
    private boolean done;

    /**
     * @param source reads the output columns followed by the columns only the predicate needs
     * @param outputColumns how many of the source's leading columns are returned (or aggregated)
     */
    ProcessedTaskReader(TaskBatchReader source, RowFilter filter, int outputColumns, Optional<PartialAggregator> aggregator, ScanCounters counters)
    {
        this.source = requireNonNull(source, "source is null");
        this.filter = requireNonNull(filter, "filter is null");
        this.outputChannels = new int[outputColumns];
        for (int i = 0; i < outputColumns; i++) {
            outputChannels[i] = i;
        }
        this.aggregator = requireNonNull(aggregator, "aggregator is null");
        this.counters = requireNonNull(counters, "counters is null");
    }

    static List<ScanColumn> withPredicateColumns(ScanRequest request)
    {
        List<ScanColumn> columns = new ArrayList<>(request.columns());
        Consumer<ScanColumn> read = column -> {
            if (columns.stream().noneMatch(existing -> existing.fieldId() == column.fieldId())) {
                columns.add(column);
            }
        };
        request.predicate().getDomains().ifPresent(domains -> domains.keySet().forEach(read));
        for (ColumnComparison comparison : request.comparisons()) {
            read.accept(comparison.left());
            read.accept(comparison.right());
        }
        return columns;
    }

    @Override
    public Page nextPage()
            throws IOException
    {
        while (!done) {
            SourcePage batch = source.nextBatch();
            if (batch == null) {
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
            int positionCount = batch.getPositionCount();
            if (positions.length < positionCount) {
                positions = new int[positionCount];
            }
            // decodes only the predicate's columns, and stops at the first column no row passes
            int kept = filter.filter(batch, positions);
            if (kept == 0) {
                // the batch's other columns are never decoded
                continue;
            }
            if (aggregator.isPresent()) {
                // the aggregator reads the kept positions itself: narrowing the columns first would only copy them
                aggregator.get().add(batch.getColumns(outputChannels), positions, kept);
                continue;
            }
            if (kept < positionCount) {
                // the columns not decoded yet come back holding only the kept rows
                batch.selectPositions(positions, 0, kept);
            }
            counters.addRowsReturned(kept);
            return batch.getColumns(outputChannels);
        }
        return null;
    }

    @Override
    public void close()
            throws IOException
    {
        source.close();
    }
}
