package io.basin.connector.system;

import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/** The handles of the system connector: tables by name, columns by position. */
final class SystemHandles
{
    private SystemHandles() {}

    enum Transaction
            implements ConnectorTransactionHandle
    {
        INSTANCE
    }

    record Table(String schemaName, String tableName)
            implements ConnectorTableHandle
    {
        Table
        {
            requireNonNull(schemaName, "schemaName is null");
            requireNonNull(tableName, "tableName is null");
        }
    }

    record Column(String name, Type type, int index)
            implements ColumnHandle
    {
        Column
        {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    record Split(Table table)
            implements ConnectorSplit
    {
        Split
        {
            requireNonNull(table, "table is null");
        }
    }
}
