package io.basin.connector.tpch;

import io.trino.spi.connector.ConnectorTransactionHandle;

/** The generator is stateless and read-only, so every transaction is the same. */
public enum TpchTransactionHandle
        implements ConnectorTransactionHandle
{
    INSTANCE
}
