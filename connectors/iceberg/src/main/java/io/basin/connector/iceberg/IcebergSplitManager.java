package io.basin.connector.iceberg;

import io.basin.spectrum.IcebergTypes;
import io.basin.spectrum.DeleteFileRef;
import io.basin.spectrum.ScanColumn;
import io.basin.spectrum.ScanTask;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.FixedSplitSource;
import io.trino.spi.metrics.Metrics;
import io.trino.plugin.base.metrics.LongCount;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SchemaParser;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.PriorityQueue;
import java.util.function.Function;

import static io.basin.spectrum.SpectrumErrorCode.describe;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_CATALOG_ERROR;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_CORRUPT_FILE;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_NOT_SUPPORTED;
import static java.util.Objects.requireNonNull;

/**
 * Plans a scan with Iceberg (manifests pruned by the pushed predicate), cuts the files into ranges
 * at row-group boundaries, and deals the ranges out to one split per scan worker, biggest first to
 * the least loaded, so the workers finish together. Plans are kept for the next scan of the same
 * snapshot and predicate ({@link PlannedScans}).
 */
final class IcebergSplitManager
        implements ConnectorSplitManager
{
    private static final long TARGET_RANGE_BYTES = 32L << 20;
    // ranges of recent plans kept for the next scans of the same snapshot and predicate
    private static final int PLANNED_RANGES_KEPT = 100_000;

    private final Function<ConnectorTransactionHandle, IcebergMetadata> metadata;
    private final int workers;
    private final PlannedScans plannedScans = new PlannedScans(PLANNED_RANGES_KEPT);

    IcebergSplitManager(Function<ConnectorTransactionHandle, IcebergMetadata> metadata, int workers)
    {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.workers = workers;
    }

    @Override
    public ConnectorSplitSource getSplits(
            ConnectorTransactionHandle transaction,
            ConnectorSession session,
            ConnectorTableHandle tableHandle,
            DynamicFilter dynamicFilter,
            Constraint constraint)
    {
        if (tableHandle instanceof IcebergMetadataTableHandle || tableHandle instanceof ScanSummaryTable.Handle) {
            return new FixedSplitSource(List.of(IcebergMetadataSplit.INSTANCE));
        }
        IcebergTableHandle handle = (IcebergTableHandle) tableHandle;
        if (handle.aggregation().flatMap(IcebergAggregation::metadataAnswer).isPresent()) {
            // answered from metadata when the aggregation was pushed: one row, no file to read
            return new FixedSplitSource(List.of(IcebergMetadataSplit.INSTANCE));
        }
        if (handle.snapshotId().isEmpty() || handle.predicate().isNone()) {
            return new FixedSplitSource(List.of());
        }
        Table table = metadata.apply(transaction).load(handle.name());
        long snapshotId = handle.snapshotId().get();
        PlannedScans.Key key = new PlannedScans.Key(identity(table), snapshotId, table.schema().schemaId(), handle.predicate());
        List<ScanTask> tasks = plannedScans.get(key, () -> plan(table, handle, snapshotId));
        Metrics metrics = snapshotDataFiles(table, snapshotId)
                .map(files -> new Metrics(Map.of("files in snapshot", new LongCount(files))))
                .orElse(Metrics.EMPTY);
        return new FixedSplitSource(balance(tasks, workers))
        {
            @Override
            public Metrics getMetrics()
            {
                return metrics;
            }
        };
    }

    /** The table's location and UUID (tables written before Iceberg recorded UUIDs have none: the location alone). */
    static String identity(Table table)
    {
        String uuid = table instanceof HasTableOperations operations ? operations.operations().current().uuid() : null;
        return uuid == null ? table.location() : table.location() + "#" + uuid;
    }

    /** Iceberg's plan of the scan (manifests and files pruned by the predicate) cut into ranges. */
    private static List<ScanTask> plan(Table table, IcebergTableHandle handle, long snapshotId)
    {
        TableScan scan = table.newScan()
                .useSnapshot(snapshotId)
                .filter(IcebergExpressions.toIceberg(handle.predicate()));
        List<ScanTask> tasks = new ArrayList<>();
        try (CloseableIterable<FileScanTask> files = scan.planFiles()) {
            Schema schema = table.schema();
            for (FileScanTask file : files) {
                List<DeleteFileRef> deletes = file.deletes().stream().map(delete -> deleteRef(handle, schema, delete)).toList();
                for (FileScanTask range : file.split(TARGET_RANGE_BYTES)) {
                    tasks.add(new ScanTask(
                            range.file().location(),
                            range.file().format(),
                            range.start(),
                            range.length(),
                            range.file().fileSizeInBytes(),
                            range.file().recordCount(),
                            deletes));
                }
            }
        }
        catch (IOException e) {
            throw new TrinoException(LAKE_CATALOG_ERROR, "Cannot plan the scan of %s: %s".formatted(handle.name(), describe(e)), e);
        }
        return tasks;
    }

    /** The data files of the snapshot as its summary counts them, before any pruning: what a scan's planned files are a part of. */
    private static Optional<Long> snapshotDataFiles(Table table, long snapshotId)
    {
        return Optional.ofNullable(table.snapshot(snapshotId))
                .map(snapshot -> snapshot.summary().get("total-data-files"))
                .map(Long::parseLong);
    }

    private static DeleteFileRef deleteRef(IcebergTableHandle handle, Schema schema, DeleteFile delete)
    {
        return switch (delete.content()) {
            // a v3 deletion vector is a position delete of one data file, held in a blob of a Puffin file
            case POSITION_DELETES -> delete.format() == FileFormat.PUFFIN
                    ? deletionVectorRef(handle, delete)
                    : new DeleteFileRef(delete.location(), delete.format(), delete.fileSizeInBytes(), DeleteFileRef.Kind.POSITION, List.of(), Optional.empty());
            case EQUALITY_DELETES -> {
                List<ScanColumn> columns = new ArrayList<>();
                for (int fieldId : delete.equalityFieldIds()) {
                    Types.NestedField field = schema.findField(fieldId);
                    if (field == null) {
                        throw new TrinoException(LAKE_NOT_SUPPORTED, "Cannot read %s: equality delete file %s uses field %d, which the table schema no longer has".formatted(handle.name(), delete.location(), fieldId));
                    }
                    columns.add(new ScanColumn(fieldId, field.name(), IcebergTypes.toTrino(field.type())));
                }
                Schema equalitySchema = TypeUtil.select(schema, Set.copyOf(delete.equalityFieldIds()));
                yield new DeleteFileRef(delete.location(), delete.format(), delete.fileSizeInBytes(), DeleteFileRef.Kind.EQUALITY, columns, Optional.of(SchemaParser.toJson(equalitySchema)));
            }
            default -> throw new TrinoException(LAKE_NOT_SUPPORTED, "Cannot read %s: delete file %s holds %s".formatted(handle.name(), delete.location(), delete.content()));
        };
    }

    private static DeleteFileRef deletionVectorRef(IcebergTableHandle handle, DeleteFile delete)
    {
        if (delete.referencedDataFile() == null || delete.contentOffset() == null || delete.contentSizeInBytes() == null) {
            throw new TrinoException(LAKE_CORRUPT_FILE, "Cannot read %s: deletion vector file %s lacks its referenced data file or blob range in the table metadata".formatted(handle.name(), delete.location()));
        }
        return DeleteFileRef.deletionVector(delete.location(), delete.fileSizeInBytes(), new DeleteFileRef.DeletionVector(
                delete.referencedDataFile(), delete.contentOffset(), delete.contentSizeInBytes(), delete.recordCount()));
    }

    /** Longest ranges first, each to the currently lightest split. */
    static List<ConnectorSplit> balance(List<ScanTask> tasks, int splitCount)
    {
        int count = Math.min(splitCount, tasks.size());
        if (count == 0) {
            return List.of();
        }
        List<List<ScanTask>> shares = new ArrayList<>();
        PriorityQueue<long[]> loads = new PriorityQueue<>(Comparator.<long[]>comparingLong(load -> load[0]).thenComparingLong(load -> load[1]));
        for (int i = 0; i < count; i++) {
            shares.add(new ArrayList<>());
            loads.add(new long[] {0, i});
        }
        List<ScanTask> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparingLong(ScanTask::length).reversed());
        for (ScanTask task : sorted) {
            long[] lightest = loads.poll();
            shares.get((int) lightest[1]).add(task);
            lightest[0] += task.length();
            loads.add(lightest);
        }
        return shares.stream().<ConnectorSplit>map(IcebergSplit::new).toList();
    }
}
