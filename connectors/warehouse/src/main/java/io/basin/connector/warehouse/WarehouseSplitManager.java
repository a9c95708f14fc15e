package io.basin.connector.warehouse;

import io.basin.connector.warehouse.storage.RowGroup;
import io.basin.connector.warehouse.storage.TableState;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.FixedSplitSource;
import io.trino.spi.metrics.Metrics;
import io.trino.plugin.base.metrics.LongCount;
import io.trino.spi.predicate.TupleDomain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.trino.spi.StandardErrorCode.TABLE_NOT_FOUND;
import static java.util.Objects.requireNonNull;

/**
 * One split per row group of the transaction's snapshot, carrying the group's slice, leaving out
 * the groups whose zone maps rule out the pushed filter, the scan's constraint or the dynamic
 * filter known so far. A DISTSTYLE ALL table is read from its copy on slice 0. The split
 * source's metrics count the table's row groups and column blocks and the groups left out.
 */
final class WarehouseSplitManager
        implements ConnectorSplitManager
{
    private final Function<ConnectorTransactionHandle, WarehouseTransaction> transactions;
    private final ScanCounters counters;

    WarehouseSplitManager(Function<ConnectorTransactionHandle, WarehouseTransaction> transactions, ScanCounters counters)
    {
        this.transactions = requireNonNull(transactions, "transactions is null");
        this.counters = requireNonNull(counters, "counters is null");
    }

    @Override
    public ConnectorSplitSource getSplits(ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorTableHandle tableHandle, DynamicFilter dynamicFilter, Constraint constraint)
    {
        if (tableHandle instanceof WarehouseSystemTable.Handle system) {
            return new FixedSplitSource(List.of(new WarehouseSystemTable.Split(system.name())));
        }
        WarehouseTableHandle handle = (WarehouseTableHandle) tableHandle;
        TableState table = transactions.apply(transaction).table(handle.tableId())
                .orElseThrow(() -> new TrinoException(TABLE_NOT_FOUND, "Warehouse table %s no longer exists: it was dropped".formatted(handle.tableId())));
        TupleDomain<ColumnHandle> filter = handle.constraint()
                .intersect(constraint.getSummary())
                .intersect(dynamicFilter.getCurrentPredicate());
        List<ConnectorSplit> splits = new ArrayList<>();
        int skipped = 0;
        List<RowGroup> groups = table.primaryGroups();
        for (RowGroup group : groups) {
            if (RowGroupPruning.mayMatch(table.definition(), group, filter)) {
                splits.add(new WarehouseSplit(handle.tableId(), group.id(), group.liveRows(), group.slice()));
            }
            else {
                skipped++;
            }
        }
        counters.record(table.definition().name(), groups.size(), skipped);
        // the groups left out have no split, so the split source reports them (page sources report what they read)
        Metrics metrics = new Metrics(Map.of(
                "row groups total", new LongCount(groups.size()),
                "row groups skipped", new LongCount(skipped),
                "column blocks total", new LongCount((long) groups.size() * table.definition().columns().size())));
        return new FixedSplitSource(splits)
        {
            @Override
            public Metrics getMetrics()
            {
                return metrics;
            }
        };
    }
}
