package io.basin.connector.iceberg;

import io.basin.spectrum.ScanCounters;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.type.Type;

import java.util.List;

import static io.airlift.slice.Slices.utf8Slice;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * {@code lake_system.scan_summary}, after Redshift's SVL_S3QUERY_SUMMARY: per query, lake table
 * and slice, the data files and row groups the scan covered versus read, bytes read, rows decoded
 * versus returned after the pushed predicate and partial aggregation, delete files read, and
 * whether table metadata answered an aggregation. The schema is not listed among the catalog's
 * schemas; it answers only when named.
 */
final class ScanSummaryTable
{
    static final String SCHEMA = "lake_system";
    static final SchemaTableName NAME = new SchemaTableName(SCHEMA, "scan_summary");

    static final List<IcebergColumnHandle> COLUMNS = List.of(
            new IcebergColumnHandle(1, "scan_id", BIGINT, false),
            new IcebergColumnHandle(2, "query_id", VARCHAR, false),
            new IcebergColumnHandle(3, "table_schema", VARCHAR, false),
            new IcebergColumnHandle(4, "table_name", VARCHAR, false),
            new IcebergColumnHandle(5, "slice", INTEGER, false),
            new IcebergColumnHandle(6, "metadata_answer", BOOLEAN, false),
            new IcebergColumnHandle(7, "files_total", BIGINT, false),
            new IcebergColumnHandle(8, "files_read", BIGINT, false),
            new IcebergColumnHandle(9, "row_groups_total", BIGINT, false),
            new IcebergColumnHandle(10, "row_groups_read", BIGINT, false),
            new IcebergColumnHandle(11, "bytes_read", BIGINT, false),
            new IcebergColumnHandle(12, "rows_scanned", BIGINT, false),
            new IcebergColumnHandle(13, "rows_returned", BIGINT, false),
            new IcebergColumnHandle(14, "delete_files_read", BIGINT, false));

    /** The table's handle. */
    record Handle()
            implements ConnectorTableHandle {}

    private ScanSummaryTable() {}

    static Page page(ScanSummaries summaries, List<IcebergColumnHandle> columns)
    {
        List<ScanSummaries.Entry> entries = summaries.entries();
        List<Type> types = columns.stream().map(IcebergColumnHandle::type).toList();
        PageBuilder builder = new PageBuilder(Math.max(1, entries.size()), types);
        for (ScanSummaries.Entry entry : entries) {
            ScanCounters.Snapshot counters = entry.counters().snapshot();
            builder.declarePosition();
            for (int i = 0; i < columns.size(); i++) {
                var output = builder.getBlockBuilder(i);
                switch (columns.get(i).fieldId()) {
                    case 1 -> BIGINT.writeLong(output, entry.scanId());
                    case 2 -> VARCHAR.writeSlice(output, utf8Slice(entry.queryId()));
                    case 3 -> VARCHAR.writeSlice(output, utf8Slice(entry.table().getSchemaName()));
                    case 4 -> VARCHAR.writeSlice(output, utf8Slice(entry.table().getTableName()));
                    case 5 -> INTEGER.writeLong(output, entry.slice());
                    case 6 -> BOOLEAN.writeBoolean(output, entry.metadataAnswer());
                    case 7 -> BIGINT.writeLong(output, entry.filesTotal());
                    case 8 -> BIGINT.writeLong(output, counters.files());
                    case 9 -> BIGINT.writeLong(output, counters.rowGroupsTotal());
                    case 10 -> BIGINT.writeLong(output, counters.rowGroupsRead());
                    case 11 -> BIGINT.writeLong(output, counters.bytesRead());
                    case 12 -> BIGINT.writeLong(output, counters.rowsRead());
                    case 13 -> BIGINT.writeLong(output, counters.rowsReturned());
                    default -> BIGINT.writeLong(output, counters.deleteFiles());
                }
            }
        }
        return builder.build();
    }
}
