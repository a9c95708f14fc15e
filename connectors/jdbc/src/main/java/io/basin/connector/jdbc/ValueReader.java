package io.basin.connector.jdbc;

import io.trino.spi.block.BlockBuilder;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Appends one result set value (possibly null) to a block. */
@FunctionalInterface
public interface ValueReader
{
    void read(ResultSet resultSet, int index, BlockBuilder output)
            throws SQLException;
}
