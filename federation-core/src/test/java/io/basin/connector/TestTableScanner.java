package io.basin.connector;

import io.basin.execution.operator.PageSupplier;
import io.trino.spi.Page;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Type;
import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemGenerator;
import io.trino.tpch.Nation;
import io.trino.tpch.NationGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static io.basin.connector.TestingTables.SESSION;
import static io.basin.connector.TestingTables.rowCount;
import static io.basin.connector.TestingTables.rows;
import static io.basin.connector.TestingTables.tableHandle;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class TestTableScanner
{
    private ConnectorRegistry registry;

    @BeforeAll
    void setUp()
    {
        registry = ConnectorRegistry.createDefault();
        // Small splits so that even tiny tables scan in several partitions.
        registry.createCatalog("tpch_split", "tpch", Map.of("tpch.rows-per-split", "5000"));
    }

    @AfterAll
    void tearDown()
    {
        registry.close();
    }

    @Test
    void readsNation()
    {
        try (CatalogTransaction transaction = CatalogTransaction.begin(registry.getCatalog("tpch").orElseThrow(), true)) {
            ConnectorMetadata metadata = transaction.metadata(SESSION);
            ConnectorTableHandle nation = tableHandle(metadata, "tiny", "nation");
            List<ColumnMetadata> columns = metadata.getTableMetadata(SESSION, nation).getColumns();
            Map<String, ColumnHandle> handles = metadata.getColumnHandles(SESSION, nation);
            List<ColumnHandle> all = columns.stream().map(column -> handles.get(column.getName())).toList();
            List<Page> pages;
            try (TableScanner scanner = TableScanner.create(transaction, SESSION, nation, all)) {
                pages = scanner.readAll();
            }
            List<Type> types = columns.stream().map(ColumnMetadata::getType).toList();
            List<List<Object>> rows = rows(pages, types, SESSION);

            List<List<Object>> expected = new ArrayList<>();
            for (Nation row : new NationGenerator()) {
                expected.add(List.of(row.nationKey(), row.name(), row.regionKey(), row.comment()));
            }
            assertThat(rows).hasSize(25).containsExactlyElementsOf(expected);
            transaction.commit();
        }
    }

    @Test
    void lineItemMatchesTheGenerator()
    {
        long expectedQuantity = 0;
        long expectedRows = 0;
        for (LineItem item : new LineItemGenerator(0.01, 1, 1)) {
            expectedQuantity += item.quantity();
            expectedRows++;
        }
        assertThat(expectedRows).isEqualTo(60175);

        try (CatalogTransaction transaction = CatalogTransaction.begin(registry.getCatalog("tpch_split").orElseThrow(), true)) {
            ConnectorMetadata metadata = transaction.metadata(SESSION);
            ConnectorTableHandle lineitem = tableHandle(metadata, "tiny", "lineitem");
            ColumnHandle quantity = metadata.getColumnHandles(SESSION, lineitem).get("l_quantity");
            try (TableScanner scanner = TableScanner.create(transaction, SESSION, lineitem, List.of(quantity))) {
                List<PageSupplier> partitions = scanner.createPartitions();
                assertThat(partitions).hasSize(12);
                DecimalType money = createDecimalType(12, 2);
                long rows = 0;
                long quantityCents = 0;
                for (PageSupplier partition : partitions) {
                    for (Page page = partition.next(); page != null; page = partition.next()) {
                        rows += page.getPositionCount();
                        for (int position = 0; position < page.getPositionCount(); position++) {
                            quantityCents += money.getLong(page.getBlock(0), position);
                        }
                    }
                    // Exhausted partitions stay exhausted.
                    assertThat(partition.next()).isNull();
                }
                assertThat(rows).isEqualTo(60175);
                assertThat(quantityCents).isEqualTo(expectedQuantity * 100);
            }
            assertThat(metadata.getTableStatistics(SESSION, lineitem).getRowCount().getValue()).isEqualTo(60000);
        }
    }

    @Test
    void partitionsCanBeReadInParallel()
            throws Exception
    {
        try (CatalogTransaction transaction = CatalogTransaction.begin(registry.getCatalog("tpch_split").orElseThrow(), true);
                ExecutorService executor = Executors.newFixedThreadPool(3)) {
            ConnectorMetadata metadata = transaction.metadata(SESSION);
            ConnectorTableHandle orders = tableHandle(metadata, "tiny", "orders");
            ColumnHandle orderKey = metadata.getColumnHandles(SESSION, orders).get("o_orderkey");
            try (TableScanner scanner = TableScanner.create(transaction, SESSION, orders, List.of(orderKey))) {
                ConcurrentLinkedQueue<PageSupplier> queue = new ConcurrentLinkedQueue<>(scanner.createPartitions());
                assertThat(queue).hasSize(3);
                AtomicLong rows = new AtomicLong();
                AtomicLong keySum = new AtomicLong();
                List<Future<?>> drivers = new ArrayList<>();
                for (int driver = 0; driver < 3; driver++) {
                    drivers.add(executor.submit(() -> {
                        for (PageSupplier partition = queue.poll(); partition != null; partition = queue.poll()) {
                            for (Page page = partition.next(); page != null; page = partition.next()) {
                                rows.addAndGet(page.getPositionCount());
                                for (int position = 0; position < page.getPositionCount(); position++) {
                                    keySum.addAndGet(BIGINT.getLong(page.getBlock(0), position));
                                }
                            }
                        }
                    }));
                }
                for (Future<?> driver : drivers) {
                    driver.get();
                }
                assertThat(rows.get()).isEqualTo(15000);
                long expectedSum = 0;
                for (io.trino.tpch.Order order : new io.trino.tpch.OrderGenerator(0.01, 1, 1)) {
                    expectedSum += order.orderKey();
                }
                assertThat(keySum.get()).isEqualTo(expectedSum);
            }
        }
    }

    @Test
    void closeReleasesPartiallyReadPartitions()
    {
        try (CatalogTransaction transaction = CatalogTransaction.begin(registry.getCatalog("tpch_split").orElseThrow(), true)) {
            ConnectorMetadata metadata = transaction.metadata(SESSION);
            ConnectorTableHandle lineitem = tableHandle(metadata, "tiny", "lineitem");
            List<PageSupplier> partitions;
            try (TableScanner scanner = TableScanner.create(transaction, SESSION, lineitem, List.of())) {
                partitions = scanner.createPartitions();
                Page first = partitions.getFirst().next();
                assertThat(first.getChannelCount()).isZero();
                assertThat(first.getPositionCount()).isPositive();
            }
            // A LIMIT stopped the scan: no partition, opened or not, yields anything more.
            assertThat(partitions).hasSizeGreaterThan(1);
            assertThat(partitions).allSatisfy(partition -> assertThat(partition.next()).isNull());
        }
    }

    @Test
    void countOnlyScanReturnsRowCounts()
    {
        try (CatalogTransaction transaction = CatalogTransaction.begin(registry.getCatalog("tpch").orElseThrow(), true)) {
            ConnectorMetadata metadata = transaction.metadata(SESSION);
            ConnectorTableHandle customer = tableHandle(metadata, "tiny", "customer");
            try (TableScanner scanner = TableScanner.create(transaction, SESSION, customer, List.of())) {
                assertThat(rowCount(scanner.readAll())).isEqualTo(1500);
            }
        }
    }

    @Test
    void transactionCannotBeUsedAfterCommit()
    {
        CatalogTransaction transaction = CatalogTransaction.begin(registry.getCatalog("memory").orElseThrow(), true);
        transaction.commit();
        assertThat(transaction.isActive()).isFalse();
        assertThatThrownBy(() -> transaction.metadata(SESSION)).isInstanceOf(IllegalStateException.class);
        // Rolling back an ended transaction is a no-op, so close() after commit is safe.
        transaction.close();
    }
}
