package io.basin.connector.jdbc;

import io.trino.spi.connector.ConnectorSplit;

import java.util.List;

/** How a dialect reads one of its splits: the statement, and what runs before it. */
public interface SplitReads
{
    /** The statement reading {@code columns} of {@code relation} for {@code split}, identifiers quoted. */
    String sql(JdbcRelation relation, List<JdbcColumnHandle> columns, ConnectorSplit split);

    /** What the split's connection runs before the statement. */
    default ReadSetup setup(ConnectorSplit split)
    {
        return ReadSetup.NONE;
    }
}
