package io.basin.connector.memory;

import io.trino.spi.Page;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.FixedSplitSource;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Cuts the pages committed when the scan starts into up to {@link MemoryConfig#splitsPerTable()}
 * runs of about equal row counts. Rows committed after this point are not part of the scan.
 */
final class MemorySplitManager
        implements ConnectorSplitManager
{
    private final MemoryDataStore dataStore;
    private final int splitsPerTable;

    MemorySplitManager(MemoryDataStore dataStore, int splitsPerTable)
    {
        this.dataStore = requireNonNull(dataStore, "dataStore is null");
        if (splitsPerTable < 1) {
            throw new IllegalArgumentException("splitsPerTable must be at least 1: " + splitsPerTable);
        }
        this.splitsPerTable = splitsPerTable;
    }

    @Override
    public ConnectorSplitSource getSplits(
            ConnectorTransactionHandle transaction,
            ConnectorSession session,
            ConnectorTableHandle table,
            DynamicFilter dynamicFilter,
            Constraint constraint)
    {
        long tableId = ((MemoryTableHandle) table).tableId();
        MemoryTableData data = dataStore.data(tableId).orElseThrow(() -> MemoryMetadata.tableDropped(tableId));
        return new FixedSplitSource(split(tableId, data));
    }

    private List<ConnectorSplit> split(long tableId, MemoryTableData data)
    {
        List<Page> pages = data.pages();
        List<ConnectorSplit> splits = new ArrayList<>();
        if (pages.isEmpty()) {
            return splits;
        }
        long targetRows = Math.max(1, Math.ceilDiv(data.rowCount(), splitsPerTable));
        int first = 0;
        long rows = 0;
        for (int page = 0; page < pages.size(); page++) {
            rows += pages.get(page).getPositionCount();
            if (rows >= targetRows || page == pages.size() - 1) {
                splits.add(new MemorySplit(tableId, first, page + 1, rows));
                first = page + 1;
                rows = 0;
            }
        }
        return splits;
    }
}
