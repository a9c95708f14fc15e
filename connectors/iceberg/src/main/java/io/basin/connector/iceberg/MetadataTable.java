package io.basin.connector.iceberg;

import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.block.BlockBuilder;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.airlift.slice.Slices.utf8Slice;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * The metadata tables of a lake table, named {@code "table$kind"} as in Trino: {@code $snapshots}
 * (the table's history), {@code $files} (the data and delete files of a snapshot) and
 * {@code $partitions} (a snapshot's data files grouped by partition: records, files, bytes).
 */
public enum MetadataTable
{
    SNAPSHOTS(List.of(
            new IcebergColumnHandle(1, "committed_at", TIMESTAMP_MICROS, false),
            new IcebergColumnHandle(2, "snapshot_id", BIGINT, false),
            new IcebergColumnHandle(3, "parent_id", BIGINT, true),
            new IcebergColumnHandle(4, "operation", VARCHAR, true),
            new IcebergColumnHandle(5, "manifest_list", VARCHAR, true),
            new IcebergColumnHandle(6, "summary", VARCHAR, true))),
    FILES(List.of(
            new IcebergColumnHandle(1, "content", INTEGER, false),
            new IcebergColumnHandle(2, "file_path", VARCHAR, false),
            new IcebergColumnHandle(3, "file_format", VARCHAR, false),
            new IcebergColumnHandle(4, "partition", VARCHAR, true),
            new IcebergColumnHandle(5, "record_count", BIGINT, false),
            new IcebergColumnHandle(6, "file_size_in_bytes", BIGINT, false))),
    PARTITIONS(List.of(
            new IcebergColumnHandle(1, "partition", VARCHAR, true),
            new IcebergColumnHandle(2, "spec_id", INTEGER, false),
            new IcebergColumnHandle(3, "record_count", BIGINT, false),
            new IcebergColumnHandle(4, "file_count", BIGINT, false),
            new IcebergColumnHandle(5, "total_size", BIGINT, false)));

    private final List<IcebergColumnHandle> columns;

    MetadataTable(List<IcebergColumnHandle> columns)
    {
        this.columns = columns;
    }

    List<IcebergColumnHandle> columns()
    {
        return columns;
    }

    String suffix()
    {
        return "$" + name().toLowerCase(Locale.ROOT);
    }

    static Optional<MetadataTable> fromSuffix(String suffix)
    {
        for (MetadataTable table : values()) {
            if (table.suffix().equals(suffix)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    /** All rows as one page, in {@link #columns()} order; then projected to the requested columns. */
    Page rows(Table table, Optional<Long> snapshotId, List<IcebergColumnHandle> requested)
    {
        PageBuilder builder = new PageBuilder(columns.stream().map(IcebergColumnHandle::type).toList());
        switch (this) {
            case SNAPSHOTS -> {
                for (Snapshot snapshot : table.snapshots()) {
                    builder.declarePosition();
                    TIMESTAMP_MICROS.writeLong(builder.getBlockBuilder(0), snapshot.timestampMillis() * 1000);
                    BIGINT.writeLong(builder.getBlockBuilder(1), snapshot.snapshotId());
                    writeLong(builder.getBlockBuilder(2), snapshot.parentId());
                    writeString(builder.getBlockBuilder(3), snapshot.operation());
                    writeString(builder.getBlockBuilder(4), snapshot.manifestListLocation());
                    Map<String, String> summary = new TreeMap<>(snapshot.summary());
                    writeString(builder.getBlockBuilder(5), summary.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", ", "{", "}")));
                }
            }
            case FILES -> {
                if (snapshotId.isPresent()) {
                    try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshotId.get()).planFiles()) {
                        // data files, then the delete files that apply to them (each once)
                        java.util.Set<String> deleteFiles = new java.util.HashSet<>();
                        for (FileScanTask task : tasks) {
                            List<org.apache.iceberg.ContentFile<?>> files = new java.util.ArrayList<>();
                            files.add(task.file());
                            task.deletes().stream().filter(delete -> deleteFiles.add(delete.location())).forEach(files::add);
                            for (org.apache.iceberg.ContentFile<?> file : files) {
                                builder.declarePosition();
                                INTEGER.writeLong(builder.getBlockBuilder(0), file.content().id());
                                VARCHAR.writeSlice(builder.getBlockBuilder(1), utf8Slice(file.location()));
                                VARCHAR.writeSlice(builder.getBlockBuilder(2), utf8Slice(file.format().name()));
                                org.apache.iceberg.PartitionSpec spec = table.specs().get(file.specId());
                                writeString(builder.getBlockBuilder(3), spec.isUnpartitioned() ? null : spec.partitionToPath(file.partition()));
                                BIGINT.writeLong(builder.getBlockBuilder(4), file.recordCount());
                                BIGINT.writeLong(builder.getBlockBuilder(5), file.fileSizeInBytes());
                            }
                        }
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            case PARTITIONS -> {
                if (snapshotId.isPresent()) {
                    // keyed by spec and partition path, so that partitions of evolved specs stay apart
                    Map<List<Object>, long[]> partitions = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
                    try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshotId.get()).planFiles()) {
                        for (FileScanTask task : tasks) {
                            String path = task.spec().isUnpartitioned() ? null : task.spec().partitionToPath(task.file().partition());
                            long[] totals = partitions.computeIfAbsent(java.util.Arrays.asList(task.spec().specId(), path), _ -> new long[3]);
                            totals[0] += task.file().recordCount();
                            totals[1]++;
                            totals[2] += task.file().fileSizeInBytes();
                        }
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    partitions.forEach((key, totals) -> {
                        builder.declarePosition();
                        writeString(builder.getBlockBuilder(0), (String) key.get(1));
                        INTEGER.writeLong(builder.getBlockBuilder(1), (Integer) key.get(0));
                        BIGINT.writeLong(builder.getBlockBuilder(2), totals[0]);
                        BIGINT.writeLong(builder.getBlockBuilder(3), totals[1]);
                        BIGINT.writeLong(builder.getBlockBuilder(4), totals[2]);
                    });
                }
            }
        }
        Page page = builder.build();
        int[] channels = requested.stream().mapToInt(column -> columns.indexOf(column)).toArray();
        return channels.length == 0 ? new Page(page.getPositionCount()) : page.getColumns(channels);
    }

    private static void writeLong(BlockBuilder builder, Long value)
    {
        if (value == null) {
            builder.appendNull();
        }
        else {
            BIGINT.writeLong(builder, value);
        }
    }

    private static void writeString(BlockBuilder builder, String value)
    {
        if (value == null) {
            builder.appendNull();
        }
        else {
            VARCHAR.writeSlice(builder, utf8Slice(value));
        }
    }
}
