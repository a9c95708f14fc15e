package io.basin.connector.tpch;

import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.DynamicFilter;
import io.trino.tpch.TpchEntity;

import java.util.List;

/** Opens a {@link TpchPageSource} for one generator part, producing only the requested columns. */
final class TpchPageSourceProvider
        implements ConnectorPageSourceProvider
{
    @Override
    public ConnectorPageSource createPageSource(
            ConnectorTransactionHandle transaction,
            ConnectorSession session,
            ConnectorSplit split,
            ConnectorTableHandle table,
            List<ColumnHandle> columns,
            DynamicFilter dynamicFilter)
    {
        TpchTableHandle handle = (TpchTableHandle) table;
        return createPageSource(handle.definition(), handle.scaleFactor(), (TpchSplit) split, columns);
    }

    private static <E extends TpchEntity> ConnectorPageSource createPageSource(
            TpchTableDefinition<E> definition,
            double scaleFactor,
            TpchSplit split,
            List<ColumnHandle> columns)
    {
        List<TpchColumnDefinition<E>> selected = columns.stream()
                .map(column -> definition.columns().get(((TpchColumnHandle) column).ordinal()))
                .toList();
        return new TpchPageSource<>(definition.generate(scaleFactor, split.part(), split.partCount()), selected);
    }
}
