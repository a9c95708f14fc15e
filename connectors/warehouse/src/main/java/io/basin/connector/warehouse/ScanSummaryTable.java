package io.basin.connector.warehouse;

import io.basin.connector.warehouse.storage.CatalogState;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.SchemaTableName;

import java.util.List;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * {@code warehouse_system.scan_summary}: per table, the scans planned since the catalog opened,
 * the row groups they covered and how many zone maps skipped (after Redshift's STL_SCAN).
 */
final class ScanSummaryTable
        implements WarehouseSystemTable
{
    private static final SchemaTableName NAME = new SchemaTableName(SCHEMA, "scan_summary");

    private static final List<ColumnMetadata> COLUMNS = List.of(
            new ColumnMetadata("table_schema", VARCHAR),
            new ColumnMetadata("table_name", VARCHAR),
            new ColumnMetadata("scans", BIGINT),
            new ColumnMetadata("row_groups_total", BIGINT),
            new ColumnMetadata("row_groups_read", BIGINT),
            new ColumnMetadata("row_groups_skipped", BIGINT));

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
        return counters.byTable().entrySet().stream()
                .map(entry -> {
                    SchemaTableName table = entry.getKey();
                    ScanCounters.TableScans scans = entry.getValue();
                    return List.<Object>of(table.getSchemaName(), table.getTableName(), scans.scans(), scans.groupsTotal(), scans.groupsRead(), scans.groupsSkipped());
                })
                .toList();
    }
}
