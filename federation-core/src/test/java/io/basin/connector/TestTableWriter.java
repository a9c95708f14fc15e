package io.basin.connector;

import io.basin.execution.operator.PageSupplier;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.basin.connector.TestingTables.SESSION;
import static io.basin.connector.TestingTables.rows;
import static io.basin.connector.TestingTables.tableHandle;
import static io.trino.spi.StandardErrorCode.ALREADY_EXISTS;
import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static io.trino.spi.type.BigintType.BIGINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestTableWriter
{
    private ConnectorRegistry registry;

    @BeforeEach
    void setUp()
    {
        registry = ConnectorRegistry.createDefault();
        registry.createCatalog("tpch_split", "tpch", Map.of("tpch.rows-per-split", "5000"));
    }

    @AfterEach
    void tearDown()
    {
        registry.close();
    }

    @Test
    void createTableAsSelectIntoMemoryThenScanBack()
            throws Exception
    {
        List<List<Object>> source = readTable("tpch_split", "tiny", "orders");
        assertThat(source).hasSize(15000);

        createTableAs("tpch_split", "tiny", "orders", new SchemaTableName("public", "orders_copy"));

        assertThat(readTable("memory", "public", "orders_copy")).containsExactlyInAnyOrderElementsOf(source);
        try (CatalogTransaction transaction = CatalogTransaction.begin(catalog("memory"), true)) {
            ConnectorMetadata metadata = transaction.metadata(SESSION);
            ConnectorTableHandle copy = tableHandle(metadata, "public", "orders_copy");
            assertThat(metadata.getTableStatistics(SESSION, copy).getRowCount().getValue()).isEqualTo(15000);
            assertThat(metadata.getTableMetadata(SESSION, copy).getColumns())
                    .isEqualTo(tpchColumns("tpch_split", "tiny", "orders"));
        }
    }

    @Test
    void createTableAsFailsForAnExistingTable()
            throws Exception
    {
        createTableAs("tpch", "tiny", "nation", new SchemaTableName("public", "nation"));
        assertThatThrownBy(() -> createTableAs("tpch", "tiny", "nation", new SchemaTableName("public", "nation")))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(ALREADY_EXISTS.toErrorCode()))
                .hasMessage("Table 'public.nation' already exists");
    }

    @Test
    void abortedInsertLeavesTableUnchanged()
            throws Exception
    {
        createTableAs("tpch", "tiny", "region", new SchemaTableName("public", "region"));
        List<List<Object>> before = readTable("memory", "public", "region");
        List<Page> regionPages = readPages("tpch", "tiny", "region");

        try (CatalogTransaction transaction = CatalogTransaction.begin(catalog("memory"), false)) {
            ConnectorTableHandle region = tableHandle(transaction.metadata(SESSION), "public", "region");
            TableWriter writer = TableWriter.beginInsert(transaction, SESSION, region);
            TableWriter.Sink finished = writer.createSink();
            regionPages.forEach(finished::accept);
            finished.finish();
            TableWriter.Sink failing = writer.createSink();
            regionPages.forEach(failing::accept);
            // A page of the wrong shape fails the statement half-way.
            assertThatThrownBy(() -> failing.accept(bigintPage(1)))
                    .isInstanceOf(IllegalArgumentException.class);
            writer.abort();
            transaction.rollback();
        }
        assertThat(readTable("memory", "public", "region")).isEqualTo(before);

        // The same insert committed doubles the table.
        try (CatalogTransaction transaction = CatalogTransaction.begin(catalog("memory"), false)) {
            ConnectorTableHandle region = tableHandle(transaction.metadata(SESSION), "public", "region");
            TableWriter writer = TableWriter.beginInsert(transaction, SESSION, region);
            TableWriter.Sink sink = writer.createSink();
            regionPages.forEach(sink::accept);
            sink.finish();
            writer.commit();
            transaction.commit();
        }
        assertThat(readTable("memory", "public", "region")).hasSize(10);
    }

    @Test
    void commitNeedsEverySinkFinished()
    {
        try (CatalogTransaction transaction = CatalogTransaction.begin(catalog("memory"), false)) {
            TableWriter writer = TableWriter.beginCreateTable(transaction, SESSION,
                    new ConnectorTableMetadata(new SchemaTableName("public", "t"), List.of(new ColumnMetadata("x", BIGINT))), false);
            writer.createSink().accept(bigintPage(7));
            assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class);
            writer.abort();
        }
        try (CatalogTransaction transaction = CatalogTransaction.begin(catalog("memory"), true)) {
            assertThat(transaction.metadata(SESSION).listTables(SESSION, Optional.empty())).isEmpty();
        }
    }

    @Test
    void writingToTpchIsRejected()
    {
        try (CatalogTransaction transaction = CatalogTransaction.begin(catalog("tpch"), false)) {
            ConnectorTableMetadata table = new ConnectorTableMetadata(new SchemaTableName("tiny", "t"), List.of(new ColumnMetadata("x", BIGINT)));
            assertThatThrownBy(() -> TableWriter.beginCreateTable(transaction, SESSION, table, false))
                    .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(NOT_SUPPORTED.toErrorCode()))
                    .hasMessage("Cannot write to tpch catalog: it is read-only");
        }
    }

    /** CREATE TABLE memory.{@code target} AS SELECT * FROM {@code catalog.schema.table}, one writer per partition, in parallel. */
    private void createTableAs(String catalog, String schema, String table, SchemaTableName target)
            throws Exception
    {
        try (CatalogTransaction read = CatalogTransaction.begin(catalog(catalog), true);
                CatalogTransaction write = CatalogTransaction.begin(catalog("memory"), false);
                ExecutorService executor = Executors.newFixedThreadPool(2)) {
            ConnectorMetadata metadata = read.metadata(SESSION);
            ConnectorTableHandle source = tableHandle(metadata, schema, table);
            List<ColumnMetadata> columns = metadata.getTableMetadata(SESSION, source).getColumns();
            Map<String, ColumnHandle> handles = metadata.getColumnHandles(SESSION, source);

            TableWriter writer = TableWriter.beginCreateTable(write, SESSION, new ConnectorTableMetadata(target, columns), false);
            try (TableScanner scanner = TableScanner.create(read, SESSION, source, columns.stream().map(column -> handles.get(column.getName())).toList())) {
                List<Future<?>> drivers = new ArrayList<>();
                for (PageSupplier partition : scanner.createPartitions()) {
                    TableWriter.Sink sink = writer.createSink();
                    drivers.add(executor.submit(() -> {
                        for (Page page = partition.next(); page != null; page = partition.next()) {
                            sink.accept(page);
                        }
                        sink.finish();
                    }));
                }
                for (Future<?> driver : drivers) {
                    driver.get();
                }
                writer.commit();
            }
            catch (Exception e) {
                writer.abort();
                throw e;
            }
            write.commit();
            read.commit();
        }
    }

    private List<List<Object>> readTable(String catalog, String schema, String table)
    {
        List<Type> types = tpchColumns(catalog, schema, table).stream().map(ColumnMetadata::getType).toList();
        return rows(readPages(catalog, schema, table), types, SESSION);
    }

    private List<Page> readPages(String catalog, String schema, String table)
    {
        try (CatalogTransaction transaction = CatalogTransaction.begin(catalog(catalog), true)) {
            ConnectorMetadata metadata = transaction.metadata(SESSION);
            ConnectorTableHandle handle = tableHandle(metadata, schema, table);
            List<ColumnMetadata> columns = metadata.getTableMetadata(SESSION, handle).getColumns();
            Map<String, ColumnHandle> handles = metadata.getColumnHandles(SESSION, handle);
            try (TableScanner scanner = TableScanner.create(transaction, SESSION, handle, columns.stream().map(column -> handles.get(column.getName())).toList())) {
                List<Page> pages = scanner.readAll();
                transaction.commit();
                return pages;
            }
        }
    }

    private List<ColumnMetadata> tpchColumns(String catalog, String schema, String table)
    {
        try (CatalogTransaction transaction = CatalogTransaction.begin(catalog(catalog), true)) {
            ConnectorMetadata metadata = transaction.metadata(SESSION);
            return metadata.getTableMetadata(SESSION, tableHandle(metadata, schema, table)).getColumns();
        }
    }

    private static Page bigintPage(long value)
    {
        BlockBuilder block = BIGINT.createFixedSizeBlockBuilder(1);
        BIGINT.writeLong(block, value);
        return new Page(block.build());
    }

    private CatalogHandle catalog(String name)
    {
        return registry.getCatalog(name).orElseThrow();
    }
}
