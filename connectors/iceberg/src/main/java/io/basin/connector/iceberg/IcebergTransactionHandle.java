package io.basin.connector.iceberg;

import io.trino.spi.connector.ConnectorTransactionHandle;

/**
 * Lake catalogs have no transactions of their own: every write commits an Iceberg snapshot
 * atomically when its statement finishes.
 */
public enum IcebergTransactionHandle
        implements ConnectorTransactionHandle
{
    INSTANCE
}
