package io.basin.pgwire;

import io.trino.spi.block.Block;

/** How one result column goes over the wire: its type for RowDescription, and its values for DataRow. */
interface ColumnEncoder
{
    int typeOid();

    /** pg_type.typlen: the fixed size in bytes, or -1 for variable length. */
    int typeSize();

    /** The type modifier (atttypmod): e.g. precision and scale of numeric; -1 when none. */
    int typeModifier();

    /** 0 for text format, 1 for binary. */
    int format();

    /** Writes the value at {@code position} as an int32 length and its bytes, or length -1 for NULL. */
    void write(Block block, int position, PgOutput out);
}
