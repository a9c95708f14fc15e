package io.basin.connector.warehouse;

import io.basin.connector.warehouse.storage.CatalogState;
import io.basin.connector.warehouse.storage.TableState;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.SchemaTableName;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * {@code warehouse_system.table_statistics}: per column of every table in the reading
 * transaction's snapshot, the statistics the planner gets ({@code getTableStatistics}): live rows,
 * null fraction, estimated distinct values, least and greatest value (as text), and whether they
 * come from a current ANALYZE (exact null fraction and range) or from zone maps and sketches
 * (after Redshift's SVV_TABLE_INFO and PostgreSQL's pg_stats).
 */
final class TableStatisticsTable
        implements WarehouseSystemTable
{
    private static final SchemaTableName NAME = new SchemaTableName(SCHEMA, "table_statistics");

    private static final List<ColumnMetadata> COLUMNS = List.of(
            new ColumnMetadata("table_schema", VARCHAR),
            new ColumnMetadata("table_name", VARCHAR),
            new ColumnMetadata("column_name", VARCHAR),
            new ColumnMetadata("row_count", BIGINT),
            new ColumnMetadata("null_fraction", DOUBLE),
            new ColumnMetadata("distinct_values", BIGINT),
            new ColumnMetadata("min_value", VARCHAR),
            new ColumnMetadata("max_value", VARCHAR),
            new ColumnMetadata("analyzed", BOOLEAN));

    @Override
    public SchemaTableName name()
    {
        return NAME;
    }

    @Override
    public List<ColumnMetadata> columns()
    {
        return COLUMNS;
    }

    @Override
    public List<List<Object>> rows(CatalogState state, ScanCounters counters)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (TableState table : state.tables().values()) {
            for (WarehouseStatistics.ColumnSummary summary : WarehouseStatistics.summarize(table)) {
                Optional<String> min = summary.min().flatMap(value -> WarehouseStatistics.render(summary.column().type(), value));
                Optional<String> max = summary.max().flatMap(value -> WarehouseStatistics.render(summary.column().type(), value));
                rows.add(Arrays.asList(
                        table.definition().name().getSchemaName(),
                        table.definition().name().getTableName(),
                        summary.column().name(),
                        summary.rowCount(),
                        summary.nullFraction().isPresent() ? summary.nullFraction().getAsDouble() : null,
                        summary.distinctValues(),
                        min.orElse(null),
                        max.orElse(null),
                        summary.analyzed()));
            }
        }
        return rows;
    }
}
