package io.basin.connector.warehouse.format;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.ValueSet;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Type;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What one column block holds: its row and null counts and the least and greatest non-null
 * values, in the stored representation ({@link Long} for LONG columns, {@link Int128}, or a
 * {@link Slice} of bytes). The range is absent when every value is null, when a float column holds
 * NaN (which orders outside any range a filter could name) or when a string bound is too long to keep.
 *
 * @param rowCount rows in the block
 * @param nullCount null rows in the block
 * @param min the least non-null value
 * @param max the greatest non-null value
 */
public record ZoneMap(int rowCount, int nullCount, Optional<Object> min, Optional<Object> max)
{
    /** The longest string bound a zone map keeps. */
    static final int MAX_BOUND_BYTES = 256;

    public ZoneMap
    {
        requireNonNull(min, "min is null");
        requireNonNull(max, "max is null");
        if (min.isPresent() != max.isPresent()) {
            throw new IllegalArgumentException("min and max must both be present or both absent");
        }
    }

    /** The zone map of {@code values}. */
    public static ZoneMap of(ColumnValues values)
    {
        int nullCount = values.nullCount();
        int minPosition = -1;
        int maxPosition = -1;
        for (int position = 0; position < values.size(); position++) {
            if (values.isNull(position)) {
                continue;
            }
            if (isNaN(values, position)) {
                return new ZoneMap(values.size(), nullCount, Optional.empty(), Optional.empty());
            }
            if (minPosition < 0 || values.compare(position, minPosition) < 0) {
                minPosition = position;
            }
            if (maxPosition < 0 || values.compare(position, maxPosition) > 0) {
                maxPosition = position;
            }
        }
        if (minPosition < 0) {
            return new ZoneMap(values.size(), nullCount, Optional.empty(), Optional.empty());
        }
        if (values.type().kind() == ColumnType.Kind.BYTES
                && (values.byteLength(minPosition) > MAX_BOUND_BYTES || values.byteLength(maxPosition) > MAX_BOUND_BYTES)) {
            return new ZoneMap(values.size(), nullCount, Optional.empty(), Optional.empty());
        }
        return new ZoneMap(values.size(), nullCount, Optional.of(stored(values, minPosition)), Optional.of(stored(values, maxPosition)));
    }

    private static boolean isNaN(ColumnValues values, int position)
    {
        return switch (values.type().order()) {
            case REAL -> Float.isNaN(Float.intBitsToFloat((int) values.longAt(position)));
            case DOUBLE -> Double.isNaN(Double.longBitsToDouble(values.longAt(position)));
            default -> false;
        };
    }

    private static Object stored(ColumnValues values, int position)
    {
        return switch (values.type().kind()) {
            case LONG -> values.longAt(position);
            case INT128 -> Int128.valueOf(values.highAt(position), values.longAt(position));
            case BYTES -> Slices.wrappedBuffer(values.bytesAt(position));
        };
    }

    /** Orders two stored bounds (as {@link #min()} and {@link #max()} hold them) of a column of {@code type}. */
    public static int compareStored(ColumnType type, Object left, Object right)
    {
        return switch (type.kind()) {
            case LONG -> ColumnValues.compareLongs(type.order(), (Long) left, (Long) right);
            case INT128 -> ((Int128) left).compareTo((Int128) right);
            case BYTES -> ((Slice) left).compareTo((Slice) right);
        };
    }

    /** The values the block may hold, as a domain of {@code type}: pruning skips the block when a filter's domain does not meet it. */
    public Domain toDomain(ColumnType type)
    {
        Type sqlType = type.type();
        if (nullCount == rowCount) {
            return Domain.onlyNull(sqlType);
        }
        if (min.isEmpty()) {
            return Domain.all(sqlType);
        }
        Object low = toNative(type, min.get());
        Object high = toNative(type, max.get());
        return Domain.create(ValueSet.ofRanges(Range.range(sqlType, low, true, high, true)), nullCount > 0);
    }

    private static Object toNative(ColumnType type, Object stored)
    {
        if (type.kind() != ColumnType.Kind.LONG) {
            return stored;
        }
        long value = (Long) stored;
        if (type.isBoolean()) {
            return value != 0;
        }
        if (type.order() == ColumnType.Order.DOUBLE) {
            return Double.longBitsToDouble(value);
        }
        return value;
    }
}
