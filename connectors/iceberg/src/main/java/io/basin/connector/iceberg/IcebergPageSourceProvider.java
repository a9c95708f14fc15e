package io.basin.connector.iceberg;

import io.basin.spectrum.ColumnComparison;
import io.basin.spectrum.PartialAggregation;
import io.basin.spectrum.ScanColumn;
import io.basin.spectrum.ScanTask;
import io.trino.spi.PageBuilder;
import io.basin.spectrum.ScanCounters;
import io.basin.spectrum.ScanRequest;
import io.basin.spectrum.ScanService;
import io.trino.spi.Page;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.FixedPageSource;
import io.trino.spi.metrics.Metrics;
import io.trino.spi.predicate.TupleDomain;
import io.trino.plugin.base.metrics.LongCount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import static io.trino.spi.type.TypeUtils.writeNativeValue;
import static java.util.Objects.requireNonNull;

/** Hands a split's file ranges to the scan fleet and streams back the decoded pages. */
final class IcebergPageSourceProvider
        implements ConnectorPageSourceProvider
{
    private final LakeCatalog lake;
    private final ScanService fleet;
    private final ScanSummaries summaries;
    private final Function<ConnectorTransactionHandle, IcebergMetadata> metadata;

    IcebergPageSourceProvider(LakeCatalog lake, ScanService fleet, ScanSummaries summaries, Function<ConnectorTransactionHandle, IcebergMetadata> metadata)
    {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.lake = requireNonNull(lake, "lake is null");
        this.fleet = requireNonNull(fleet, "fleet is null");
        this.summaries = requireNonNull(summaries, "summaries is null");
    }

    @Override
    public ConnectorPageSource createPageSource(
            ConnectorTransactionHandle transaction,
            ConnectorSession session,
            ConnectorSplit split,
            ConnectorTableHandle table,
            List<ColumnHandle> columns,
            DynamicFilter dynamicFilter)
    {
        if (table instanceof IcebergMetadataTableHandle metadataTable) {
            List<IcebergColumnHandle> requested = columns.stream().map(IcebergColumnHandle.class::cast).toList();
            Page rows = metadataTable.table().rows(metadata.apply(transaction).load(metadataTable.base()), metadataTable.snapshotId(), requested);
            return new FixedPageSource(List.of(rows));
        }
        if (table instanceof ScanSummaryTable.Handle) {
            return new FixedPageSource(List.of(ScanSummaryTable.page(summaries, columns.stream().map(IcebergColumnHandle.class::cast).toList())));
        }
        IcebergTableHandle handle = (IcebergTableHandle) table;
        // the engine's dynamic filter (the keys of joins above this scan) goes to the workers with
        // the pushed predicate; only over table columns, not the results of a pushed aggregation
        TupleDomain<ScanColumn> predicate = handle.predicate()
                .intersect(dynamicFilter.getCurrentPredicate()
                        .filter((column, _) -> column instanceof IcebergColumnHandle)
                        .transformKeys(IcebergColumnHandle.class::cast))
                .transformKeys(IcebergColumnHandle::toScanColumn);
        if (handle.aggregation().isPresent()) {
            return aggregationPageSource(session, split, handle, handle.aggregation().get(), columns, predicate);
        }
        List<ScanColumn> scanColumns = columns.stream()
                .map(IcebergColumnHandle.class::cast)
                .map(IcebergColumnHandle::toScanColumn)
                .toList();
        List<ScanTask> tasks = tasks(split, predicate);
        ScanRequest request = new ScanRequest(tasks, scanColumns, predicate, comparisons(handle), Optional.empty());
        long files = fileCount(tasks);
        ScanCounters queryCounters = summaries.begin(session.getQueryId(), handle.name(), files, false);
        return new IcebergPageSource(fleet.scan(request, lake.fileIO(), 1, queryCounters), queryCounters, files);
    }

    /** The split's tasks; none when the predicate accepts no row (a join above whose build side is empty). */
    private static List<ScanTask> tasks(ConnectorSplit split, TupleDomain<ScanColumn> predicate)
    {
        return predicate.isNone() ? List.of() : ((IcebergSplit) split).tasks();
    }

    /**
     * The pushed aggregation's results: the metadata answer's one row, or the partial results the
     * workers compute ({@link PartialAggregation}: grouping columns, then one column per aggregate),
     * with the columns in the order the engine asks for them.
     */
    private ConnectorPageSource aggregationPageSource(ConnectorSession session, ConnectorSplit split, IcebergTableHandle handle, IcebergAggregation aggregation, List<ColumnHandle> columns, TupleDomain<ScanColumn> predicate)
    {
        int[] channels = new int[columns.size()];
        for (int i = 0; i < channels.length; i++) {
            ColumnHandle column = columns.get(i);
            int channel = column instanceof IcebergAggregateColumnHandle aggregate
                    ? aggregation.groupingColumns().size() + aggregation.aggregates().indexOf(aggregate)
                    : aggregation.groupingColumns().indexOf(column);
            if (channel < 0 || channel < aggregation.groupingColumns().size() && column instanceof IcebergAggregateColumnHandle) {
                throw new IllegalArgumentException("Column %s is not a result of the aggregation pushed into %s".formatted(column, handle.name()));
            }
            channels[i] = channel;
        }
        if (aggregation.metadataAnswer().isPresent()) {
            summaries.begin(session.getQueryId(), handle.name(), aggregation.metadataFiles(), true);
            List<Object> values = aggregation.metadataAnswer().get();
            List<io.trino.spi.type.Type> types = aggregation.aggregates().stream().map(IcebergAggregateColumnHandle::type).toList();
            PageBuilder builder = new PageBuilder(1, types);
            builder.declarePosition();
            for (int i = 0; i < values.size(); i++) {
                writeNativeValue(types.get(i), builder.getBlockBuilder(i), values.get(i));
            }
            Metrics metrics = new Metrics(Map.of("files answered from metadata", new LongCount(aggregation.metadataFiles())));
            return new FixedPageSource(List.of(builder.build().getColumns(channels)))
            {
                @Override
                public Metrics getMetrics()
                {
                    return metrics;
                }
            };
        }
        // the workers read the grouping columns and the aggregated columns, each once
        List<IcebergColumnHandle> inputs = new ArrayList<>(aggregation.groupingColumns());
        for (IcebergAggregateColumnHandle aggregate : aggregation.aggregates()) {
            aggregate.argument().filter(argument -> !inputs.contains(argument)).ifPresent(inputs::add);
            aggregate.expressionColumns().stream().filter(column -> !inputs.contains(column)).forEach(inputs::add);
        }
        List<Integer> groupingChannels = new ArrayList<>();
        for (int i = 0; i < aggregation.groupingColumns().size(); i++) {
            groupingChannels.add(i);
        }
        List<PartialAggregation.Aggregate> aggregates = aggregation.aggregates().stream()
                .map(aggregate -> new PartialAggregation.Aggregate(
                        aggregate.function(),
                        aggregate.argument().map(argument -> OptionalInt.of(inputs.indexOf(argument))).orElse(OptionalInt.empty()),
                        aggregate.expression().map(expression -> expression.withChannels(channel -> inputs.indexOf(aggregate.expressionColumns().get(channel)))),
                        aggregate.type()))
                .toList();
        List<ScanTask> tasks = tasks(split, predicate);
        ScanRequest request = new ScanRequest(
                tasks,
                inputs.stream().map(IcebergColumnHandle::toScanColumn).toList(),
                predicate,
                comparisons(handle),
                Optional.of(new PartialAggregation(groupingChannels, aggregates)));
        long files = fileCount(tasks);
        ScanCounters queryCounters = summaries.begin(session.getQueryId(), handle.name(), files, false);
        return new IcebergPageSource(fleet.scan(request, lake.fileIO(), 1, queryCounters), queryCounters, files, channels);
    }

    private static List<ColumnComparison> comparisons(IcebergTableHandle handle)
    {
        return handle.comparisons().stream().map(IcebergColumnComparison::toScan).toList();
    }

    private static long fileCount(List<ScanTask> tasks)
    {
        return tasks.stream().map(ScanTask::path).distinct().count();
    }
}
