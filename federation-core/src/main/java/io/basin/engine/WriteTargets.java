package io.basin.engine;

import io.basin.plan.TableWriterNode;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;

import static java.util.Objects.requireNonNull;

/** The ways a statement writes a table. */
final class WriteTargets
{
    private WriteTargets() {}

    record CreateTable(ConnectorTableMetadata metadata)
            implements TableWriterNode.WriteTarget
    {
        CreateTable
        {
            requireNonNull(metadata, "metadata is null");
        }

        @Override
        public String describe()
        {
            return "create";
        }
    }

    record Insert(ConnectorTableHandle handle)
            implements TableWriterNode.WriteTarget
    {
        Insert
        {
            requireNonNull(handle, "handle is null");
        }

        @Override
        public String describe()
        {
            return "insert";
        }
    }

    /** Rows replaced: the written pages carry the new values of every column, then the replaced row's id. */
    record Update(ConnectorTableHandle handle, io.trino.spi.connector.ColumnMetadata rowId)
            implements TableWriterNode.WriteTarget
    {
        Update
        {
            requireNonNull(handle, "handle is null");
            requireNonNull(rowId, "rowId is null");
        }

        @Override
        public String describe()
        {
            return "update";
        }
    }

    /** Rows deleted by row id: the written pages carry every column, then the row's id. */
    record Delete(ConnectorTableHandle handle, io.trino.spi.connector.ColumnMetadata rowId)
            implements TableWriterNode.WriteTarget
    {
        Delete
        {
            requireNonNull(handle, "handle is null");
            requireNonNull(rowId, "rowId is null");
        }

        @Override
        public String describe()
        {
            return "delete";
        }
    }
}
