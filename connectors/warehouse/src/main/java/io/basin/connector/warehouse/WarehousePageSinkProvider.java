package io.basin.connector.warehouse;

import io.basin.connector.warehouse.storage.SortedRunWriter;
import io.trino.spi.connector.ConnectorInsertTableHandle;
import io.trino.spi.connector.ConnectorMergeSink;
import io.trino.spi.connector.ConnectorMergeTableHandle;
import io.trino.spi.connector.ConnectorOutputTableHandle;
import io.trino.spi.connector.ConnectorPageSink;
import io.trino.spi.connector.ConnectorPageSinkId;
import io.trino.spi.connector.ConnectorPageSinkProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTransactionHandle;

import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/** Creates a {@link WarehousePageSink} per writer of a {@code CREATE TABLE AS} or {@code INSERT}, a {@link WarehouseMergeSink} per writer of an {@code UPDATE}. */
final class WarehousePageSinkProvider
        implements ConnectorPageSinkProvider
{
    private final Function<ConnectorTransactionHandle, WarehouseTransaction> transactions;
    private final SortedRunWriter writer;
    private final int sortBufferRows;

    WarehousePageSinkProvider(Function<ConnectorTransactionHandle, WarehouseTransaction> transactions, SortedRunWriter writer, int sortBufferRows)
    {
        this.transactions = requireNonNull(transactions, "transactions is null");
        this.writer = requireNonNull(writer, "writer is null");
        this.sortBufferRows = sortBufferRows;
    }

    @Override
    public ConnectorPageSink createPageSink(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorOutputTableHandle outputTableHandle, ConnectorPageSinkId pageSinkId)
    {
        return new WarehousePageSink(transactions.apply(transaction), writer, ((WarehouseOutputTableHandle) outputTableHandle).table(), sortBufferRows);
    }

    @Override
    public ConnectorPageSink createPageSink(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorInsertTableHandle insertTableHandle, ConnectorPageSinkId pageSinkId)
    {
        return new WarehousePageSink(transactions.apply(transaction), writer, ((WarehouseInsertTableHandle) insertTableHandle).table(), sortBufferRows);
    }

    @Override
    public ConnectorMergeSink createMergeSink(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorMergeTableHandle mergeHandle, ConnectorPageSinkId pageSinkId)
    {
        return new WarehouseMergeSink(transactions.apply(transaction), writer, (WarehouseMergeTableHandle) mergeHandle, sortBufferRows);
    }
}
