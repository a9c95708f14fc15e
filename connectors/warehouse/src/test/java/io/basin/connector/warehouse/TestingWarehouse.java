package io.basin.connector.warehouse;

import io.airlift.slice.Slice;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorInsertTableHandle;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorPageSink;
import io.trino.spi.connector.ConnectorPageSinkId;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.SaveMode;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.Type;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.basin.connector.testing.TestingConnectorSession.SESSION;
import static io.trino.spi.connector.RetryMode.NO_RETRIES;
import static io.trino.spi.transaction.IsolationLevel.REPEATABLE_READ;
import static io.trino.spi.type.TypeUtils.readNativeValue;
import static io.trino.spi.type.TypeUtils.writeNativeValue;

/** Drives a warehouse connector through the SPI as a host would: transactions, DDL, writes and scans. */
final class TestingWarehouse
        implements AutoCloseable
{
    private final WarehouseConnector connector;

    /** One slice: the layout (groups, files, order of splits) the tests of storage assert. */
    TestingWarehouse(Path directory)
    {
        this(new WarehouseConfig(directory, 1000, 1 << 20, 5000, 1));
    }

    TestingWarehouse(WarehouseConfig config)
    {
        connector = new WarehouseConnector(config, Optional.empty());
    }

    WarehouseConnector connector()
    {
        return connector;
    }

    ConnectorTransactionHandle begin()
    {
        return connector.beginTransaction(REPEATABLE_READ, false, true);
    }

    ConnectorMetadata metadata(ConnectorTransactionHandle transaction)
    {
        return connector.getMetadata(SESSION, transaction);
    }

    void createTable(String name, List<ColumnMetadata> columns, Map<String, Object> properties)
    {
        ConnectorTransactionHandle transaction = begin();
        metadata(transaction).createTable(SESSION, new ConnectorTableMetadata(new SchemaTableName("public", name), columns, properties), SaveMode.FAIL);
        connector.commit(transaction);
    }

    ConnectorTableHandle table(ConnectorTransactionHandle transaction, String name)
    {
        return metadata(transaction).getTableHandle(SESSION, new SchemaTableName("public", name), Optional.empty(), Optional.empty());
    }

    /** Writes {@code rows} into {@code name} within {@code transaction} (not committed). */
    void insert(ConnectorTransactionHandle transaction, String name, List<Type> types, List<List<Object>> rows)
    {
        ConnectorMetadata metadata = metadata(transaction);
        ConnectorTableHandle table = table(transaction, name);
        List<ColumnHandle> columns = new ArrayList<>(metadata.getColumnHandles(SESSION, table).values());
        ConnectorInsertTableHandle insert = metadata.beginInsert(SESSION, table, columns, NO_RETRIES);
        ConnectorPageSink sink = connector.getPageSinkProvider().createPageSink(transaction, SESSION, insert, new ConnectorPageSinkId() {
            @Override
            public long getId()
            {
                return 0;
            }
        });
        for (int start = 0; start < rows.size(); start += 777) {
            sink.appendPage(page(types, rows.subList(start, Math.min(rows.size(), start + 777))));
        }
        Collection<Slice> fragments = sink.finish().join();
        metadata.finishInsert(SESSION, insert, List.of(), fragments, List.of());
    }

    void insertCommitted(String name, List<Type> types, List<List<Object>> rows)
    {
        ConnectorTransactionHandle transaction = begin();
        insert(transaction, name, types, rows);
        connector.commit(transaction);
    }

    static Page page(List<Type> types, List<List<Object>> rows)
    {
        Block[] blocks = new Block[types.size()];
        for (int column = 0; column < types.size(); column++) {
            BlockBuilder builder = types.get(column).createBlockBuilder(null, rows.size());
            for (List<Object> row : rows) {
                writeNativeValue(types.get(column), builder, row.get(column));
            }
            blocks[column] = builder.build();
        }
        return new Page(rows.size(), blocks);
    }

    /** A scan's result. */
    record Scan(List<List<Object>> rows, int splits, List<List<List<Object>>> rowsBySplit) {}

    Scan scan(ConnectorTransactionHandle transaction, String name, TupleDomain<ColumnHandle> filter)
    {
        ConnectorMetadata metadata = metadata(transaction);
        ConnectorTableHandle table = table(transaction, name);
        if (!filter.isAll()) {
            table = metadata.applyFilter(SESSION, table, new Constraint(filter)).map(result -> result.getHandle()).orElse(table);
        }
        List<ColumnHandle> columns = new ArrayList<>(metadata.getColumnHandles(SESSION, table).values());
        List<Type> types = columns.stream().map(column -> ((WarehouseColumnHandle) column).type()).toList();
        List<List<Object>> rows = new ArrayList<>();
        List<List<List<Object>>> rowsBySplit = new ArrayList<>();
        List<ConnectorSplit> splits = new ArrayList<>();
        try (ConnectorSplitSource source = connector.getSplitManager().getSplits(transaction, SESSION, table, DynamicFilter.EMPTY, Constraint.alwaysTrue())) {
            while (!source.isFinished()) {
                splits.addAll(source.getNextBatch(1000).join().getSplits());
            }
        }
        for (ConnectorSplit split : splits) {
            List<List<Object>> splitRows = new ArrayList<>();
            rowsBySplit.add(splitRows);
            try (ConnectorPageSource source = connector.getPageSourceProvider().createPageSource(transaction, SESSION, split, table, columns, DynamicFilter.EMPTY)) {
                while (!source.isFinished()) {
                    SourcePage page = source.getNextSourcePage();
                    if (page == null) {
                        continue;
                    }
                    for (int position = 0; position < page.getPositionCount(); position++) {
                        List<Object> row = new ArrayList<>();
                        for (int column = 0; column < types.size(); column++) {
                            row.add(readNativeValue(types.get(column), page.getBlock(column), position));
                        }
                        rows.add(row);
                        splitRows.add(row);
                    }
                }
            }
            catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new Scan(rows, splits.size(), rowsBySplit);
    }

    List<List<Object>> readAll(String name)
    {
        ConnectorTransactionHandle transaction = connector.beginTransaction(REPEATABLE_READ, true, true);
        try {
            return scan(transaction, name, TupleDomain.all()).rows();
        }
        finally {
            connector.commit(transaction);
        }
    }

    @Override
    public void close()
    {
        connector.shutdown();
    }
}
