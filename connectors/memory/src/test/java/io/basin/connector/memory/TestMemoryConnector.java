package io.basin.connector.memory;

import io.airlift.slice.Slice;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorContext;
import io.trino.spi.connector.ConnectorInsertTableHandle;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorOutputTableHandle;
import io.trino.spi.connector.ConnectorPageSink;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.RetryMode;
import io.trino.spi.connector.SaveMode;
import io.trino.spi.connector.SchemaNotFoundException;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SourcePage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.airlift.slice.Slices.utf8Slice;
import static io.basin.connector.testing.TestingConnectorSession.SESSION;
import static io.trino.spi.StandardErrorCode.ALREADY_EXISTS;
import static io.trino.spi.StandardErrorCode.CONSTRAINT_VIOLATION;
import static io.trino.spi.StandardErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT;
import static io.trino.spi.StandardErrorCode.SCHEMA_NOT_EMPTY;
import static io.trino.spi.transaction.IsolationLevel.READ_COMMITTED;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestMemoryConnector
{
    private static final SchemaTableName T = new SchemaTableName("public", "t");
    private static final List<ColumnMetadata> COLUMNS = List.of(new ColumnMetadata("id", BIGINT), new ColumnMetadata("name", VARCHAR));

    private final Connector connector = new MemoryConnectorFactory().create("memory", Map.of(MemoryConfig.SPLITS_PER_TABLE, "4"), new ConnectorContext() {});

    @Test
    void publicSchemaExistsAndSchemasCanBeCreatedAndDropped()
    {
        ConnectorMetadata metadata = metadata();
        assertThat(metadata.listSchemaNames(SESSION)).containsExactly("public");
        metadata.createSchema(SESSION, "sales", Map.of(), null);
        assertThat(metadata.listSchemaNames(SESSION)).containsExactly("public", "sales");
        assertThatThrownBy(() -> metadata.createSchema(SESSION, "sales", Map.of(), null))
                .hasMessage("Schema 'sales' already exists");

        metadata.createTable(SESSION, new ConnectorTableMetadata(new SchemaTableName("sales", "x"), COLUMNS), SaveMode.FAIL);
        assertThatThrownBy(() -> metadata.dropSchema(SESSION, "sales", false))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(SCHEMA_NOT_EMPTY.toErrorCode()));
        metadata.dropSchema(SESSION, "sales", true);
        assertThat(metadata.listSchemaNames(SESSION)).containsExactly("public");
        assertThat(metadata.listTables(SESSION, Optional.empty())).isEmpty();
        assertThatThrownBy(() -> metadata.dropSchema(SESSION, "sales", false)).isInstanceOf(SchemaNotFoundException.class);
    }

    @Test
    void createTableErrors()
    {
        ConnectorMetadata metadata = metadata();
        metadata.createTable(SESSION, new ConnectorTableMetadata(T, COLUMNS), SaveMode.FAIL);
        assertThatThrownBy(() -> metadata.createTable(SESSION, new ConnectorTableMetadata(T, COLUMNS), SaveMode.FAIL))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(ALREADY_EXISTS.toErrorCode()))
                .hasMessage("Table 'public.t' already exists");
        metadata.createTable(SESSION, new ConnectorTableMetadata(T, COLUMNS), SaveMode.IGNORE);
        assertThatThrownBy(() -> metadata.createTable(SESSION, new ConnectorTableMetadata(new SchemaTableName("nope", "t"), COLUMNS), SaveMode.FAIL))
                .isInstanceOf(SchemaNotFoundException.class);
        assertThatThrownBy(() -> metadata.beginCreateTable(SESSION, new ConnectorTableMetadata(T, COLUMNS), Optional.empty(), RetryMode.NO_RETRIES, false))
                .hasMessage("Table 'public.t' already exists");
    }

    @Test
    void createTableAsSelectPublishesAtFinish()
    {
        ConnectorTransactionHandle transaction = connector.beginTransaction(READ_COMMITTED, false, true);
        ConnectorMetadata metadata = connector.getMetadata(SESSION, transaction);
        ConnectorOutputTableHandle output = metadata.beginCreateTable(SESSION, new ConnectorTableMetadata(T, COLUMNS), Optional.empty(), RetryMode.NO_RETRIES, false);

        List<Slice> fragments = new ArrayList<>();
        for (int writer = 0; writer < 2; writer++) {
            ConnectorPageSink sink = connector.getPageSinkProvider().createPageSink(transaction, SESSION, output, () -> 0);
            for (int page = 0; page < 5; page++) {
                sink.appendPage(page(writer * 1000 + page * 100, 100));
            }
            fragments.addAll(sink.finish().join());
        }
        // Written but not committed: invisible.
        assertThat(metadata.getTableHandle(SESSION, T, Optional.empty(), Optional.empty())).isNull();

        metadata.finishCreateTable(SESSION, output, fragments, List.of());
        connector.commit(transaction);

        ConnectorTableHandle table = tableHandle(metadata(), T);
        assertThat(metadata().getTableStatistics(SESSION, table).getRowCount().getValue()).isEqualTo(1000);
        List<ConnectorSplit> splits = splits(table);
        assertThat(splits).hasSize(4);
        List<Long> ids = readIds(table, splits);
        assertThat(ids).hasSize(1000).doesNotHaveDuplicates();
        assertThat(ids.stream().mapToLong(Long::longValue).sum()).isEqualTo(expectedIdSum());
        assertThat(metadata().getInfo(SESSION, table)).get().isInstanceOfSatisfying(MemoryTableInfo.class, info -> {
            assertThat(info.rowCount()).isEqualTo(1000);
            assertThat(info.pageCount()).isEqualTo(10);
            assertThat(info.retainedBytes()).isPositive();
        });
    }

    @Test
    void projectsRequestedColumns()
    {
        ConnectorTableHandle table = createTableWithRows(10);
        Map<String, ColumnHandle> columns = metadata().getColumnHandles(SESSION, table);
        List<Page> pages = read(table, splits(table), List.of(columns.get("name")));
        assertThat(pages).hasSize(1);
        assertThat(pages.getFirst().getChannelCount()).isEqualTo(1);
        assertThat(VARCHAR.getSlice(pages.getFirst().getBlock(0), 3).toStringUtf8()).isEqualTo("name-3");

        List<Page> countOnly = read(table, splits(table), List.of());
        assertThat(countOnly.getFirst().getChannelCount()).isZero();
        assertThat(countOnly.getFirst().getPositionCount()).isEqualTo(10);
    }

    @Test
    void abortedInsertLeavesTableUnchanged()
    {
        ConnectorTableHandle table = createTableWithRows(10);
        long bytesBefore = ((MemoryConnector) connector).getRetainedBytes();

        ConnectorTransactionHandle transaction = connector.beginTransaction(READ_COMMITTED, false, true);
        ConnectorMetadata metadata = connector.getMetadata(SESSION, transaction);
        ConnectorInsertTableHandle insert = metadata.beginInsert(SESSION, table, List.copyOf(metadata.getColumnHandles(SESSION, table).values()), RetryMode.NO_RETRIES);
        ConnectorPageSink sink = connector.getPageSinkProvider().createPageSink(transaction, SESSION, insert, () -> 0);
        sink.appendPage(page(100, 50));
        assertThat(((MemoryConnector) connector).getRetainedBytes()).isGreaterThan(bytesBefore);
        sink.abort();
        connector.rollback(transaction);

        assertThat(readIds(table, splits(table))).hasSize(10);
        assertThat(((MemoryConnector) connector).getRetainedBytes()).isEqualTo(bytesBefore);
    }

    @Test
    void insertWhoseStatementNeverFinishesIsDiscardedWithItsTransaction()
    {
        ConnectorTableHandle table = createTableWithRows(10);
        long bytesBefore = ((MemoryConnector) connector).getRetainedBytes();

        ConnectorTransactionHandle transaction = connector.beginTransaction(READ_COMMITTED, false, true);
        ConnectorMetadata metadata = connector.getMetadata(SESSION, transaction);
        ConnectorInsertTableHandle insert = metadata.beginInsert(SESSION, table, List.copyOf(metadata.getColumnHandles(SESSION, table).values()), RetryMode.NO_RETRIES);
        ConnectorPageSink sink = connector.getPageSinkProvider().createPageSink(transaction, SESSION, insert, () -> 0);
        sink.appendPage(page(100, 50));
        Collection<Slice> fragments = sink.finish().join();
        assertThat(fragments).hasSize(1);
        connector.rollback(transaction);

        assertThat(readIds(table, splits(table))).hasSize(10);
        assertThat(((MemoryConnector) connector).getRetainedBytes()).isEqualTo(bytesBefore);
        assertThatThrownBy(() -> metadata.finishInsert(SESSION, insert, List.of(), fragments, List.of()))
                .hasMessageContaining("already committed or discarded");
    }

    @Test
    void insertAppendsAtFinish()
    {
        ConnectorTableHandle table = createTableWithRows(10);
        ConnectorTransactionHandle transaction = connector.beginTransaction(READ_COMMITTED, false, true);
        ConnectorMetadata metadata = connector.getMetadata(SESSION, transaction);
        ConnectorInsertTableHandle insert = metadata.beginInsert(SESSION, table, List.copyOf(metadata.getColumnHandles(SESSION, table).values()), RetryMode.NO_RETRIES);
        ConnectorPageSink sink = connector.getPageSinkProvider().createPageSink(transaction, SESSION, insert, () -> 0);
        sink.appendPage(page(100, 50));
        Collection<Slice> fragments = sink.finish().join();
        assertThat(readIds(table, splits(table))).hasSize(10);
        metadata.finishInsert(SESSION, insert, List.of(), fragments, List.of());
        connector.commit(transaction);
        assertThat(readIds(table, splits(table))).hasSize(60);
    }

    @Test
    void insertNeedsAllColumnsInOrder()
    {
        ConnectorTableHandle table = createTableWithRows(1);
        List<ColumnHandle> columns = List.copyOf(metadata().getColumnHandles(SESSION, table).values());
        assertThatThrownBy(() -> metadata().beginInsert(SESSION, table, columns.reversed(), RetryMode.NO_RETRIES))
                .hasMessageContaining("must write all columns in table order");
    }

    @Test
    void renameAndDrop()
    {
        ConnectorTableHandle table = createTableWithRows(10);
        ConnectorMetadata metadata = metadata();
        metadata.createSchema(SESSION, "other", Map.of(), null);
        metadata.renameTable(SESSION, table, new SchemaTableName("other", "u"));
        assertThat(metadata.listTables(SESSION, Optional.empty())).containsExactly(new SchemaTableName("other", "u"));
        // The handle still names the same table.
        assertThat(metadata.getTableMetadata(SESSION, table).getTable()).isEqualTo(new SchemaTableName("other", "u"));
        assertThat(readIds(table, splits(table))).hasSize(10);

        metadata.dropTable(SESSION, table);
        assertThat(metadata.listTables(SESSION, Optional.empty())).isEmpty();
        assertThat(((MemoryConnector) connector).getRetainedBytes()).isZero();
        assertThatThrownBy(() -> splits(table)).hasMessageContaining("no longer exists");
    }

    @Test
    void createTableAsReplacesWhenAsked()
    {
        createTableWithRows(10);
        ConnectorTransactionHandle transaction = connector.beginTransaction(READ_COMMITTED, false, true);
        ConnectorMetadata metadata = connector.getMetadata(SESSION, transaction);
        ConnectorOutputTableHandle output = metadata.beginCreateTable(SESSION, new ConnectorTableMetadata(T, COLUMNS), Optional.empty(), RetryMode.NO_RETRIES, true);
        ConnectorPageSink sink = connector.getPageSinkProvider().createPageSink(transaction, SESSION, output, () -> 0);
        sink.appendPage(page(0, 3));
        metadata.finishCreateTable(SESSION, output, sink.finish().join(), List.of());
        connector.commit(transaction);
        ConnectorTableHandle table = tableHandle(metadata(), T);
        assertThat(readIds(table, splits(table))).containsExactly(0L, 1L, 2L);
    }

    @Test
    void concurrentInsertsAllLand()
            throws Exception
    {
        ConnectorTableHandle table = createTableWithRows(0);
        try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                int base = writer * 1000;
                futures.add(executor.submit(() -> insert(table, base, 100)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        assertThat(readIds(table, splits(table))).hasSize(800).doesNotHaveDuplicates();
        assertThat(metadata().getTableStatistics(SESSION, table).getRowCount().getValue()).isEqualTo(800);
    }

    @Test
    void enforcesDataLimit()
    {
        Connector small = new MemoryConnectorFactory().create("memory", Map.of(MemoryConfig.MAX_DATA_SIZE, "1KB"), new ConnectorContext() {});
        ConnectorTransactionHandle transaction = small.beginTransaction(READ_COMMITTED, false, true);
        ConnectorMetadata metadata = small.getMetadata(SESSION, transaction);
        ConnectorOutputTableHandle output = metadata.beginCreateTable(SESSION, new ConnectorTableMetadata(T, COLUMNS), Optional.empty(), RetryMode.NO_RETRIES, false);
        ConnectorPageSink sink = small.getPageSinkProvider().createPageSink(transaction, SESSION, output, () -> 0);
        assertThatThrownBy(() -> sink.appendPage(page(0, 1000)))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(EXCEEDED_LOCAL_MEMORY_LIMIT.toErrorCode()));
        sink.abort();
        small.rollback(transaction);
        assertThat(((MemoryConnector) small).getRetainedBytes()).isZero();
    }

    @Test
    void notNullColumnsRejectNulls()
    {
        ColumnMetadata required = ColumnMetadata.builder().setName("id").setType(BIGINT).setNullable(false).setComment(Optional.of("the key")).build();
        metadata().createTable(SESSION, new ConnectorTableMetadata(T, List.of(required)), SaveMode.FAIL);
        ConnectorTableHandle table = tableHandle(metadata(), T);
        assertThat(metadata().getTableMetadata(SESSION, table).getColumns()).containsExactly(required);

        ConnectorTransactionHandle transaction = connector.beginTransaction(READ_COMMITTED, false, true);
        ConnectorMetadata metadata = connector.getMetadata(SESSION, transaction);
        ConnectorInsertTableHandle insert = metadata.beginInsert(SESSION, table, List.copyOf(metadata.getColumnHandles(SESSION, table).values()), RetryMode.NO_RETRIES);
        ConnectorPageSink sink = connector.getPageSinkProvider().createPageSink(transaction, SESSION, insert, () -> 0);
        BlockBuilder ids = BIGINT.createBlockBuilder(null, 2);
        BIGINT.writeLong(ids, 1);
        ids.appendNull();
        assertThatThrownBy(() -> sink.appendPage(new Page(ids.build())))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(CONSTRAINT_VIOLATION.toErrorCode()))
                .hasMessage("NULL value not allowed for NOT NULL column: id");
        sink.abort();
        connector.rollback(transaction);
    }

    @Test
    void rejectsUnknownProperties()
    {
        assertThatThrownBy(() -> new MemoryConnectorFactory().create("memory", Map.of("memory.max-data", "1GB"), new ConnectorContext() {}))
                .hasMessageContaining("memory.max-data");
        assertThat(MemoryConfig.fromProperties(Map.of(MemoryConfig.MAX_DATA_SIZE, "2GB")).maxDataBytes()).isEqualTo(2L << 30);
    }

    private void insert(ConnectorTableHandle table, long firstId, int rows)
    {
        ConnectorTransactionHandle transaction = connector.beginTransaction(READ_COMMITTED, false, true);
        ConnectorMetadata metadata = connector.getMetadata(SESSION, transaction);
        ConnectorInsertTableHandle insert = metadata.beginInsert(SESSION, table, List.copyOf(metadata.getColumnHandles(SESSION, table).values()), RetryMode.NO_RETRIES);
        ConnectorPageSink sink = connector.getPageSinkProvider().createPageSink(transaction, SESSION, insert, () -> 0);
        sink.appendPage(page(firstId, rows));
        metadata.finishInsert(SESSION, insert, List.of(), sink.finish().join(), List.of());
        connector.commit(transaction);
    }

    private ConnectorTableHandle createTableWithRows(int rows)
    {
        metadata().createTable(SESSION, new ConnectorTableMetadata(T, COLUMNS), SaveMode.FAIL);
        ConnectorTableHandle table = tableHandle(metadata(), T);
        if (rows > 0) {
            insert(table, 0, rows);
        }
        return table;
    }

    private ConnectorMetadata metadata()
    {
        return connector.getMetadata(SESSION, connector.beginTransaction(READ_COMMITTED, false, true));
    }

    private static ConnectorTableHandle tableHandle(ConnectorMetadata metadata, SchemaTableName name)
    {
        ConnectorTableHandle handle = metadata.getTableHandle(SESSION, name, Optional.empty(), Optional.empty());
        assertThat(handle).isNotNull();
        return handle;
    }

    private static long expectedIdSum()
    {
        long sum = 0;
        for (int writer = 0; writer < 2; writer++) {
            for (int page = 0; page < 5; page++) {
                for (int row = 0; row < 100; row++) {
                    sum += writer * 1000 + page * 100 + row;
                }
            }
        }
        return sum;
    }

    private static Page page(long firstId, int rows)
    {
        BlockBuilder ids = BIGINT.createBlockBuilder(null, rows);
        BlockBuilder names = VARCHAR.createBlockBuilder(null, rows);
        for (int row = 0; row < rows; row++) {
            BIGINT.writeLong(ids, firstId + row);
            VARCHAR.writeSlice(names, utf8Slice("name-" + (firstId + row)));
        }
        return new Page(ids.build(), names.build());
    }

    private List<ConnectorSplit> splits(ConnectorTableHandle table)
    {
        ConnectorTransactionHandle transaction = connector.beginTransaction(READ_COMMITTED, true, true);
        List<ConnectorSplit> splits = new ArrayList<>();
        try (ConnectorSplitSource source = connector.getSplitManager().getSplits(transaction, SESSION, table, DynamicFilter.EMPTY, Constraint.alwaysTrue())) {
            while (!source.isFinished()) {
                splits.addAll(source.getNextBatch(100).join().getSplits());
            }
        }
        return splits;
    }

    private List<Long> readIds(ConnectorTableHandle table, List<ConnectorSplit> splits)
    {
        ColumnHandle id = metadata().getColumnHandles(SESSION, table).get("id");
        List<Long> ids = new ArrayList<>();
        for (Page page : read(table, splits, List.of(id))) {
            Block block = page.getBlock(0);
            for (int position = 0; position < page.getPositionCount(); position++) {
                ids.add(BIGINT.getLong(block, position));
            }
        }
        return ids;
    }

    private List<Page> read(ConnectorTableHandle table, List<ConnectorSplit> splits, List<ColumnHandle> columns)
    {
        ConnectorTransactionHandle transaction = connector.beginTransaction(READ_COMMITTED, true, true);
        List<Page> pages = new ArrayList<>();
        for (ConnectorSplit split : splits) {
            try (ConnectorPageSource source = connector.getPageSourceProvider().createPageSource(transaction, SESSION, split, table, columns, DynamicFilter.EMPTY)) {
                while (!source.isFinished()) {
                    SourcePage page = source.getNextSourcePage();
                    if (page != null) {
                        pages.add(page.getPage());
                    }
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pages;
    }
}
