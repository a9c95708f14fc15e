package io.basin.lake;

import io.basin.embedded.BasinSession;

import java.util.List;

/**
 * What the last query's scans of a lake table did, over all their slices, from
 * {@code lake.lake_system.scan_summary}.
 */
record LakeScanSummary(boolean metadataAnswer, long filesTotal, long filesRead, long rowsScanned, long rowsReturned)
{
    static LakeScanSummary lastScan(BasinSession session, String table)
    {
        List<List<Object>> rows = session.execute("""
                SELECT bool_or(metadata_answer), sum(files_total), sum(files_read), sum(rows_scanned), sum(rows_returned)
                FROM lake.lake_system.scan_summary
                WHERE query_id = (SELECT query_id FROM lake.lake_system.scan_summary WHERE table_name = '%s' ORDER BY scan_id DESC LIMIT 1)
                  AND table_name = '%s'""".formatted(table, table)).rows();
        List<Object> row = rows.getFirst();
        return new LakeScanSummary((Boolean) row.get(0), ((Number) row.get(1)).longValue(), ((Number) row.get(2)).longValue(), ((Number) row.get(3)).longValue(), ((Number) row.get(4)).longValue());
    }
}
