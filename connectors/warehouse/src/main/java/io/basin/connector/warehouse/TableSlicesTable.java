package io.basin.connector.warehouse;

import io.basin.connector.warehouse.storage.CatalogState;
import io.basin.connector.warehouse.storage.RowGroup;
import io.basin.connector.warehouse.storage.TableState;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.SchemaTableName;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * {@code warehouse_system.table_slices}: per table of the reading transaction's snapshot and per
 * slice, the live rows, row groups and bytes stored there (a DISTSTYLE ALL table's copy on every
 * slice included), and the table's {@code skew_rows}: the rows of its fullest slice over those of
 * its emptiest (NULL when a slice is empty), as in Redshift's SVV_TABLE_INFO.
 */
final class TableSlicesTable
        implements WarehouseSystemTable
{
    private static final SchemaTableName NAME = new SchemaTableName(SCHEMA, "table_slices");

    private static final List<ColumnMetadata> COLUMNS = List.of(
            new ColumnMetadata("table_schema", VARCHAR),
            new ColumnMetadata("table_name", VARCHAR),
            new ColumnMetadata("diststyle", VARCHAR),
            new ColumnMetadata("slice", BIGINT),
            new ColumnMetadata("row_count", BIGINT),
            new ColumnMetadata("row_groups", BIGINT),
            new ColumnMetadata("bytes", BIGINT),
            new ColumnMetadata("skew_rows", DOUBLE));

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
            int slices = table.definition().sliceCount();
            long[] liveRows = new long[slices];
            long[] groups = new long[slices];
            long[] bytes = new long[slices];
            for (RowGroup group : table.groups()) {
                liveRows[group.slice()] += group.liveRows();
                groups[group.slice()]++;
                bytes[group.slice()] += group.fileBytes();
            }
            long most = Arrays.stream(liveRows).max().orElse(0);
            long fewest = Arrays.stream(liveRows).min().orElse(0);
            Double skew = fewest == 0 ? null : (double) most / fewest;
            for (int slice = 0; slice < slices; slice++) {
                rows.add(Arrays.asList(
                        table.definition().name().getSchemaName(),
                        table.definition().name().getTableName(),
                        table.definition().distStyle().name(),
                        (long) slice,
                        liveRows[slice],
                        groups[slice],
                        bytes[slice],
                        skew));
            }
        }
        return rows;
    }
}
