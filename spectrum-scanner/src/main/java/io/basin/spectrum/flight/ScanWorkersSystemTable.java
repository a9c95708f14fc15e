package io.basin.spectrum.flight;

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
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * {@code runtime.scan_workers}: a lake catalog's remote scan workers, one row each: whether the
 * worker takes tasks ({@code up}, or {@code down} after a failure or an unanswered ping), scans
 * running now, file ranges finished, rows returned, and transport failures (each failed range was
 * retried on another worker). The engine gathers it from every catalog into
 * {@code system.runtime.scan_workers}.
 */
public final class ScanWorkersSystemTable
        implements SystemTable
{
    public static final SchemaTableName NAME = new SchemaTableName("runtime", "scan_workers");

    public static final List<ColumnMetadata> COLUMNS = List.of(
            new ColumnMetadata("worker", VARCHAR),
            new ColumnMetadata("state", VARCHAR),
            new ColumnMetadata("active_scans", BIGINT),
            new ColumnMetadata("tasks_finished", BIGINT),
            new ColumnMetadata("rows_returned", BIGINT),
            new ColumnMetadata("failures", BIGINT));

    private final RemoteScanFleet fleet;

    public ScanWorkersSystemTable(RemoteScanFleet fleet)
    {
        this.fleet = requireNonNull(fleet, "fleet is null");
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
        for (WorkerStatus worker : fleet.workers()) {
            rows.addRow(worker.address().toString(), worker.up() ? "up" : "down", (long) worker.activeScans(), worker.tasksFinished(), worker.rowsReturned(), worker.failures());
        }
        return rows.build().cursor();
    }
}
