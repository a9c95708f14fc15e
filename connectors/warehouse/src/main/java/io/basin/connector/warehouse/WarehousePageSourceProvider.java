package io.basin.connector.warehouse;

import io.basin.connector.warehouse.storage.RowGroup;
import io.basin.connector.warehouse.storage.TableState;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.FixedPageSource;

import java.util.List;
import java.util.function.Function;

import static io.trino.spi.StandardErrorCode.GENERIC_INTERNAL_ERROR;
import static io.trino.spi.StandardErrorCode.TABLE_NOT_FOUND;
import static java.util.Objects.requireNonNull;

/** Opens a {@link WarehousePageSource} over one row group of the transaction's snapshot. */
final class WarehousePageSourceProvider
        implements ConnectorPageSourceProvider
{
    private final Function<ConnectorTransactionHandle, WarehouseTransaction> transactions;
    private final ScanCounters scanCounters;

    WarehousePageSourceProvider(Function<ConnectorTransactionHandle, WarehouseTransaction> transactions, ScanCounters scanCounters)
    {
        this.transactions = requireNonNull(transactions, "transactions is null");
        this.scanCounters = requireNonNull(scanCounters, "scanCounters is null");
    }

    @Override
    public ConnectorPageSource createPageSource(ConnectorTransactionHandle transactionHandle, ConnectorSession session, ConnectorSplit split, ConnectorTableHandle table, List<ColumnHandle> columns, DynamicFilter dynamicFilter)
    {
        if (table instanceof WarehouseSystemTable.Handle system) {
            return new FixedPageSource(List.of(system.page(transactions.apply(transactionHandle).state(), scanCounters, columns)));
        }
        WarehouseSplit warehouseSplit = (WarehouseSplit) split;
        WarehouseTransaction transaction = transactions.apply(transactionHandle);
        TableState state = transaction.table(warehouseSplit.tableId())
                .orElseThrow(() -> new TrinoException(TABLE_NOT_FOUND, "Warehouse table %s no longer exists: it was dropped".formatted(warehouseSplit.tableId())));
        int groupIndex = -1;
        for (int index = 0; index < state.groups().size(); index++) {
            if (state.groups().get(index).id().equals(warehouseSplit.groupId())) {
                groupIndex = index;
                break;
            }
        }
        if (groupIndex < 0) {
            throw new TrinoException(GENERIC_INTERNAL_ERROR, "Row group %s is not part of table %s in this snapshot".formatted(warehouseSplit.groupId(), state.definition().name()));
        }
        int[] ordinals = columns.stream()
                .mapToInt(column -> column instanceof WarehouseRowIdHandle ? WarehousePageSource.ROW_ID : ((WarehouseColumnHandle) column).ordinal())
                .toArray();
        return new WarehousePageSource(transaction.store(), state.definition(), state.groups().get(groupIndex), groupIndex, ordinals);
    }
}
