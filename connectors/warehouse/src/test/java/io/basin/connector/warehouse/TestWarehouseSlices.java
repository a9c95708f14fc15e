package io.basin.connector.warehouse;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.airlift.slice.XxHash64;
import io.basin.connector.warehouse.storage.RowGroup;
import io.basin.connector.warehouse.storage.SliceDistribution;
import io.basin.connector.warehouse.storage.TableState;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTablePartitioning;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.predicate.ValueSet;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.basin.connector.testing.TestingConnectorSession.SESSION;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.TypeUtils.readNativeValue;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows on slices: where each row of a KEY, EVEN, ALL and AUTO table lands, checked against the
 * placement the storage format promises (the slice of a KEY row is computed here from the value
 * with xxHash64, independently of the connector's code), across restarts and through DELETE and
 * VACUUM; and the partitioning the connector reports to the engine.
 */
class TestWarehouseSlices
{
    private static final DecimalType PRICE = DecimalType.createDecimalType(12, 2);
    private static final List<Type> TYPES = List.of(BIGINT, INTEGER, PRICE, VARCHAR, DATE);
    private static final List<String> NAMES = List.of("big", "small", "price", "name", "day");

    @TempDir
    Path directory;

    private static List<ColumnMetadata> columns()
    {
        List<ColumnMetadata> columns = new ArrayList<>();
        for (int i = 0; i < TYPES.size(); i++) {
            columns.add(ColumnMetadata.builder().setName(NAMES.get(i)).setType(TYPES.get(i)).setNullable(true).build());
        }
        return columns;
    }

    /** Rows whose columns hold equal values (as far as the types allow) and some NULLs. */
    private static List<List<Object>> rows(int count, long first)
    {
        Random random = new Random(first);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long value = first + i;
            boolean nulls = random.nextInt(50) == 0;
            List<Object> row = new ArrayList<>();
            row.add(nulls ? null : value);
            row.add(nulls ? null : value);
            // cents, so that whole amounts (trailing zeros) and fractions both occur
            row.add(nulls ? null : value * (i % 3 == 0 ? 100 : 7));
            row.add(nulls ? null : Slices.utf8Slice("customer#" + value));
            row.add(nulls ? null : 9000 + value % 400);
            rows.add(row);
        }
        return rows;
    }

    /** The slice the format promises for a non-null value, computed from the value itself. */
    private static int expectedSlice(Type type, Object value, int slices)
    {
        if (value == null) {
            return 0;
        }
        long hash;
        if (type == BIGINT || type == INTEGER || type == DATE) {
            hash = XxHash64.hash((Long) value);
        }
        else if (type == VARCHAR) {
            hash = XxHash64.hash((Slice) value);
        }
        else {
            BigDecimal decimal = new BigDecimal(BigInteger.valueOf((Long) value), PRICE.getScale()).stripTrailingZeros();
            if (decimal.signum() == 0) {
                decimal = BigDecimal.ZERO;
            }
            hash = XxHash64.hash(decimal.scale(), Slices.wrappedBuffer(decimal.unscaledValue().toByteArray()));
        }
        return (int) Long.remainderUnsigned(hash, slices);
    }

    @Test
    void testKeyRowsLandOnTheSliceOfTheirValueAcrossRestarts()
    {
        WarehouseConfig fourSlices = new WarehouseConfig(directory, 100, 1 << 20, 700, 4);
        List<List<Object>> written = new ArrayList<>(rows(1500, 0));
        try (TestingWarehouse warehouse = new TestingWarehouse(fourSlices)) {
            for (String key : NAMES) {
                warehouse.createTable("by_" + key, columns(), Map.of("distkey", key));
                warehouse.insertCommitted("by_" + key, TYPES, written);
            }
            for (int column = 0; column < NAMES.size(); column++) {
                assertRowsOnTheirSlices(warehouse, "by_" + NAMES.get(column), column, 4, written);
            }
        }
        // a restart with another default slice count: the tables keep 4 slices and route new rows alike
        try (TestingWarehouse warehouse = new TestingWarehouse(fourSlices.withSlices(3))) {
            List<List<Object>> more = rows(600, 5000);
            for (String key : NAMES) {
                warehouse.insertCommitted("by_" + key, TYPES, more);
            }
            written.addAll(more);
            for (int column = 0; column < NAMES.size(); column++) {
                assertRowsOnTheirSlices(warehouse, "by_" + NAMES.get(column), column, 4, written);
            }
            // equal integers land on the same slice whether bigint or integer
            Map<Object, Integer> bigSlices = slicesOfValues(warehouse, "by_big", 0);
            Map<Object, Integer> smallSlices = slicesOfValues(warehouse, "by_small", 1);
            assertThat(smallSlices).isEqualTo(bigSlices);
            warehouse.createTable("later", columns(), Map.of("distkey", "big"));
            assertThat(definition(warehouse, "later").sliceCount()).isEqualTo(3);
            assertThat(definition(warehouse, "by_big").sliceCount()).isEqualTo(4);
        }
    }

    private static void assertRowsOnTheirSlices(TestingWarehouse warehouse, String table, int keyColumn, int slices, List<List<Object>> expectedRows)
    {
        Map<Integer, List<List<Object>>> bySlice = rowsBySlice(warehouse, table);
        int[] expectedCounts = new int[slices];
        for (List<Object> row : expectedRows) {
            expectedCounts[expectedSlice(TYPES.get(keyColumn), row.get(keyColumn), slices)]++;
        }
        int total = 0;
        for (int slice = 0; slice < slices; slice++) {
            List<List<Object>> rows = bySlice.getOrDefault(slice, List.of());
            for (List<Object> row : rows) {
                assertThat(expectedSlice(TYPES.get(keyColumn), row.get(keyColumn), slices)).as("slice of %s in %s", row, table).isEqualTo(slice);
            }
            assertThat(rows).as("rows of slice %s of %s", slice, table).hasSize(expectedCounts[slice]);
            total += rows.size();
        }
        assertThat(bySlice.keySet()).allMatch(slice -> slice < slices);
        assertThat(total).isEqualTo(expectedRows.size());
    }

    private static Map<Object, Integer> slicesOfValues(TestingWarehouse warehouse, String table, int column)
    {
        Map<Object, Integer> slices = new HashMap<>();
        rowsBySlice(warehouse, table).forEach((slice, rows) -> rows.stream()
                .filter(row -> row.get(column) != null)
                .forEach(row -> slices.put(((Number) row.get(column)).longValue(), slice)));
        return slices;
    }

    /** The rows a scan reads, by the slice its splits say they come from. */
    private static Map<Integer, List<List<Object>>> rowsBySlice(TestingWarehouse warehouse, String table)
    {
        ConnectorTransactionHandle transaction = warehouse.begin();
        try {
            ConnectorTableHandle handle = warehouse.table(transaction, table);
            List<ConnectorSplit> splits = splits(warehouse, transaction, handle);
            TestingWarehouse.Scan scan = warehouse.scan(transaction, table, TupleDomain.all());
            assertThat(scan.splits()).isEqualTo(splits.size());
            Map<Integer, List<List<Object>>> bySlice = new HashMap<>();
            for (int i = 0; i < splits.size(); i++) {
                bySlice.computeIfAbsent(((WarehouseSplit) splits.get(i)).slice(), _ -> new ArrayList<>()).addAll(scan.rowsBySplit().get(i));
            }
            return bySlice;
        }
        finally {
            warehouse.connector().commit(transaction);
        }
    }

    private static List<ConnectorSplit> splits(TestingWarehouse warehouse, ConnectorTransactionHandle transaction, ConnectorTableHandle handle)
    {
        List<ConnectorSplit> splits = new ArrayList<>();
        try (ConnectorSplitSource source = warehouse.connector().getSplitManager().getSplits(transaction, SESSION, handle, DynamicFilter.EMPTY, Constraint.alwaysTrue())) {
            while (!source.isFinished()) {
                splits.addAll(source.getNextBatch(1000).join().getSplits());
            }
        }
        return splits;
    }

    private static io.basin.connector.warehouse.storage.TableDefinition definition(TestingWarehouse warehouse, String table)
    {
        return state(warehouse, table).definition();
    }

    private static TableState state(TestingWarehouse warehouse, String table)
    {
        ConnectorTransactionHandle transaction = warehouse.begin();
        try {
            WarehouseTableHandle handle = (WarehouseTableHandle) warehouse.table(transaction, table);
            return warehouse.connector().transaction(transaction).table(handle.tableId()).orElseThrow();
        }
        finally {
            warehouse.connector().commit(transaction);
        }
    }

    @Test
    void testEvenRowsAreBalanced()
    {
        try (TestingWarehouse warehouse = new TestingWarehouse(new WarehouseConfig(directory, 100, 1 << 20, 700, 4))) {
            warehouse.createTable("t", columns(), Map.of("diststyle", "EVEN"));
            List<List<Object>> written = new ArrayList<>();
            for (int batch = 0; batch < 3; batch++) {
                List<List<Object>> rows = rows(333 + batch, batch * 1000L);
                warehouse.insertCommitted("t", TYPES, rows);
                written.addAll(rows);
            }
            Map<Integer, List<List<Object>>> bySlice = rowsBySlice(warehouse, "t");
            assertThat(bySlice.keySet()).containsExactlyInAnyOrder(0, 1, 2, 3);
            int min = bySlice.values().stream().mapToInt(List::size).min().orElseThrow();
            int max = bySlice.values().stream().mapToInt(List::size).max().orElseThrow();
            assertThat(max - min).isLessThanOrEqualTo(1);
            assertThat(bySlice.values().stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(written);
            assertThat(tablePartitioning(warehouse, "t")).isEmpty();
        }
    }

    @Test
    void testAllTablesKeepEqualCopiesThroughDeleteAndVacuum()
    {
        try (TestingWarehouse warehouse = new TestingWarehouse(new WarehouseConfig(directory, 100, 1 << 20, 700, 3))) {
            warehouse.createTable("t", columns(), Map.of("diststyle", "ALL", "sortkey", "big"));
            List<List<Object>> written = new ArrayList<>();
            for (int batch = 0; batch < 2; batch++) {
                List<List<Object>> rows = rows(450, batch * 1000L);
                warehouse.insertCommitted("t", TYPES, rows);
                written.addAll(rows);
            }
            assertCopiesEqual(warehouse, "t", 3, written);

            ConnectorTransactionHandle deleter = warehouse.begin();
            ConnectorMetadata metadata = warehouse.metadata(deleter);
            ConnectorTableHandle table = warehouse.table(deleter, "t");
            ColumnHandle big = metadata.getColumnHandles(SESSION, table).get("big");
            Domain below = Domain.create(ValueSet.ofRanges(Range.lessThan(BIGINT, 300L)), false);
            ConnectorTableHandle filtered = metadata.applyFilter(SESSION, table, new Constraint(TupleDomain.withColumnDomains(Map.of(big, below)))).orElseThrow().getHandle();
            long expectedDeleted = written.stream().filter(row -> row.getFirst() != null && (Long) row.getFirst() < 300).count();
            assertThat(metadata.executeDelete(SESSION, metadata.applyDelete(SESSION, filtered).orElseThrow()).orElseThrow()).isEqualTo(expectedDeleted);
            warehouse.connector().commit(deleter);
            List<List<Object>> kept = written.stream().filter(row -> row.getFirst() == null || (Long) row.getFirst() >= 300).toList();
            assertCopiesEqual(warehouse, "t", 3, kept);

            ConnectorTransactionHandle vacuum = warehouse.begin();
            ConnectorMetadata vacuumMetadata = warehouse.metadata(vacuum);
            vacuumMetadata.executeTableExecute(SESSION, vacuumMetadata.getTableHandleForExecute(SESSION, null, warehouse.table(vacuum, "t"), "vacuum", Map.of(), io.trino.spi.connector.RetryMode.NO_RETRIES).orElseThrow());
            warehouse.connector().commit(vacuum);
            assertCopiesEqual(warehouse, "t", 3, kept);
            assertThat(state(warehouse, "t").groups()).allMatch(group -> group.deleted().isEmpty());
            assertThat(tablePartitioning(warehouse, "t")).isEmpty();
        }
    }

    /** Scans read every row once, from slice 0; every other slice holds a copy of each group, row for row. */
    private static void assertCopiesEqual(TestingWarehouse warehouse, String table, int slices, List<List<Object>> expected)
    {
        assertThat(warehouse.readAll(table)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rowsBySlice(warehouse, table).keySet()).containsExactly(0);
        TableState state = state(warehouse, table);
        List<RowGroup> originals = state.primaryGroups();
        assertThat(originals).allMatch(group -> group.slice() == 0);
        for (RowGroup original : originals) {
            List<RowGroup> copies = state.groups().stream().filter(group -> group.copyOf().equals(java.util.Optional.of(original.id()))).toList();
            assertThat(copies).extracting(RowGroup::slice).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(1, slices).boxed().toList());
            List<List<Object>> originalRows = liveRows(warehouse, state, original);
            for (RowGroup copy : copies) {
                assertThat(liveRows(warehouse, state, copy)).isEqualTo(originalRows);
            }
        }
        assertThat(state.groups()).hasSize(originals.size() * slices);
    }

    private static List<List<Object>> liveRows(TestingWarehouse warehouse, TableState state, RowGroup group)
    {
        ConnectorTransactionHandle transaction = warehouse.begin();
        try {
            var store = warehouse.connector().transaction(transaction).store();
            List<Block> blocks = new ArrayList<>();
            for (int ordinal = 0; ordinal < TYPES.size(); ordinal++) {
                blocks.add(store.readBlock(state.definition(), group, ordinal));
            }
            List<List<Object>> rows = new ArrayList<>();
            for (int position = 0; position < group.rowCount(); position++) {
                if (group.isDeleted(position)) {
                    continue;
                }
                List<Object> row = new ArrayList<>();
                for (int ordinal = 0; ordinal < TYPES.size(); ordinal++) {
                    row.add(readNativeValue(TYPES.get(ordinal), blocks.get(ordinal), position));
                }
                rows.add(row);
            }
            return rows;
        }
        finally {
            warehouse.connector().commit(transaction);
        }
    }

    @Test
    void testAutoIsAllWhileSmallThenEven()
    {
        try (TestingWarehouse warehouse = new TestingWarehouse(new WarehouseConfig(directory, 1000, 1 << 20, 50_000, 2))) {
            warehouse.createTable("t", columns(), Map.of());
            List<List<Object>> small = rows(100, 0);
            warehouse.insertCommitted("t", TYPES, small);
            assertCopiesEqual(warehouse, "t", 2, small);
            // a write that takes the table past the threshold spreads its rows round-robin
            List<List<Object>> large = rows((int) SliceDistribution.AUTO_ALL_MAX_ROWS, 100_000);
            warehouse.insertCommitted("t", TYPES, large);
            TableState state = state(warehouse, "t");
            List<RowGroup> newGroups = state.primaryGroups().stream().filter(group -> state.groups().stream().noneMatch(other -> other.copyOf().equals(java.util.Optional.of(group.id())))).toList();
            long onFirst = newGroups.stream().filter(group -> group.slice() == 0).mapToLong(RowGroup::liveRows).sum();
            long onSecond = newGroups.stream().filter(group -> group.slice() == 1).mapToLong(RowGroup::liveRows).sum();
            assertThat(onFirst + onSecond).isEqualTo(large.size());
            assertThat(Math.abs(onFirst - onSecond)).isLessThanOrEqualTo(1);
            List<List<Object>> all = new ArrayList<>(small);
            all.addAll(large);
            assertThat(warehouse.readAll("t")).containsExactlyInAnyOrderElementsOf(all);
        }
    }

    @Test
    void testKeyTablesReportTheirPartitioning()
    {
        try (TestingWarehouse warehouse = new TestingWarehouse(new WarehouseConfig(directory, 100, 1 << 20, 700, 4))) {
            warehouse.createTable("by_big", columns(), Map.of("distkey", "big"));
            warehouse.createTable("by_small", columns(), Map.of("distkey", "small"));
            warehouse.createTable("by_name", columns(), Map.of("distkey", "name"));
            warehouse.createTable("by_big_2", columns(), Map.of("distkey", "big", "slices", "2"));
            ConnectorTablePartitioning big = tablePartitioning(warehouse, "by_big").orElseThrow();
            assertThat(big.getPartitioningColumns()).extracting(column -> ((WarehouseColumnHandle) column).name()).containsExactly("big");
            // integers of any width share a hash: a bigint and an integer key partition alike
            assertThat(tablePartitioning(warehouse, "by_small").orElseThrow().getPartitioningHandle()).isEqualTo(big.getPartitioningHandle());
            assertThat(tablePartitioning(warehouse, "by_name").orElseThrow().getPartitioningHandle()).isNotEqualTo(big.getPartitioningHandle());
            assertThat(tablePartitioning(warehouse, "by_big_2").orElseThrow().getPartitioningHandle()).isNotEqualTo(big.getPartitioningHandle());
            assertThat(warehouse.connector().getNodePartitioningProvider().getBucketNodeMapping(null, SESSION, big.getPartitioningHandle()).orElseThrow().getBucketCount()).isEqualTo(4);

            // the bucket function of rows agrees with where the rows were put
            List<List<Object>> rows = rows(800, 0);
            warehouse.insertCommitted("by_big", TYPES, rows);
            var bucketFunction = warehouse.connector().getNodePartitioningProvider().getBucketFunction(null, SESSION, big.getPartitioningHandle(), List.of(BIGINT), 4);
            rowsBySlice(warehouse, "by_big").forEach((slice, sliceRows) -> {
                Page keys = TestingWarehouse.page(List.of(BIGINT), sliceRows.stream().map(row -> java.util.Collections.singletonList(row.getFirst())).toList());
                for (int position = 0; position < keys.getPositionCount(); position++) {
                    assertThat(bucketFunction.getBucket(keys, position)).isEqualTo(slice);
                }
            });

            assertThatThrownBy(() -> warehouse.createTable("bad", columns(), Map.of("slices", "0")))
                    .hasMessageContaining("SLICES must be between 1 and");
        }
    }

    private static java.util.Optional<ConnectorTablePartitioning> tablePartitioning(TestingWarehouse warehouse, String table)
    {
        ConnectorTransactionHandle transaction = warehouse.begin();
        try {
            return warehouse.metadata(transaction).getTableProperties(SESSION, warehouse.table(transaction, table)).getTablePartitioning();
        }
        finally {
            warehouse.connector().commit(transaction);
        }
    }
}
