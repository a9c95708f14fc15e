package io.basin.connector.warehouse;

import io.airlift.slice.Slices;
import io.basin.connector.warehouse.storage.CatalogState;
import io.basin.connector.warehouse.storage.TableState;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.SchemaTableName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
{
    static final SchemaTableName NAME = new SchemaTableName(ScanSummaryTable.SCHEMA, "table_statistics");

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

    /** The table's handle. */
    record Handle()
            implements ConnectorTableHandle {}

    /** Its one split. */
    record Split()
            implements ConnectorSplit
    {
        @Override
        public long getRetainedSizeInBytes()
        {
            return 16;
        }
    }

    /** One of its columns. */
    record Column(String name, int ordinal)
            implements ColumnHandle {}

    private TableStatisticsTable() {}

    static ConnectorTableMetadata metadata()
    {
        return new ConnectorTableMetadata(NAME, COLUMNS);
    }

    static Map<String, ColumnHandle> columnHandles()
    {
        Map<String, ColumnHandle> handles = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            handles.put(COLUMNS.get(i).getName(), new Column(COLUMNS.get(i).getName(), i));
        }
        return handles;
    }

    static ColumnMetadata column(ColumnHandle handle)
    {
        return COLUMNS.get(((Column) handle).ordinal());
    }

    static Page page(CatalogState state, List<ColumnHandle> columns)
    {
        List<Object[]> rows = new ArrayList<>();
        for (TableState table : state.tables().values()) {
            for (WarehouseStatistics.ColumnSummary summary : WarehouseStatistics.summarize(table)) {
                Optional<String> min = summary.min().flatMap(value -> WarehouseStatistics.render(summary.column().type(), value));
                Optional<String> max = summary.max().flatMap(value -> WarehouseStatistics.render(summary.column().type(), value));
                rows.add(new Object[] {
                        table.definition().name().getSchemaName(),
                        table.definition().name().getTableName(),
                        summary.column().name(),
                        summary.rowCount(),
                        summary.nullFraction().isPresent() ? summary.nullFraction().getAsDouble() : null,
                        summary.distinctValues(),
                        min.orElse(null),
                        max.orElse(null),
                        summary.analyzed()});
            }
        }
        Block[] blocks = new Block[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            int ordinal = ((Column) columns.get(i)).ordinal();
            BlockBuilder builder = COLUMNS.get(ordinal).getType().createBlockBuilder(null, rows.size());
            for (Object[] row : rows) {
                Object value = row[ordinal];
                if (value == null) {
                    builder.appendNull();
                }
                else if (value instanceof String text) {
                    VARCHAR.writeSlice(builder, Slices.utf8Slice(text));
                }
                else if (value instanceof Long number) {
                    BIGINT.writeLong(builder, number);
                }
                else if (value instanceof Double fraction) {
                    DOUBLE.writeDouble(builder, fraction);
                }
                else {
                    BOOLEAN.writeBoolean(builder, (Boolean) value);
                }
            }
            blocks[i] = builder.build();
        }
        return new Page(rows.size(), blocks);
    }
}
