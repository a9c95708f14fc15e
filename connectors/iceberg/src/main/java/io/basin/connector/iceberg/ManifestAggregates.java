package io.basin.connector.iceberg;

import io.airlift.slice.Slices;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.MetricsModes;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * count(*), count(x), min(x) and max(x) of a lake table answered from its manifests: record
 * counts, value and null counts and column bounds of the data files the scan would read. Only
 * when that is exact: every file's rows all match the predicate (Iceberg's residual after
 * partition pruning is {@code true}), no delete file applies, every needed statistic is there,
 * string bounds are not truncated and floating point columns hold no NaN. Otherwise empty, and
 * the scan workers compute the aggregation.
 */
final class ManifestAggregates
{
    private ManifestAggregates() {}

    record Answer(List<Object> values, long files) {}

    static Optional<Answer> answer(Table table, IcebergTableHandle handle, List<IcebergAggregateColumnHandle> aggregates)
    {
        // a comparison of two columns is known only row by row, never from the metadata
        if (!handle.comparisons().isEmpty() || !IcebergExpressions.translatesExactly(handle.predicate()) || !onIdentityPartitionColumns(table, handle)) {
            return Optional.empty();
        }
        // sums are not in the metadata, nor is anything about an expression's values
        if (aggregates.stream().anyMatch(aggregate -> aggregate.function() == io.basin.spectrum.PartialAggregation.Function.SUM || aggregate.expression().isPresent())) {
            return Optional.empty();
        }
        Accumulator[] accumulators = aggregates.stream().map(aggregate -> new Accumulator(aggregate, table)).toArray(Accumulator[]::new);
        long files = 0;
        if (handle.snapshotId().isPresent() && !handle.predicate().isNone()) {
            Expression filter = IcebergExpressions.toIceberg(handle.predicate());
            TableScan scan = table.newScan().useSnapshot(handle.snapshotId().get()).filter(filter).includeColumnStats();
            try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
                for (FileScanTask task : tasks) {
                    if (!task.deletes().isEmpty() || task.residual().op() != Expression.Operation.TRUE) {
                        return Optional.empty();
                    }
                    files++;
                    for (Accumulator accumulator : accumulators) {
                        if (!accumulator.add(task.file())) {
                            return Optional.empty();
                        }
                    }
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Object> values = new ArrayList<>();
        for (Accumulator accumulator : accumulators) {
            values.add(accumulator.result());
        }
        return Optional.of(new Answer(values, files));
    }

    /**
     * Whether every column the predicate names is an identity partition column of every partition
     * spec: otherwise some file's rows may match only in part, and there is no need to plan the
     * scan to find out.
     */
    private static boolean onIdentityPartitionColumns(Table table, IcebergTableHandle handle)
    {
        return handle.predicate().getDomains().map(domains -> domains.keySet().stream().allMatch(column -> table.specs().values().stream()
                        .allMatch(spec -> spec.fields().stream().anyMatch(field -> field.sourceId() == column.fieldId() && field.transform().isIdentity()))))
                .orElse(true);
    }

    /** One aggregate's value over the files seen so far. */
    private static final class Accumulator
    {
        private final IcebergAggregateColumnHandle aggregate;
        private final Optional<Types.NestedField> field;
        private final MetricsModes.MetricsMode mode;
        private long count;
        private Object extreme;

        Accumulator(IcebergAggregateColumnHandle aggregate, Table table)
        {
            this.aggregate = aggregate;
            this.field = aggregate.argument().map(column -> table.schema().findField(column.fieldId()));
            this.mode = aggregate.argument().map(column -> MetricsConfig.forTable(table).columnMode(column.name())).orElse(MetricsModes.Full.get());
        }

        /** Adds a file; false when its statistics cannot answer exactly. */
        boolean add(DataFile file)
        {
            if (aggregate.argument().isEmpty()) {
                count += file.recordCount();
                return true;
            }
            if (field.isEmpty() || field.get().type() == null) {
                return false;
            }
            int id = field.get().fieldId();
            Long values = get(file.valueCounts(), id);
            Long nulls = get(file.nullValueCounts(), id);
            if (values == null || nulls == null) {
                return false;
            }
            if (aggregate.function() == io.basin.spectrum.PartialAggregation.Function.COUNT) {
                count += values - nulls;
                return true;
            }
            if (values.equals(nulls)) {
                // only nulls in this file: no bounds, nothing to add
                return true;
            }
            org.apache.iceberg.types.Type type = field.get().type();
            if (type.typeId() == org.apache.iceberg.types.Type.TypeID.FLOAT || type.typeId() == org.apache.iceberg.types.Type.TypeID.DOUBLE) {
                Long nans = get(file.nanValueCounts(), id);
                if (nans == null || nans != 0) {
                    return false;
                }
            }
            boolean max = aggregate.function() == io.basin.spectrum.PartialAggregation.Function.MAX;
            ByteBuffer bound = max ? get(file.upperBounds(), id) : get(file.lowerBounds(), id);
            if (bound == null) {
                return false;
            }
            Object value = Conversions.fromByteBuffer(type, bound.duplicate());
            if (value instanceof CharSequence text && mayBeTruncated(text)) {
                return false;
            }
            Object nativeValue = toNative(aggregate.type(), value);
            if (nativeValue == null) {
                return false;
            }
            if (extreme == null || (max ? compare(nativeValue, extreme) > 0 : compare(nativeValue, extreme) < 0)) {
                extreme = nativeValue;
            }
            return true;
        }

        private boolean mayBeTruncated(CharSequence text)
        {
            if (mode instanceof MetricsModes.Full) {
                return false;
            }
            if (mode instanceof MetricsModes.Truncate truncate) {
                // a bound shorter than the truncation length is the value itself
                return text.toString().codePointCount(0, text.length()) >= truncate.length();
            }
            return true;
        }

        Object result()
        {
            return aggregate.argument().isEmpty() || aggregate.function() == io.basin.spectrum.PartialAggregation.Function.COUNT ? (Object) count : extreme;
        }

        private static <T> T get(Map<Integer, T> values, int id)
        {
            return values == null ? null : values.get(id);
        }
    }

    /** An Iceberg bound as the Trino native value of {@code type}; null when the type is not handled. */
    private static Object toNative(Type type, Object value)
    {
        return switch (type) {
            case BigintType _ -> ((Number) value).longValue();
            case IntegerType _ -> ((Number) value).longValue();
            case DateType _ -> ((Number) value).longValue();
            case TimestampType timestamp when timestamp.isShort() -> ((Number) value).longValue();
            case BooleanType _ -> value;
            case DoubleType _ -> ((Number) value).doubleValue();
            // real's native value (float bits) does not order like the floats; left to the workers
            case RealType _ -> null;
            case DecimalType decimal when decimal.isShort() -> ((BigDecimal) value).setScale(decimal.getScale()).unscaledValue().longValueExact();
            case DecimalType decimal -> Int128.valueOf(((BigDecimal) value).setScale(decimal.getScale()).unscaledValue());
            case VarcharType _ -> Slices.utf8Slice(value.toString());
            default -> null;
        };
    }

    private static int compare(Object left, Object right)
    {
        return switch (left) {
            case io.airlift.slice.Slice slice -> slice.compareTo((io.airlift.slice.Slice) right);
            case Int128 int128 -> int128.compareTo((Int128) right);
            case Double value -> Double.compare(value, (Double) right);
            case Boolean value -> Boolean.compare(value, (Boolean) right);
            case Long value -> Long.compare(value, (Long) right);
            default -> throw new IllegalStateException("Cannot compare " + left);
        };
    }
}
