package io.basin.connector.warehouse;

import io.trino.spi.connector.ColumnHandle;

import static io.trino.spi.type.BigintType.BIGINT;

/**
 * The hidden column an UPDATE reads to name the rows it replaces: a BIGINT holding the row's
 * row group (its index in the table's group list of the statement's snapshot) in the high 32
 * bits and its position in the group in the low 32 bits. Valid only within the transaction whose
 * snapshot produced it.
 */
public record WarehouseRowIdHandle()
        implements ColumnHandle
{
    public static final String NAME = "$row_id";

    static long rowId(int groupIndex, int position)
    {
        return ((long) groupIndex << 32) | (position & 0xFFFF_FFFFL);
    }

    static int groupIndex(long rowId)
    {
        return (int) (rowId >>> 32);
    }

    static int position(long rowId)
    {
        return (int) rowId;
    }

    static io.trino.spi.type.Type type()
    {
        return BIGINT;
    }
}
