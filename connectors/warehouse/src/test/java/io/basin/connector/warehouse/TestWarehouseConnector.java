package io.basin.connector.warehouse;

import io.airlift.slice.Slices;
import io.trino.spi.StandardErrorCode;
import io.trino.spi.TrinoException;
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
import io.trino.spi.type.CharType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.basin.connector.testing.TestingConnectorSession.SESSION;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The warehouse connector through the SPI: what is written is read back (after a restart too),
 * sorted by the sort key within each row group; zone maps skip groups; readers keep their
 * snapshot; conflicting writers get TRANSACTION_CONFLICT and no update is lost. The oracle is the
 * generated data itself.
 */
class TestWarehouseConnector
{
    private static final DecimalType PRICE = DecimalType.createDecimalType(12, 2);
    private static final DecimalType HUGE = DecimalType.createDecimalType(30, 5);
    private static final CharType CODE = CharType.createCharType(5);
    private static final List<Type> TYPES = List.of(BIGINT, VARCHAR, PRICE, HUGE, DATE, TIMESTAMP_MICROS, BOOLEAN, REAL, DOUBLE, SMALLINT, INTEGER, CODE);
    private static final List<String> NAMES = List.of("id", "name", "price", "huge", "day", "at", "flag", "r", "dbl", "s", "i", "code");

    @TempDir
    Path directory;

    private static List<ColumnMetadata> columns(List<String> encodings)
    {
        List<ColumnMetadata> columns = new ArrayList<>();
        for (int i = 0; i < TYPES.size(); i++) {
            columns.add(ColumnMetadata.builder()
                    .setName(NAMES.get(i))
                    .setType(TYPES.get(i))
                    .setNullable(i != 0)
                    .setProperties(encodings.get(i).isEmpty() ? Map.of() : Map.of("encode", encodings.get(i)))
                    .build());
        }
        return columns;
    }

    private static List<ColumnMetadata> columns()
    {
        return columns(List.of("AZ64", "BYTEDICT", "AZ64", "", "DELTA", "AZ64", "RUNLENGTH", "RAW", "ZSTD", "", "LZ4", "AUTO"));
    }

