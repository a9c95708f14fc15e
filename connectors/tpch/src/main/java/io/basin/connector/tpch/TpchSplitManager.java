package io.basin.connector.tpch;

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
 * Splits a table into generator parts of about {@link TpchConfig#rowsPerSplit()} rows each so a
 * scan runs on several threads. Nation and region are a single split.
 */
final class TpchSplitManager
        implements ConnectorSplitManager
{
    private final TpchConfig config;

    TpchSplitManager(TpchConfig config)
    {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    public ConnectorSplitSource getSplits(
            ConnectorTransactionHandle transaction,
            ConnectorSession session,
            ConnectorTableHandle table,
            DynamicFilter dynamicFilter,
            Constraint constraint)
    {
        TpchTableHandle handle = (TpchTableHandle) table;
        TpchTableDefinition<?> definition = handle.definition();
        int partCount = definition.isPartitionable() ? config.splitCount(definition.rowCount(handle.scaleFactor())) : 1;
        List<ConnectorSplit> splits = new ArrayList<>(partCount);
        for (int part = 1; part <= partCount; part++) {
            splits.add(new TpchSplit(part, partCount));
        }
        return new FixedSplitSource(splits);
    }
}
