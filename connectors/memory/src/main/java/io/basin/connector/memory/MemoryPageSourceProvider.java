package io.basin.connector.memory;

import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.DynamicFilter;

import java.util.List;

import static io.trino.spi.StandardErrorCode.GENERIC_INTERNAL_ERROR;
import static java.util.Objects.requireNonNull;

/** Opens a {@link MemoryPageSource} over the pages of one {@link MemorySplit}. */
final class MemoryPageSourceProvider
        implements ConnectorPageSourceProvider
{
    private final MemoryDataStore dataStore;

    MemoryPageSourceProvider(MemoryDataStore dataStore)
    {
        this.dataStore = requireNonNull(dataStore, "dataStore is null");
    }

    @Override
    public ConnectorPageSource createPageSource(
            ConnectorTransactionHandle transaction,
            ConnectorSession session,
            ConnectorSplit split,
            ConnectorTableHandle table,
            List<ColumnHandle> columns,
            DynamicFilter dynamicFilter)
    {
        MemorySplit memorySplit = (MemorySplit) split;
        MemoryTableData data = dataStore.data(memorySplit.tableId())
                .orElseThrow(() -> MemoryMetadata.tableDropped(memorySplit.tableId()));
        if (memorySplit.endPage() > data.pages().size()) {
            throw new TrinoException(GENERIC_INTERNAL_ERROR, "Memory table %s has %s pages, fewer than split %s expects".formatted(memorySplit.tableId(), data.pages().size(), memorySplit));
        }
        int[] channels = columns.stream()
                .mapToInt(column -> ((MemoryColumnHandle) column).ordinal())
                .toArray();
        return new MemoryPageSource(data.pages().subList(memorySplit.firstPage(), memorySplit.endPage()), channels);
    }
}
