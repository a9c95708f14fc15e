package io.basin.connector.mysql;

import io.basin.connector.jdbc.JdbcRelation;
import io.basin.connector.jdbc.JdbcTableHandle;
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
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * A large table ({@code TABLE_ROWS} at least {@code parallel-read-min-rows}) with a one-column
 * integer primary key is read as {@code read-parallelism} ranges of that key, each streamed over
 * its own connection; anything else is one split. The first and last ranges are open-ended, so
 * rows whose keys fall outside the range seen when the splits were made are still read.
 *
 * <p>Consistency: MySQL and MariaDB cannot share a snapshot between connections (PostgreSQL's
 * {@code pg_export_snapshot} has no equivalent), so each range is read in its own InnoDB
 * consistent snapshot, taken when that range's statement starts. The ranges start together, but
 * a change committed between their starts can be seen by some ranges and not others; a row whose
 * key is updated across ranges then may be read twice or not at all. A table that is not being
 * written while it is read is read exactly; set {@code read-parallelism} to 1 for a single
 * snapshot.
 */
final class MySqlSplitManager
        implements ConnectorSplitManager
{
    private final MySqlClient client;

    MySqlSplitManager(MySqlClient client)
    {
        this.client = requireNonNull(client, "client is null");
    }

    @Override
    public ConnectorSplitSource getSplits(
            ConnectorTransactionHandle transaction,
            ConnectorSession session,
            ConnectorTableHandle table,
            DynamicFilter dynamicFilter,
            Constraint constraint)
    {
        MySqlConfig config = client.config();
        JdbcTableHandle handle = (JdbcTableHandle) table;
        if (config.readParallelism() > 1 && handle.relation() instanceof JdbcRelation.Named named) {
            OptionalDouble rows = client.getStatistics(named.schema(), named.table()).rowCount();
            if (rows.isPresent() && rows.getAsDouble() >= config.parallelReadMinRows()) {
                Optional<MySqlClient.KeyRange> range = client.integerKeyRange(named.schema(), named.table());
                if (range.isPresent()) {
                    return new FixedSplitSource(ranges(range.get(), config.readParallelism()));
                }
            }
        }
        return new FixedSplitSource(List.of(MySqlSplit.whole()));
    }

    static List<ConnectorSplit> ranges(MySqlClient.KeyRange range, int parallelism)
    {
        long span;
        try {
            span = Math.addExact(Math.subtractExact(range.max(), range.min()), 1);
        }
        catch (ArithmeticException e) {
            // a key range wider than a long: rare enough to read over one connection
            return List.of(MySqlSplit.whole());
        }
        int count = (int) Math.min(parallelism, span);
        long step = Math.ceilDiv(span, count);
        List<ConnectorSplit> splits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OptionalLong low = i == 0 ? OptionalLong.empty() : OptionalLong.of(range.min() + i * step);
            OptionalLong high = i == count - 1 ? OptionalLong.empty() : OptionalLong.of(range.min() + (i + 1) * step);
            splits.add(new MySqlSplit(Optional.of(range.column()), low, high));
        }
        return splits;
    }
}
