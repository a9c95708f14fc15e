package io.basin.connector.warehouse;

import io.airlift.slice.Slice;
import io.basin.connector.warehouse.format.ColumnType;
import io.basin.connector.warehouse.format.ColumnValues;
import io.basin.connector.warehouse.format.ZoneMap;
import io.basin.connector.warehouse.storage.DistinctSketch;
import io.basin.connector.warehouse.storage.RowGroup;
import io.basin.connector.warehouse.storage.TableAnalysis;
import io.basin.connector.warehouse.storage.TableState;
import io.basin.connector.warehouse.storage.WarehouseColumn;
import io.basin.connector.warehouse.storage.WarehouseStore;
import io.trino.spi.block.Block;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Table statistics of warehouse tables, for the planner ({@code getTableStatistics}) and for
 * {@code warehouse_system.table_statistics}. {@link #analyze} (ANALYZE) reads every live row and
 * records exact null counts and value ranges and fresh distinct-value sketches; without current
 * ANALYZE results the statistics come from the zone maps (null fractions and ranges over the row
 * groups, deleted rows included) and the sketches merged on every append.
 */
final class WarehouseStatistics
{
    private WarehouseStatistics() {}

    /** ANALYZE's results for {@code table}'s live rows, and a distinct sketch per column. */
    record Analysis(TableAnalysis analysis, List<DistinctSketch> distinct) {}

    /** One column's statistics. */
    record ColumnSummary(WarehouseColumn column, long rowCount, OptionalDouble nullFraction, long distinctValues, Optional<Object> min, Optional<Object> max, long dataBytes, boolean analyzed) {}

    static Analysis analyze(WarehouseStore store, TableState table)
    {
        List<WarehouseColumn> columns = table.definition().columns();
        long[] nulls = new long[columns.size()];
        List<Optional<Object>> mins = new ArrayList<>();
        List<Optional<Object>> maxes = new ArrayList<>();
        // false once a group holds non-null values without a known range (NaN, long strings)
        boolean[] rangeKnown = new boolean[columns.size()];
        java.util.Arrays.fill(rangeKnown, true);
        List<DistinctSketch> distinct = TableState.noDistinctValues(table.definition());
        for (int i = 0; i < columns.size(); i++) {
            mins.add(Optional.empty());
            maxes.add(Optional.empty());
        }
        long rows = 0;
        for (RowGroup group : table.primaryGroups()) {
            int[] live = livePositions(group);
            rows += live.length;
            List<DistinctSketch> groupSketches = new ArrayList<>(columns.size());
            for (int ordinal = 0; ordinal < columns.size(); ordinal++) {
                ColumnType storage = columns.get(ordinal).storage();
                Block block = store.readBlock(table.definition(), group, ordinal);
                if (live.length != group.rowCount()) {
                    block = block.copyPositions(live, 0, live.length);
                }
                ColumnValues values = ColumnValues.fromBlocks(storage, List.of(block));
                ZoneMap zoneMap = ZoneMap.of(values);
                nulls[ordinal] += zoneMap.nullCount();
                if (zoneMap.min().isPresent()) {
                    Object min = zoneMap.min().get();
                    Object max = zoneMap.max().orElseThrow();
                    if (mins.get(ordinal).isEmpty() || ZoneMap.compareStored(storage, min, mins.get(ordinal).get()) < 0) {
                        mins.set(ordinal, Optional.of(min));
                    }
                    if (maxes.get(ordinal).isEmpty() || ZoneMap.compareStored(storage, max, maxes.get(ordinal).get()) > 0) {
                        maxes.set(ordinal, Optional.of(max));
                    }
                }
                else if (zoneMap.nullCount() < zoneMap.rowCount()) {
                    rangeKnown[ordinal] = false;
                }
                groupSketches.add(DistinctSketch.of(values));
            }
            distinct = TableState.merge(distinct, groupSketches);
        }
        List<TableAnalysis.Column> analyzed = new ArrayList<>();
        for (int ordinal = 0; ordinal < columns.size(); ordinal++) {
            boolean range = rangeKnown[ordinal] && mins.get(ordinal).isPresent();
            analyzed.add(new TableAnalysis.Column(columns.get(ordinal).id(), nulls[ordinal],
                    range ? mins.get(ordinal) : Optional.empty(), range ? maxes.get(ordinal) : Optional.empty()));
        }
        return new Analysis(new TableAnalysis(table.dataVersion(), rows, analyzed), distinct);
    }

    static int[] livePositions(RowGroup group)
    {
        int[] live = new int[group.liveRows()];
        int index = 0;
        for (int position = 0; position < group.rowCount(); position++) {
            if (!group.isDeleted(position)) {
                live[index++] = position;
            }
        }
        return live;
    }

    static List<ColumnSummary> summarize(TableState table)
    {
        long rows = table.liveRows();
        Optional<TableAnalysis> analysis = table.currentAnalysis();
        List<WarehouseColumn> columns = table.definition().columns();
        List<ColumnSummary> summaries = new ArrayList<>();
        for (int ordinal = 0; ordinal < columns.size(); ordinal++) {
            WarehouseColumn column = columns.get(ordinal);
            long distinct = Math.min(rows, Math.round(table.distinct().get(ordinal).estimate()));
            long bytes = 0;
            for (RowGroup group : table.primaryGroups()) {
                bytes += group.fileBytes(column);
            }
            Optional<TableAnalysis.Column> analyzed = analysis.flatMap(result -> result.column(column.id()));
            if (analyzed.isPresent()) {
                OptionalDouble nullFraction = rows == 0 ? OptionalDouble.empty() : OptionalDouble.of(analyzed.get().nullCount() / (double) rows);
                summaries.add(new ColumnSummary(column, rows, nullFraction, distinct, analyzed.get().min(), analyzed.get().max(), bytes, true));
                continue;
            }
            // zone maps: over every stored row, deleted ones included
            long stored = 0;
            long nulls = 0;
            Optional<Object> min = Optional.empty();
            Optional<Object> max = Optional.empty();
            boolean rangeKnown = true;
            for (RowGroup group : table.primaryGroups()) {
                ZoneMap zoneMap = group.zoneMap(column);
                stored += group.rowCount();
                nulls += zoneMap.nullCount();
                if (zoneMap.min().isPresent()) {
                    if (min.isEmpty() || ZoneMap.compareStored(column.storage(), zoneMap.min().get(), min.get()) < 0) {
                        min = zoneMap.min();
                    }
                    if (max.isEmpty() || ZoneMap.compareStored(column.storage(), zoneMap.max().orElseThrow(), max.get()) > 0) {
                        max = zoneMap.max();
                    }
                }
                else if (zoneMap.nullCount() < zoneMap.rowCount()) {
                    rangeKnown = false;
                }
            }
            OptionalDouble nullFraction = stored == 0 ? OptionalDouble.empty() : OptionalDouble.of(nulls / (double) stored);
            summaries.add(new ColumnSummary(column, rows, nullFraction, distinct, rangeKnown ? min : Optional.empty(), rangeKnown ? max : Optional.empty(), bytes, false));
        }
        return summaries;
    }

    /** A stored value as a number on the planner's scale (Trino's convention: dates as days, decimals as their value); empty for other types. */
    static OptionalDouble toDouble(Type type, Object stored)
    {
        return switch (type) {
            case BigintType _, IntegerType _, SmallintType _, TinyintType _, DateType _ -> OptionalDouble.of((Long) stored);
            case DoubleType _ -> OptionalDouble.of(Double.longBitsToDouble((Long) stored));
            case RealType _ -> OptionalDouble.of(Float.intBitsToFloat((int) (long) (Long) stored));
            case DecimalType decimal when decimal.isShort() -> OptionalDouble.of(BigDecimal.valueOf((Long) stored, decimal.getScale()).doubleValue());
            case DecimalType decimal -> OptionalDouble.of(new BigDecimal(((Int128) stored).toBigInteger(), decimal.getScale()).doubleValue());
            default -> OptionalDouble.empty();
        };
    }

    /** A stored value as PostgreSQL prints it, for the statistics table; empty for types without a text form here. */
    static Optional<String> render(Type type, Object stored)
    {
        return switch (type) {
            case BigintType _, IntegerType _, SmallintType _, TinyintType _ -> Optional.of(Long.toString((Long) stored));
            case BooleanType _ -> Optional.of((Long) stored != 0 ? "true" : "false");
            case DateType _ -> Optional.of(LocalDate.ofEpochDay((Long) stored).toString());
            case DoubleType _ -> Optional.of(Double.toString(Double.longBitsToDouble((Long) stored)));
            case RealType _ -> Optional.of(Float.toString(Float.intBitsToFloat((int) (long) (Long) stored)));
            case DecimalType decimal when decimal.isShort() -> Optional.of(BigDecimal.valueOf((Long) stored, decimal.getScale()).toPlainString());
            case DecimalType decimal -> Optional.of(new BigDecimal(((Int128) stored).toBigInteger(), decimal.getScale()).toPlainString());
            default -> stored instanceof Slice slice && !(type instanceof io.trino.spi.type.VarbinaryType) ? Optional.of(slice.toStringUtf8()) : Optional.empty();
        };
    }
}
