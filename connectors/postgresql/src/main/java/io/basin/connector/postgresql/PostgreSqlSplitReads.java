package io.basin.connector.postgresql;

import io.basin.connector.jdbc.JdbcColumnHandle;
import io.basin.connector.jdbc.JdbcQueryBuilder;
import io.basin.connector.jdbc.JdbcRelation;
import io.basin.connector.jdbc.ReadSetup;
import io.basin.connector.jdbc.SplitReads;
import io.trino.spi.connector.ConnectorSplit;

import java.sql.Statement;
import java.util.List;

import static io.basin.pushdown.RemoteSqlDialect.POSTGRESQL;

/**
 * How a PostgreSQL split is read: a table's block range becomes a {@code ctid} range (a TID range
 * scan), read in the snapshot the scan's splits share.
 */
final class PostgreSqlSplitReads
        implements SplitReads
{
    @Override
    public String sql(JdbcRelation relation, List<JdbcColumnHandle> columns, ConnectorSplit split)
    {
        PostgreSqlSplit range = (PostgreSqlSplit) split;
        String sql = JdbcQueryBuilder.selectColumns(POSTGRESQL, relation, columns);
        if (range.firstBlock().isEmpty()) {
            return sql;
        }
        if (!(relation instanceof JdbcRelation.Named)) {
            throw new IllegalArgumentException("Only a table is read by block ranges");
        }
        return sql + " WHERE ctid >= '(" + range.firstBlock().getAsLong() + ",0)'::tid"
                + (range.endBlock().isPresent() ? " AND ctid < '(" + range.endBlock().getAsLong() + ",0)'::tid" : "");
    }

    @Override
    public ReadSetup setup(ConnectorSplit split)
    {
        return ((PostgreSqlSplit) split).snapshot()
                .<ReadSetup>map(snapshot -> connection -> {
                    // the scan's shared snapshot: this split sees the table as its sibling splits
                    // do (the identifier's format is checked by PostgreSqlSplit)
                    try (Statement setup = connection.createStatement()) {
                        setup.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                        setup.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
                    }
                })
                .orElse(ReadSetup.NONE);
    }
}
