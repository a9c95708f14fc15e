package io.basin.connector.warehouse;

import io.airlift.slice.Slices;
import io.trino.spi.Page;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.SchemaTableName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * {@code warehouse_system.scan_summary}: per table, the scans planned since the catalog opened,
 * the row groups they covered and how many zone maps skipped (after Redshift's STL_SCAN). The
 * schema is not listed among the catalog's schemas; it answers only when named.
 */
final class ScanSummaryTable
{
    static final String SCHEMA = "warehouse_system";
    static final SchemaTableName NAME = new SchemaTableName(SCHEMA, "scan_summary");

    private static final List<ColumnMetadata> COLUMNS = List.of(
            new ColumnMetadata("table_schema", VARCHAR),
            new ColumnMetadata("table_name", VARCHAR),
            new ColumnMetadata("scans", BIGINT),
            new ColumnMetadata("row_groups_total", BIGINT),
            new ColumnMetadata("row_groups_read", BIGINT),
            new ColumnMetadata("row_groups_skipped", BIGINT));

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

    private ScanSummaryTable() {}

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

    static Page page(ScanCounters counters, List<ColumnHandle> columns)
    {
        Map<SchemaTableName, ScanCounters.TableScans> tables = counters.byTable();
        BlockBuilder[] builders = new BlockBuilder[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            builders[i] = column(columns.get(i)).getType().createBlockBuilder(null, tables.size());
        }
        for (Map.Entry<SchemaTableName, ScanCounters.TableScans> entry : tables.entrySet()) {
            ScanCounters.TableScans scans = entry.getValue();
            for (int i = 0; i < columns.size(); i++) {
                switch (((Column) columns.get(i)).ordinal()) {
                    case 0 -> VARCHAR.writeSlice(builders[i], Slices.utf8Slice(entry.getKey().getSchemaName()));
                    case 1 -> VARCHAR.writeSlice(builders[i], Slices.utf8Slice(entry.getKey().getTableName()));
                    case 2 -> BIGINT.writeLong(builders[i], scans.scans());
                    case 3 -> BIGINT.writeLong(builders[i], scans.groupsTotal());
                    case 4 -> BIGINT.writeLong(builders[i], scans.groupsRead());
                    default -> BIGINT.writeLong(builders[i], scans.groupsSkipped());
                }
            }
        }
        io.trino.spi.block.Block[] blocks = new io.trino.spi.block.Block[builders.length];
        for (int i = 0; i < builders.length; i++) {
            blocks[i] = builders[i].build();
        }
        return new Page(tables.size(), blocks);
    }
}
