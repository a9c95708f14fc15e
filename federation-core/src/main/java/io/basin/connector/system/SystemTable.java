package io.basin.connector.system;

import io.trino.spi.Page;
import io.trino.spi.connector.ColumnMetadata;

import java.util.List;

/** A read-only table computed from engine state when it is scanned. */
public interface SystemTable
{
    String schemaName();

    String tableName();

    List<ColumnMetadata> columns();

    /** The current rows, one page. */
    Page rows();

    /** The current rows as {@code session} sees them; tables that read connectors need the session. */
    default Page rows(io.trino.spi.connector.ConnectorSession session)
    {
        return rows();
    }
}
