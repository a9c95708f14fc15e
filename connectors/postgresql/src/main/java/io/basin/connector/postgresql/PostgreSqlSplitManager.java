package io.basin.connector.postgresql;

import io.basin.connector.jdbc.JdbcRelation;
import io.basin.connector.jdbc.JdbcTableHandle;
import io.basin.connector.jdbc.JdbcTransactionHandle;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.FixedSplitSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Splits a large table ({@code relpages} at least {@code parallel-read-min-blocks}) into
 * {@code read-parallelism} ranges of its blocks, read on separate connections in one shared
 * snapshot; the last range is open-ended, so rows in blocks beyond the (estimated) page count are
 * read too. Views, other relations, pushed-down statements and small tables are one split.
 */
final class PostgreSqlSplitManager
        implements ConnectorSplitManager
{
    private final PostgreSqlClient client;
    private final SharedSnapshots snapshots;

    PostgreSqlSplitManager(PostgreSqlClient client, SharedSnapshots snapshots)
    {
        this.client = requireNonNull(client, "client is null");
        this.snapshots = requireNonNull(snapshots, "snapshots is null");
    }

    @Override
    public ConnectorSplitSource getSplits(
            ConnectorTransactionHandle transaction,
            ConnectorSession session,
            ConnectorTableHandle table,
            DynamicFilter dynamicFilter,
            Constraint constraint)
    {
        PostgreSqlConfig config = client.config();
        JdbcTableHandle handle = (JdbcTableHandle) table;
        if (config.readParallelism() > 1 && handle.relation() instanceof JdbcRelation.Named named) {
            OptionalLong pages = client.tablePages(named.schema(), named.table());
            if (pages.isPresent() && pages.getAsLong() >= config.parallelReadMinBlocks()) {
                String snapshot = snapshots.snapshot((JdbcTransactionHandle) transaction);
                int parallelism = config.readParallelism();
                long step = Math.ceilDiv(pages.getAsLong(), parallelism);
                List<ConnectorSplit> splits = new ArrayList<>();
                for (int i = 0; i < parallelism; i++) {
                    OptionalLong end = i == parallelism - 1 ? OptionalLong.empty() : OptionalLong.of((i + 1) * step);
                    splits.add(new PostgreSqlSplit(OptionalLong.of(i * step), end, Optional.of(snapshot)));
                }
                return new FixedSplitSource(splits);
            }
        }
        return new FixedSplitSource(List.of(PostgreSqlSplit.whole()));
    }
}
