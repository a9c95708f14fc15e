package io.basin.connector.iceberg;

import io.basin.spectrum.ScanColumn;
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
import io.trino.spi.predicate.TupleDomain;

import java.util.List;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/** Hands a split's file ranges to the scan fleet and streams back the decoded pages. */
final class IcebergPageSourceProvider
        implements ConnectorPageSourceProvider
{
    private final LakeCatalog lake;
    private final ScanService fleet;
    private final ScanCounters counters;
    private final Function<ConnectorTransactionHandle, IcebergMetadata> metadata;

    IcebergPageSourceProvider(LakeCatalog lake, ScanService fleet, ScanCounters counters, Function<ConnectorTransactionHandle, IcebergMetadata> metadata)
    {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.lake = requireNonNull(lake, "lake is null");
        this.fleet = requireNonNull(fleet, "fleet is null");
        this.counters = requireNonNull(counters, "counters is null");
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
        IcebergTableHandle handle = (IcebergTableHandle) table;
        List<ScanColumn> scanColumns = columns.stream()
                .map(IcebergColumnHandle.class::cast)
                .map(IcebergColumnHandle::toScanColumn)
                .toList();
        TupleDomain<ScanColumn> predicate = handle.predicate()
                .intersect(dynamicFilter.getCurrentPredicate().transformKeys(IcebergColumnHandle.class::cast))
                .transformKeys(IcebergColumnHandle::toScanColumn);
        ScanRequest request = new ScanRequest(((IcebergSplit) split).tasks(), scanColumns, predicate);
        return new IcebergPageSource(fleet.scan(request, lake.fileIO(), 1, counters));
    }
}
