package io.basin.connector.memory;

import io.trino.spi.connector.ConnectorInsertTableHandle;
import io.trino.spi.connector.ConnectorOutputTableHandle;
import io.trino.spi.connector.ConnectorPageSink;
import io.trino.spi.connector.ConnectorPageSinkId;
import io.trino.spi.connector.ConnectorPageSinkProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTransactionHandle;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** Creates a {@link MemoryPageSink} per writer of a {@code CREATE TABLE AS} or {@code INSERT}. */
final class MemoryPageSinkProvider
        implements ConnectorPageSinkProvider
{
    private final MemoryDataStore dataStore;

    MemoryPageSinkProvider(MemoryDataStore dataStore)
    {
        this.dataStore = requireNonNull(dataStore, "dataStore is null");
    }

    @Override
    public ConnectorPageSink createPageSink(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorOutputTableHandle outputTableHandle, ConnectorPageSinkId pageSinkId)
    {
        MemoryTableDefinition table = ((MemoryOutputTableHandle) outputTableHandle).table();
        return new MemoryPageSink(dataStore, transactionId(transaction), table.id(), table.columns());
    }

    @Override
    public ConnectorPageSink createPageSink(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorInsertTableHandle insertTableHandle, ConnectorPageSinkId pageSinkId)
    {
        MemoryInsertTableHandle handle = (MemoryInsertTableHandle) insertTableHandle;
        return new MemoryPageSink(dataStore, transactionId(transaction), handle.tableId(), handle.columns());
    }

    private static UUID transactionId(ConnectorTransactionHandle transaction)
    {
        return ((MemoryTransactionHandle) transaction).id();
    }
}
