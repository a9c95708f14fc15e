package io.basin.connector.iceberg;

import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.statistics.ColumnStatistics;
import io.trino.spi.statistics.DoubleRange;
import io.trino.spi.statistics.Estimate;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;


import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


import static io.basin.spectrum.SpectrumErrorCode.LAKE_CATALOG_ERROR;

/**
 * Value ranges and null fractions of a snapshot's numeric and date columns, merged from the
 * column bounds its data files record in the manifests. The engine estimates filters from them,
 * and the distinct values of an integer column from its range when nothing better is known:
 * without any, a join on {@code nationkey} looked as large as one on {@code custkey} and TPC-H q5
 * joined customer to supplier first (tens of millions of rows at SF 1).
 */
final class ColumnBounds
{
    // a snapshot never changes, so its bounds are read once (by table identity and snapshot; least recently used dropped)
    private static final int SNAPSHOTS_KEPT = 256;
    private static final Map<String, Map<Integer, ColumnStatistics>> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true)
            {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<Integer, ColumnStatistics>> eldest)
                {
                    return size() > SNAPSHOTS_KEPT;
                }
            });

    private ColumnBounds() {}

    static Map<ColumnHandle, ColumnStatistics> of(Table table, Snapshot snapshot, List<IcebergColumnHandle> columns)
    {
        String key = IcebergSplitManager.identity(table) + "@" + snapshot.snapshotId();
        Map<Integer, ColumnStatistics> byField = CACHE.get(key);
        if (byField == null) {
            byField = read(table, snapshot);
            CACHE.put(key, byField);
        }
        Map<ColumnHandle, ColumnStatistics> statistics = new LinkedHashMap<>();
        for (IcebergColumnHandle column : columns) {
            ColumnStatistics columnStatistics = byField.get(column.fieldId());
            if (columnStatistics != null) {
                statistics.put(column, columnStatistics);
            }
        }
        return statistics;
    }

    /** The statistics of every numeric or date column of the snapshot's schema, by field id. */
    private static Map<Integer, ColumnStatistics> read(Table table, Snapshot snapshot)
    {
        org.apache.iceberg.Schema schema = snapshot.schemaId() != null && table.schemas().containsKey(snapshot.schemaId())
                ? table.schemas().get(snapshot.schemaId())
                : table.schema();
        Map<Integer, Type> types = new HashMap<>();
        for (Types.NestedField field : schema.columns()) {
            if (isNumeric(field.type())) {
                types.put(field.fieldId(), field.type());
            }
        }
        if (types.isEmpty()) {
            return Map.of();
        }
        Map<Integer, double[]> ranges = new HashMap<>(); // min, max
        Map<Integer, Long> nulls = new HashMap<>();
        Set<Integer> incomplete = new HashSet<>();
        long rows = 0;
        try (CloseableIterable<FileScanTask> files = table.newScan().useSnapshot(snapshot.snapshotId()).includeColumnStats().planFiles()) {
            for (FileScanTask task : files) {
                DataFile file = task.file();
                rows += file.recordCount();
                for (Map.Entry<Integer, Type> entry : types.entrySet()) {
                    int id = entry.getKey();
                    Double lower = value(entry.getValue(), file.lowerBounds(), id);
                    Double upper = value(entry.getValue(), file.upperBounds(), id);
                    Long nullCount = file.nullValueCounts() == null ? null : file.nullValueCounts().get(id);
                    boolean allNull = nullCount != null && nullCount == file.recordCount();
                    if ((lower == null || upper == null) && !allNull) {
                        // a file without bounds for the column: its range is unknown
                        incomplete.add(id);
                    }
                    else if (lower != null) {
                        ranges.merge(id, new double[] {lower, upper}, (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                    }
                    if (nullCount == null) {
                        nulls.put(id, -1L);
                    }
                    else {
                        nulls.merge(id, nullCount, (a, b) -> a < 0 ? a : a + b);
                    }
                }
            }
        }
        catch (IOException e) {
            throw new TrinoException(LAKE_CATALOG_ERROR, "Cannot read the column statistics of %s: %s".formatted(table.name(), e.getMessage()), e);
        }
        Map<Integer, ColumnStatistics> statistics = new HashMap<>();
        for (int id : types.keySet()) {
            if (rows == 0) {
                break;
            }
            ColumnStatistics.Builder builder = ColumnStatistics.builder();
            double[] range = ranges.get(id);
            if (range != null && !incomplete.contains(id)) {
                builder.setRange(new DoubleRange(range[0], range[1]));
            }
            Long nullCount = nulls.get(id);
            if (nullCount != null && nullCount >= 0) {
                builder.setNullsFraction(Estimate.of((double) nullCount / rows));
            }
            statistics.put(id, builder.build());
        }
        return statistics;
    }

    private static boolean isNumeric(Type type)
    {
        return switch (type.typeId()) {
            case INTEGER, LONG, DATE, DECIMAL, DOUBLE, FLOAT -> true;
            default -> false;
        };
    }

    /** A bound on the engine's numeric scale (dates as days, decimals as their value), or null. */
    private static Double value(Type type, Map<Integer, ByteBuffer> bounds, int id)
    {
        ByteBuffer buffer = bounds == null ? null : bounds.get(id);
        if (buffer == null) {
            return null;
        }
        Object value = Conversions.fromByteBuffer(type, buffer);
        return switch (value) {
            case BigDecimal decimal -> decimal.doubleValue();
            case Number number -> number.doubleValue();
            default -> null;
        };
    }
}
