package io.basin.connector.system;

import io.basin.connector.CatalogHandle;
import io.basin.connector.ThreadContextClassLoader;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.RecordCursor;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.trino.spi.transaction.IsolationLevel.READ_COMMITTED;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * {@code system.runtime.remote_queries}: the statements source connectors (PostgreSQL, MySQL)
 * ran or are running for Basin, one row each, gathered from every open source's own
 * {@code runtime.remote_queries} connector system table (Trino SPI
 * {@link io.trino.spi.connector.SystemTable}) and labelled with the source's name. Columns other
 * than {@code source} are read by name and type, so a connector provides any subset of them;
 * {@code started} (UTC) comes from the connector's BIGINT {@code started_epoch_micros}.
 */
public final class RemoteQueriesTable
        implements SystemTable
{
    private static final SchemaTableName SOURCE_TABLE = new SchemaTableName("runtime", "remote_queries");

    private static final List<ColumnMetadata> COLUMNS = List.of(
            new ColumnMetadata("source", VARCHAR),
            new ColumnMetadata("query_id", io.trino.spi.type.BigintType.BIGINT),
            new ColumnMetadata("state", VARCHAR),
            new ColumnMetadata("remote_sql", VARCHAR),
            new ColumnMetadata("row_count", io.trino.spi.type.BigintType.BIGINT),
            new ColumnMetadata("bytes", io.trino.spi.type.BigintType.BIGINT),
            new ColumnMetadata("started", io.trino.spi.type.TimestampType.TIMESTAMP_MICROS),
            new ColumnMetadata("elapsed_ms", io.trino.spi.type.DoubleType.DOUBLE),
            new ColumnMetadata("error", VARCHAR));

    private final Supplier<Map<String, CatalogHandle>> sources;

    /** {@code sources}: the catalogs to ask, by the name shown in {@code source}. */
    public RemoteQueriesTable(Supplier<Map<String, CatalogHandle>> sources)
    {
        this.sources = requireNonNull(sources, "sources is null");
    }

    @Override
    public String schemaName()
    {
        return "runtime";
    }

    @Override
    public String tableName()
    {
        return "remote_queries";
    }

    @Override
    public List<ColumnMetadata> columns()
    {
        return COLUMNS;
    }

    @Override
    public Page rows()
    {
        throw new UnsupportedOperationException("remote_queries is read with a session");
    }

    @Override
    public Page rows(ConnectorSession session)
    {
        List<Type> types = COLUMNS.stream().map(ColumnMetadata::getType).toList();
        PageBuilder page = new PageBuilder(types);
        for (Map.Entry<String, CatalogHandle> source : sources.get().entrySet()) {
            CatalogHandle catalog = source.getValue();
            try (ThreadContextClassLoader _ = new ThreadContextClassLoader(catalog.classLoader())) {
                for (io.trino.spi.connector.SystemTable table : catalog.connector().getSystemTables()) {
                    if (table.getTableMetadata().getTable().equals(SOURCE_TABLE)) {
                        append(page, types, source.getKey(), catalog, table, session);
                    }
                }
            }
        }
        return page.build();
    }

    private static void append(PageBuilder page, List<Type> types, String sourceName, CatalogHandle catalog, io.trino.spi.connector.SystemTable table, ConnectorSession session)
    {
        List<ColumnMetadata> sourceColumns = table.getTableMetadata().getColumns();
        // for each of our columns after "source", its position in the connector's table (or -1)
        int[] positions = new int[COLUMNS.size()];
        for (int i = 1; i < COLUMNS.size(); i++) {
            positions[i] = -1;
            String name = COLUMNS.get(i).getName().equals("started") ? "started_epoch_micros" : COLUMNS.get(i).getName();
            Type type = COLUMNS.get(i).getName().equals("started") ? io.trino.spi.type.BigintType.BIGINT : COLUMNS.get(i).getType();
            for (int j = 0; j < sourceColumns.size(); j++) {
                if (sourceColumns.get(j).getName().equals(name) && sourceColumns.get(j).getType().equals(type)) {
                    positions[i] = j;
                }
            }
        }
        ConnectorTransactionHandle transaction = catalog.connector().beginTransaction(READ_COMMITTED, true, true);
        try (RecordCursor cursor = table.cursor(transaction, session, TupleDomain.all())) {
            while (cursor.advanceNextPosition()) {
                page.declarePosition();
                VARCHAR.writeString(page.getBlockBuilder(0), sourceName);
                for (int i = 1; i < COLUMNS.size(); i++) {
                    Type type = types.get(i);
                    int position = positions[i];
                    if (position < 0 || cursor.isNull(position)) {
                        page.getBlockBuilder(i).appendNull();
                    }
                    else if (type.getJavaType() == long.class) {
                        type.writeLong(page.getBlockBuilder(i), cursor.getLong(position));
                    }
                    else if (type.getJavaType() == double.class) {
                        type.writeDouble(page.getBlockBuilder(i), cursor.getDouble(position));
                    }
                    else {
                        type.writeSlice(page.getBlockBuilder(i), cursor.getSlice(position));
                    }
                }
            }
        }
        finally {
            catalog.connector().commit(transaction);
        }
    }
}