    private static List<List<Object>> rows(int count, long firstId, Random random)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Object> row = new ArrayList<>();
            row.add(firstId + i);
            row.add(nullOr(random, Slices.utf8Slice("name-" + random.nextInt(50))));
            row.add(nullOr(random, random.nextLong(-99_999_999_999L, 99_999_999_999L)));
            row.add(nullOr(random, Int128.valueOf(random.nextLong(-1000, 1000), random.nextLong())));
            row.add(nullOr(random, (long) random.nextInt(18_000, 20_000)));
            row.add(nullOr(random, random.nextLong(-1L << 50, 1L << 50)));
            row.add(nullOr(random, random.nextBoolean()));
            row.add(nullOr(random, (long) Float.floatToIntBits(random.nextFloat() * 100)));
            row.add(nullOr(random, random.nextGaussian() * 1e6));
            row.add(nullOr(random, (long) (short) random.nextInt()));
            row.add(nullOr(random, (long) random.nextInt()));
            row.add(nullOr(random, Slices.utf8Slice("c" + random.nextInt(9))));
            rows.add(row);
        }
        return rows;
    }

    private static Object nullOr(Random random, Object value)
    {
        return random.nextInt(12) == 0 ? null : value;
    }

    private static void assertSameRows(List<List<Object>> actual, List<List<Object>> expected)
    {
        Comparator<List<Object>> byId = Comparator.comparingLong(row -> (Long) row.getFirst());
        List<List<Object>> sortedActual = new ArrayList<>(actual);
        List<List<Object>> sortedExpected = new ArrayList<>(expected);
        sortedActual.sort(byId);
        sortedExpected.sort(byId);
        assertThat(sortedActual).hasSize(sortedExpected.size());
        for (int i = 0; i < sortedExpected.size(); i++) {
            assertThat(sortedActual.get(i)).isEqualTo(sortedExpected.get(i));
        }
    }

    @Test
    void testWrittenRowsReadBackSortedAndSurviveRestart()
    {
        List<List<Object>> expected = rows(12_345, 0, new Random(1));
        Collections.shuffle(expected, new Random(2));
        try (TestingWarehouse warehouse = new TestingWarehouse(directory)) {
            warehouse.createTable("t", columns(), Map.of("sortkey", "day,id", "diststyle", "KEY", "distkey", "id"));
            warehouse.insertCommitted("t", TYPES, expected);
            TestingWarehouse.Scan scan;
            ConnectorTransactionHandle transaction = warehouse.begin();
            scan = warehouse.scan(transaction, "t", TupleDomain.all());
            warehouse.connector().commit(transaction);
            assertSameRows(scan.rows(), expected);
            // 12,345 rows in sorted runs of 5,000 cut into groups of at most 1,000 rows
            assertThat(scan.splits()).isBetween(13, 16);
            for (List<List<Object>> group : scan.rowsBySplit()) {
                assertThat(group.size()).isLessThanOrEqualTo(1000);
                for (int i = 1; i < group.size(); i++) {
                    assertThat(compareDayId(group.get(i - 1), group.get(i))).isLessThanOrEqualTo(0);
                }
            }
        }
        try (TestingWarehouse reopened = new TestingWarehouse(directory)) {
            assertSameRows(reopened.readAll("t"), expected);
            ConnectorTransactionHandle transaction = reopened.begin();
            ConnectorMetadata metadata = reopened.metadata(transaction);
            ConnectorTableHandle table = reopened.table(transaction, "t");
            assertThat(metadata.getTableMetadata(SESSION, table).getProperties())
                    .containsEntry("sortkey", "day,id").containsEntry("diststyle", "KEY").containsEntry("distkey", "id");
            var statistics = metadata.getTableStatistics(SESSION, table);
            assertThat(statistics.getRowCount().getValue()).isEqualTo(expected.size());
            // distinct values for the planner, within HyperLogLog's error of the true counts
            Map<String, ColumnHandle> handles = metadata.getColumnHandles(SESSION, table);
            for (int column : new int[] {0, 1, 4, 11}) {
                long actualDistinct = expected.stream().map(row -> row.get(column)).filter(java.util.Objects::nonNull).distinct().count();
                double estimate = statistics.getColumnStatistics().get(handles.get(NAMES.get(column))).getDistinctValuesCount().getValue();
                assertThat(estimate).as("distinct values of %s", NAMES.get(column)).isCloseTo(actualDistinct, org.assertj.core.data.Percentage.withPercentage(5));
            }
            reopened.connector().commit(transaction);
        }
    }

    private static int compareDayId(List<Object> left, List<Object> right)
    {
        Long leftDay = (Long) left.get(4);
        Long rightDay = (Long) right.get(4);
        if (leftDay == null || rightDay == null) {
            // nulls sort last
            int nulls = Boolean.compare(leftDay == null, rightDay == null);
            if (nulls != 0) {
                return nulls;
            }
        }
        else if (!leftDay.equals(rightDay)) {
            return Long.compare(leftDay, rightDay);
        }
        return Long.compare((Long) left.getFirst(), (Long) right.getFirst());
    }

    @Test
    void testZoneMapsSkipRowGroups()
    {
        try (TestingWarehouse warehouse = new TestingWarehouse(directory)) {
            warehouse.createTable("t", columns(), Map.of("sortkey", "id"));
            List<List<Object>> rows = rows(10_000, 0, new Random(3));
            Collections.shuffle(rows, new Random(4));
            warehouse.insertCommitted("t", TYPES, rows);
            ConnectorTransactionHandle transaction = warehouse.begin();
            ColumnHandle id = warehouse.metadata(transaction).getColumnHandles(SESSION, warehouse.table(transaction, "t")).get("id");
            TupleDomain<ColumnHandle> filter = TupleDomain.withColumnDomains(Map.of(id,
                    Domain.create(ValueSet.ofRanges(Range.range(BIGINT, 2000L, true, 2999L, true)), false)));
            long skippedBefore = warehouse.connector().scanCounters().groupsSkipped();
            TestingWarehouse.Scan scan = warehouse.scan(transaction, "t", filter);
            warehouse.connector().commit(transaction);
            // two sorted runs of 5,000 rows in groups of 1,000: ids 2000..2999 lie in at most two groups of each
            assertThat(scan.splits()).isLessThanOrEqualTo(4);
            assertThat(warehouse.connector().scanCounters().groupsSkipped() - skippedBefore).isGreaterThanOrEqualTo(6);
            List<List<Object>> matching = scan.rows().stream().filter(row -> (Long) row.getFirst() >= 2000 && (Long) row.getFirst() <= 2999).toList();
            assertSameRows(matching, rows.stream().filter(row -> (Long) row.getFirst() >= 2000 && (Long) row.getFirst() <= 2999).toList());
        }
    }

    @Test
    void testReadersKeepTheirSnapshot()
    {
        try (TestingWarehouse warehouse = new TestingWarehouse(directory)) {
            warehouse.createTable("t", columns(), Map.of());
            warehouse.insertCommitted("t", TYPES, rows(100, 0, new Random(5)));
            ConnectorTransactionHandle reader = warehouse.connector().beginTransaction(io.trino.spi.transaction.IsolationLevel.REPEATABLE_READ, true, false);
            assertThat(warehouse.scan(reader, "t", TupleDomain.all()).rows()).hasSize(100);

            warehouse.insertCommitted("t", TYPES, rows(50, 100, new Random(6)));
            ConnectorTransactionHandle deleter = warehouse.begin();
            deleteWhereIdBelow(warehouse, deleter, 30);
            warehouse.connector().commit(deleter);
            warehouse.createTable("u", columns(), Map.of());

            // the reader's snapshot: 100 rows, no table u; its files are still there to read
            assertThat(warehouse.scan(reader, "t", TupleDomain.all()).rows()).hasSize(100);
            assertThat(warehouse.table(reader, "u")).isNull();
            warehouse.connector().commit(reader);
            assertThat(warehouse.readAll("t")).hasSize(120);
        }
    }

    private static long deleteWhereIdBelow(TestingWarehouse warehouse, ConnectorTransactionHandle transaction, long bound)
    {
        return deleteWhere(warehouse, transaction, "id", Domain.create(ValueSet.ofRanges(Range.lessThan(BIGINT, bound)), false));
    }

    private static long deleteWhere(TestingWarehouse warehouse, ConnectorTransactionHandle transaction, String column, Domain domain)
    {
        ConnectorMetadata metadata = warehouse.metadata(transaction);
        ConnectorTableHandle table = warehouse.table(transaction, "t");
        ColumnHandle handle = metadata.getColumnHandles(SESSION, table).get(column);
        ConnectorTableHandle filtered = metadata.applyFilter(SESSION, table, new Constraint(TupleDomain.withColumnDomains(Map.of(handle, domain)))).orElseThrow().getHandle();
        return metadata.executeDelete(SESSION, metadata.applyDelete(SESSION, filtered).orElseThrow()).orElseThrow();
    }

    @Test
    void testConcurrentInsertsBothCommit()
    {
        try (TestingWarehouse warehouse = new TestingWarehouse(directory)) {
            warehouse.createTable("t", columns(), Map.of());
            ConnectorTransactionHandle first = warehouse.begin();
            ConnectorTransactionHandle second = warehouse.begin();
            List<List<Object>> firstRows = rows(300, 0, new Random(7));
            List<List<Object>> secondRows = rows(200, 1000, new Random(8));
            warehouse.insert(first, "t", TYPES, firstRows);
            warehouse.insert(second, "t", TYPES, secondRows);
            warehouse.connector().commit(second);
            warehouse.connector().commit(first);
            List<List<Object>> all = new ArrayList<>(firstRows);
            all.addAll(secondRows);
            assertSameRows(warehouse.readAll("t"), all);
        }
    }

    @Test
    void testConflictingWritersNeverLoseAnUpdate()
    {
        try (TestingWarehouse warehouse = new TestingWarehouse(directory)) {
            warehouse.createTable("t", columns(), Map.of());
            List<List<Object>> rows = rows(1000, 0, new Random(9));
            warehouse.insertCommitted("t", TYPES, rows);

            ConnectorTransactionHandle first = warehouse.begin();
            ConnectorTransactionHandle second = warehouse.begin();
            assertThat(deleteWhereIdBelow(warehouse, first, 100)).isEqualTo(100);
            assertThat(deleteWhere(warehouse, second, "id", Domain.create(ValueSet.ofRanges(Range.range(BIGINT, 50L, true, 150L, false)), false))).isEqualTo(100);
            warehouse.connector().commit(first);
            assertThatThrownBy(() -> warehouse.connector().commit(second))
                    .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(StandardErrorCode.TRANSACTION_CONFLICT.toErrorCode()))
                    .hasMessageContaining("could not serialize access");
            assertSameRows(warehouse.readAll("t"), rows.stream().filter(row -> (Long) row.getFirst() >= 100).toList());

            // a delete computed before a concurrent insert committed would drop that insert: refused too
            ConnectorTransactionHandle deleter = warehouse.begin();
            deleteWhereIdBelow(warehouse, deleter, 200);
            List<List<Object>> inserted = rows(10, 5000, new Random(10));
            warehouse.insertCommitted("t", TYPES, inserted);
            assertThatThrownBy(() -> warehouse.connector().commit(deleter)).isInstanceOf(TrinoException.class).hasMessageContaining("could not serialize access");
            List<List<Object>> expected = new ArrayList<>(rows.stream().filter(row -> (Long) row.getFirst() >= 100).toList());
            expected.addAll(inserted);
            assertSameRows(warehouse.readAll("t"), expected);
        }
    }

    @Test
    void testDeleteTruncateAndDrop()
    {
        List<List<Object>> rows = rows(3000, 0, new Random(11));
        try (TestingWarehouse warehouse = new TestingWarehouse(directory)) {
            warehouse.createTable("t", columns(), Map.of("sortkey", "id"));
            warehouse.insertCommitted("t", TYPES, rows);
            ConnectorTransactionHandle transaction = warehouse.begin();
            long deleted = deleteWhere(warehouse, transaction, "name", Domain.singleValue(VARCHAR, Slices.utf8Slice("name-7")));
            warehouse.connector().commit(transaction);
            List<List<Object>> expected = rows.stream().filter(row -> !Slices.utf8Slice("name-7").equals(row.get(1))).toList();
            assertThat(deleted).isEqualTo(rows.size() - expected.size()).isPositive();
            assertSameRows(warehouse.readAll("t"), expected);
        }
        try (TestingWarehouse warehouse = new TestingWarehouse(directory)) {
            List<List<Object>> expected = rows.stream().filter(row -> !Slices.utf8Slice("name-7").equals(row.get(1))).toList();
            assertSameRows(warehouse.readAll("t"), expected);

            ConnectorTransactionHandle transaction = warehouse.begin();
            warehouse.metadata(transaction).truncateTable(SESSION, warehouse.table(transaction, "t"));
            warehouse.connector().commit(transaction);
            assertThat(warehouse.readAll("t")).isEmpty();

            warehouse.insertCommitted("t", TYPES, rows.subList(0, 10));
            transaction = warehouse.begin();
            warehouse.metadata(transaction).dropTable(SESSION, warehouse.table(transaction, "t"));
            warehouse.connector().commit(transaction);
            transaction = warehouse.begin();
            assertThat(warehouse.table(transaction, "t")).isNull();
            warehouse.connector().commit(transaction);
        }
        // every block file was retired with its table
        assertThat(directory.resolve("data")).isEmptyDirectory();
    }

    @Test
    void testAnalyzeGivesThePlannerExactStatisticsOfTheLiveRows()
    {
        List<List<Object>> rows = rows(5000, 0, new Random(23));
        try (TestingWarehouse warehouse = new TestingWarehouse(directory)) {
            warehouse.createTable("t", columns(), Map.of("sortkey", "day"));
            warehouse.insertCommitted("t", TYPES, rows);
            ConnectorTransactionHandle transaction = warehouse.begin();
            deleteWhere(warehouse, transaction, "name", Domain.singleValue(VARCHAR, Slices.utf8Slice("name-7")));
            deleteWhere(warehouse, transaction, "flag", Domain.singleValue(BOOLEAN, true));
            ConnectorMetadata metadata = warehouse.metadata(transaction);
            var handle = metadata.getTableHandleForExecute(SESSION, null, warehouse.table(transaction, "t"), "analyze", Map.of(), io.trino.spi.connector.RetryMode.NO_RETRIES).orElseThrow();
            metadata.executeTableExecute(SESSION, handle);
            warehouse.connector().commit(transaction);
        }
        List<List<Object>> live = rows.stream()
                .filter(row -> !Slices.utf8Slice("name-7").equals(row.get(1)) && !Boolean.TRUE.equals(row.get(6)))
                .toList();
        try (TestingWarehouse warehouse = new TestingWarehouse(directory)) {
            ConnectorTransactionHandle transaction = warehouse.begin();
            ConnectorMetadata metadata = warehouse.metadata(transaction);
            ConnectorTableHandle table = warehouse.table(transaction, "t");
            var statistics = metadata.getTableStatistics(SESSION, table);
            Map<String, ColumnHandle> handles = metadata.getColumnHandles(SESSION, table);
            assertThat(statistics.getRowCount().getValue()).isEqualTo(live.size());
            // column: its value as the planner's double (dates as days, decimals as values)
            Map<Integer, java.util.function.Function<Object, Double>> numeric = Map.of(
                    0, value -> (double) (Long) value,
                    2, value -> java.math.BigDecimal.valueOf((Long) value, 2).doubleValue(),
                    4, value -> (double) (Long) value,
                    8, value -> (Double) value,
                    10, value -> (double) (Long) value);
            for (int column = 0; column < NAMES.size(); column++) {
                int index = column;
                var columnStatistics = statistics.getColumnStatistics().get(handles.get(NAMES.get(column)));
                long nulls = live.stream().filter(row -> row.get(index) == null).count();
                assertThat(columnStatistics.getNullsFraction().getValue()).as("null fraction of %s", NAMES.get(column)).isCloseTo(nulls / (double) live.size(), within(1e-12));
                long distinct = live.stream().map(row -> row.get(index)).filter(java.util.Objects::nonNull).distinct().count();
                assertThat(columnStatistics.getDistinctValuesCount().getValue()).as("distinct values of %s", NAMES.get(column)).isCloseTo(distinct, within(distinct * 0.07 + 2));
                if (numeric.containsKey(column)) {
                    double min = live.stream().map(row -> row.get(index)).filter(java.util.Objects::nonNull).mapToDouble(numeric.get(column)::apply).min().orElseThrow();
                    double max = live.stream().map(row -> row.get(index)).filter(java.util.Objects::nonNull).mapToDouble(numeric.get(column)::apply).max().orElseThrow();
                    assertThat(columnStatistics.getRange()).as("range of %s", NAMES.get(column)).isPresent();
                    assertThat(columnStatistics.getRange().get().getMin()).as("least %s", NAMES.get(column)).isEqualTo(min);
                    assertThat(columnStatistics.getRange().get().getMax()).as("greatest %s", NAMES.get(column)).isEqualTo(max);
                }
            }
            warehouse.connector().commit(transaction);
        }
    }

    @Test
    void testVacuumReclaimsDeletedRowsAndSortsAgain()
            throws Exception
    {
        try (TestingWarehouse warehouse = new TestingWarehouse(directory)) {
            warehouse.createTable("t", columns(), Map.of("sortkey", "id"));
            List<List<Object>> all = new ArrayList<>();
            for (int batch = 0; batch < 3; batch++) {
                List<List<Object>> rows = rows(2000, batch * 2000L, new Random(20 + batch));
                Collections.shuffle(rows, new Random(30 + batch));
                // each batch is its own sorted run; together they interleave badly after the deletes below
                warehouse.insertCommitted("t", TYPES, rows);
                all.addAll(rows);
            }
            ConnectorTransactionHandle deleter = warehouse.begin();
            assertThat(deleteWhere(warehouse, deleter, "id", Domain.create(ValueSet.ofRanges(Range.range(BIGINT, 500L, true, 3999L, true)), false))).isEqualTo(3500);
            warehouse.connector().commit(deleter);
            List<List<Object>> expected = all.stream().filter(row -> (Long) row.getFirst() < 500 || (Long) row.getFirst() > 3999).toList();

            ConnectorTransactionHandle concurrent = warehouse.begin();
            warehouse.insert(concurrent, "t", TYPES, rows(5, 9000, new Random(40)));
            vacuum(warehouse);
            // an insert begun before the vacuum committed still goes in: appends commute with rewrites
            warehouse.connector().commit(concurrent);
            List<List<Object>> withInsert = new ArrayList<>(expected);
            withInsert.addAll(rows(5, 9000, new Random(40)));
            assertSameRows(warehouse.readAll("t"), withInsert);

            // a vacuum that read the rows before another transaction changed them is refused
            ConnectorTransactionHandle vacuum = warehouse.begin();
            ConnectorMetadata metadata = warehouse.metadata(vacuum);
            var handle = metadata.getTableHandleForExecute(SESSION, null, warehouse.table(vacuum, "t"), "vacuum", Map.of(), io.trino.spi.connector.RetryMode.NO_RETRIES).orElseThrow();
            metadata.executeTableExecute(SESSION, handle);
            warehouse.insertCommitted("t", TYPES, rows(1, 9500, new Random(41)));
            assertThatThrownBy(() -> warehouse.connector().commit(vacuum)).hasMessageContaining("could not serialize access");

            vacuum(warehouse);
            withInsert.addAll(rows(1, 9500, new Random(41)));
            ConnectorTransactionHandle reader = warehouse.begin();
            TestingWarehouse.Scan scan = warehouse.scan(reader, "t", TupleDomain.all());
            warehouse.connector().commit(reader);
            assertSameRows(scan.rows(), withInsert);
            // 2,506 live rows fit one sorted run of full groups; the ids ascend through the whole table
            assertThat(scan.splits()).isEqualTo(3);
            for (int i = 1; i < scan.rows().size(); i++) {
                assertThat((Long) scan.rows().get(i).getFirst()).isGreaterThan((Long) scan.rows().get(i - 1).getFirst());
            }
            // the files of the replaced groups are gone
            try (var files = Files.list(Files.list(directory.resolve("data")).findFirst().orElseThrow())) {
                assertThat(files.count()).isEqualTo(3L * TYPES.size());
            }
        }
    }

    private static void vacuum(TestingWarehouse warehouse)
    {
        ConnectorTransactionHandle transaction = warehouse.begin();
        ConnectorMetadata metadata = warehouse.metadata(transaction);
        var handle = metadata.getTableHandleForExecute(SESSION, null, warehouse.table(transaction, "t"), "vacuum", Map.of(), io.trino.spi.connector.RetryMode.NO_RETRIES).orElseThrow();
        metadata.executeTableExecute(SESSION, handle);
        warehouse.connector().commit(transaction);
    }

    @Test
    void testRolledBackWritesLeaveNothing()
    {
        try (TestingWarehouse warehouse = new TestingWarehouse(directory)) {
            warehouse.createTable("t", columns(), Map.of());
            ConnectorTransactionHandle transaction = warehouse.begin();
            warehouse.insert(transaction, "t", TYPES, rows(2500, 0, new Random(12)));
            warehouse.connector().rollback(transaction);
            assertThat(warehouse.readAll("t")).isEmpty();
        }
        assertThat(directory.resolve("data")).isEmptyDirectory();
    }

    @Test
    void testInvalidDefinitionsAreRejected()
    {
        try (TestingWarehouse warehouse = new TestingWarehouse(directory)) {
            List<String> badEncoding = new ArrayList<>(Collections.nCopies(TYPES.size(), ""));
            badEncoding.set(1, "AZ64");
            assertThatThrownBy(() -> warehouse.createTable("t", columns(badEncoding), Map.of()))
                    .hasMessageContaining("Encoding AZ64 does not apply to column name of type varchar");
            badEncoding.set(1, "SNAPPY");
            assertThatThrownBy(() -> warehouse.createTable("t", columns(badEncoding), Map.of()))
                    .hasMessageContaining("Unknown encoding SNAPPY");
            assertThatThrownBy(() -> warehouse.createTable("t", columns(), Map.of("sortkey", "nope")))
                    .hasMessageContaining("SORTKEY column \"nope\" does not exist");
            assertThatThrownBy(() -> warehouse.createTable("t", columns(), Map.of("diststyle", "KEY")))
                    .hasMessageContaining("DISTSTYLE KEY needs a DISTKEY column");
            assertThatThrownBy(() -> new TestingWarehouse(directory))
                    .hasMessageContaining("another Basin process (or catalog) has it open");
        }
    }

    @Test
    void testInterleavedSortKeyClustersBothColumns()
    {
        try (TestingWarehouse warehouse = new TestingWarehouse(new WarehouseConfig(directory, 256, 1 << 20, 100_000))) {
            List<ColumnMetadata> columns = List.of(new ColumnMetadata("a", BIGINT), new ColumnMetadata("b", BIGINT));
            warehouse.createTable("t", columns, Map.of("sortkey", "a,b", "sortstyle", "INTERLEAVED"));
            List<List<Object>> rows = new ArrayList<>();
            for (long a = 0; a < 64; a++) {
                for (long b = 0; b < 64; b++) {
                    rows.add(List.of(a, b));
                }
            }
            Collections.shuffle(rows, new Random(13));
            warehouse.insertCommitted("t", List.of(BIGINT, BIGINT), rows);
            ConnectorTransactionHandle transaction = warehouse.begin();
            Map<String, ColumnHandle> handles = warehouse.metadata(transaction).getColumnHandles(SESSION, warehouse.table(transaction, "t"));
            int byA = warehouse.scan(transaction, "t", TupleDomain.withColumnDomains(Map.of(handles.get("a"), Domain.singleValue(BIGINT, 5L)))).splits();
            int byB = warehouse.scan(transaction, "t", TupleDomain.withColumnDomains(Map.of(handles.get("b"), Domain.singleValue(BIGINT, 5L)))).splits();
            warehouse.connector().commit(transaction);
            // 16 groups of 256 rows: a Z-order lets a filter on either column skip most of them
            assertThat(byA).isLessThanOrEqualTo(4);
            assertThat(byB).isLessThanOrEqualTo(4);
        }
        assertThat(Files.exists(directory.resolve("manifest"))).isTrue();
    }
}
