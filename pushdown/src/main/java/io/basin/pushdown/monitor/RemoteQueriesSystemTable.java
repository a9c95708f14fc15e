package io.basin.pushdown.monitor;

import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.InMemoryRecordSet;
import io.trino.spi.connector.RecordCursor;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SystemTable;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.Type;

import java.util.List;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * {@code runtime.remote_queries}: the statements a source connector ran or runs, from its
 * {@link RemoteQueryLog}. The engine gathers this table from every source connector into
 * {@code system.runtime.remote_queries}, adding which source each row comes from; the column
 * names and types below are that contract (the start as microseconds since the epoch, as a BIGINT
 * because Trino's in-memory record sets carry no timestamp(6)).
 */
public final class RemoteQueriesSystemTable
        implements SystemTable
{
    public static final SchemaTableName NAME = new SchemaTableName("runtime", "remote_queries");

    public static final List<ColumnMetadata> COLUMNS = List.of(
            new ColumnMetadata("query_id", BIGINT),
            new ColumnMetadata("state", VARCHAR),
            new ColumnMetadata("remote_sql", VARCHAR),
            new ColumnMetadata("row_count", BIGINT),
            new ColumnMetadata("bytes", BIGINT),
            new ColumnMetadata("started_epoch_micros", BIGINT),
            new ColumnMetadata("elapsed_ms", DOUBLE),
            new ColumnMetadata("error", VARCHAR));

    private final RemoteQueryLog log;

    public RemoteQueriesSystemTable(RemoteQueryLog log)
    {
        this.log = requireNonNull(log, "log is null");
    }

    @Override
    public Distribution getDistribution()
    {
        return Distribution.SINGLE_COORDINATOR;
    }

    @Override
    public ConnectorTableMetadata getTableMetadata()
    {
        return new ConnectorTableMetadata(NAME, COLUMNS);
    }

    @Override
    public RecordCursor cursor(ConnectorTransactionHandle transaction, ConnectorSession session, TupleDomain<Integer> constraint)
    {
        List<Type> types = COLUMNS.stream().map(ColumnMetadata::getType).toList();
        InMemoryRecordSet.Builder rows = InMemoryRecordSet.builder(types);
        for (RemoteQuery.Snapshot query : log.snapshot()) {
            rows.addRow(
                    query.id(),
                    query.state().name(),
                    query.sql(),
                    query.rows(),
                    query.bytes(),
                    query.started().getEpochSecond() * 1_000_000 + query.started().getNano() / 1_000,
                    query.elapsedNanos() / 1e6,
                    query.error().orElse(null));
        }
        return rows.build().cursor();
    }
}
