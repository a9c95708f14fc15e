package io.basin.connector.warehouse;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.predicate.ValueSet;
import io.trino.spi.type.Type;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static io.basin.connector.testing.TestingConnectorSession.SESSION;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.VarcharType.VARCHAR;

/**
 * The child process of {@link TestWarehouseCrashSafety}: inserts batches (and now and then
 * deletes a range of ids or vacuums the table) in a loop until it is killed, printing the table's state it is about to
 * commit ({@code COMMITTING}) and the state it committed ({@code COMMITTED}) as count, sum and
 * sum of squares of the live ids. Every row's other columns are derived from its id, so the
 * parent can check each row's integrity too.
 */
public final class CrashingWriter
{
    static final List<Type> TYPES = List.of(BIGINT, VARCHAR, DOUBLE);

    private CrashingWriter() {}

    static List<Object> row(long id)
    {
        return List.of(id, payload(id), id * 0.5);
    }

    static Slice payload(long id)
    {
        return Slices.utf8Slice("payload-" + Long.toHexString(id * 0x9E3779B97F4A7C15L) + "-" + "x".repeat((int) (id % 17)));
    }

    static String state(TreeSet<Long> ids)
    {
        long sum = 0;
        long squares = 0;
        for (long id : ids) {
            sum += id;
            squares += id * id;
        }
        return ids.size() + " " + sum + " " + squares;
    }

    public static void main(String[] args)
    {
        Path directory = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        TestingWarehouse warehouse = new TestingWarehouse(new WarehouseConfig(directory, 500, 1 << 20, 2000));
        TreeSet<Long> ids = new TreeSet<>();
        ConnectorTransactionHandle start = warehouse.begin();
        if (warehouse.table(start, "t") == null) {
            warehouse.connector().commit(start);
            warehouse.createTable("t", List.of(new ColumnMetadata("id", BIGINT), new ColumnMetadata("payload", VARCHAR), new ColumnMetadata("half", DOUBLE)), Map.of("sortkey", "id"));
        }
        else {
            warehouse.connector().commit(start);
            // the parent checked this state against what was reported committed
            for (List<Object> row : warehouse.readAll("t")) {
                ids.add((Long) row.getFirst());
            }
        }
        long nextId = ids.isEmpty() ? 0 : ids.last() + 1;
        System.out.println("READY " + state(ids));
        System.out.flush();
        while (true) {
            ConnectorTransactionHandle transaction = warehouse.begin();
            TreeSet<Long> next = new TreeSet<>(ids);
            int action = random.nextInt(8);
            if (action == 0 && !ids.isEmpty()) {
                // VACUUM rewrites every live row; the state stays the same
                ConnectorMetadata metadata = warehouse.metadata(transaction);
                metadata.executeTableExecute(SESSION, metadata.getTableHandleForExecute(SESSION, null, warehouse.table(transaction, "t"), "vacuum", Map.of(),
                        io.trino.spi.connector.RetryMode.NO_RETRIES).orElseThrow());
            }
            else if (action <= 2 && !ids.isEmpty()) {
                long bound = ids.first() + random.nextInt(300);
                delete(warehouse, transaction, bound);
                next.headSet(bound).clear();
            }
            else {
                int count = 1 + random.nextInt(3000);
                List<List<Object>> rows = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    rows.add(row(nextId + i));
                    next.add(nextId + i);
                }
                warehouse.insert(transaction, "t", TYPES, rows);
                nextId += count;
            }
            System.out.println("COMMITTING " + state(next));
            System.out.flush();
            warehouse.connector().commit(transaction);
            ids = next;
            System.out.println("COMMITTED " + state(ids));
            System.out.flush();
        }
    }

    private static void delete(TestingWarehouse warehouse, ConnectorTransactionHandle transaction, long bound)
    {
        ConnectorMetadata metadata = warehouse.metadata(transaction);
        ConnectorTableHandle table = warehouse.table(transaction, "t");
        ColumnHandle id = metadata.getColumnHandles(SESSION, table).get("id");
        TupleDomain<ColumnHandle> filter = TupleDomain.withColumnDomains(Map.of(id, Domain.create(ValueSet.ofRanges(Range.lessThan(BIGINT, bound)), false)));
        ConnectorTableHandle filtered = metadata.applyFilter(SESSION, table, new Constraint(filter)).orElseThrow().getHandle();
        metadata.executeDelete(SESSION, filtered);
    }
}
