package io.basin.connector.tpch;

import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * A column of a TPC-H table.
 *
 * @param name the column name, e.g. {@code l_orderkey}
 * @param type the column's SQL type
 * @param ordinal the column's position in its table, which selects its generator accessor
 */
public record TpchColumnHandle(String name, Type type, int ordinal)
        implements ColumnHandle
{
    public TpchColumnHandle
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal is negative: " + ordinal);
        }
    }
}
